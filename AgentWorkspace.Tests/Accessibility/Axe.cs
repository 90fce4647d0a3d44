using System.Text.Json;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Accessibility;

/// <summary>One element axe-core found breaking a rule.</summary>
public sealed record AxeViolation(string Page, string Theme, string Rule, string Impact, string Help, string Target, string Summary)
{
    public override string ToString() =>
        $"[{Page}, {Theme}] {Rule} ({Impact}): {Help}\n    at {Target}\n    {Summary.ReplaceLineEndings("\n    ")}";
}

/// <summary>
/// Runs axe-core (<c>wwwroot-assets/node_modules/axe-core</c>: a devDependency the app build's <c>npm ci</c> installs)
/// in the page as it is, with the WCAG 2.0 and 2.1 A and AA rules.
/// </summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "wwwroot-assets", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: building AgentWorkspace runs npm ci in wwwroot-assets, which installs it.");
    });

    private const string Run = """
        async tags => {
          const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          return JSON.stringify(result.violations.flatMap(v => v.nodes.map(n => ({
            rule: v.id,
            impact: v.impact ?? "",
            help: v.help,
            target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(", "),
            summary: n.failureSummary ?? "",
          }))));
        }
        """;

    /// <summary>The violations on the page now, one per element and rule.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page, string pageName, string theme)
    {
        // Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }
        // Colours are judged as they settle: a button that has just become enabled is still fading from its disabled grey.
        await page.EvaluateAsync(SettleTransitions);
        var json = await page.EvaluateAsync<string>(Run, WcagTags);
        var found = JsonSerializer.Deserialize<List<Found>>(json, JsonSerializerOptions.Web) ?? [];
        return found.Select(f => new AxeViolation(pageName, theme, f.Rule, f.Impact, f.Help, f.Target, f.Summary)).ToList();
    }

    /// <summary>Waits for the running CSS transitions and finite animations (a spinner's endless one is left alone).</summary>
    private const string SettleTransitions = """
        () => Promise.all(document.getAnimations()
            .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
            .map(a => a.finished.catch(() => null)))
        """;

    private sealed record Found(string Rule, string Impact, string Help, string Target, string Summary);
}
