using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>Its own app and browser: the payload articles would otherwise crowd the other browser tests' lists.</summary>
[CollectionDefinition(Name)]
public sealed class KbXssCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "KnowledgeBase XSS";
}

/// <summary>
/// Every payload in <see cref="XssPayloads"/> as an article body (and title), rendered in real Chromium where people
/// see articles: the editor's live preview, the agents' article page and list, the help centre's article and search
/// pages. Nothing may open a dialog, log a console error, set window.__xss, or leave a script, an event-handler
/// attribute or a javascript:/data:/vbscript: URL in the rendered article.
/// </summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(KbXssCollection.Name)]
public sealed class KbXssTests(BrowserFixture browser)
{
    private KbTestData Data => new(browser.App.Services);

    [Fact]
    public async Task XssPayloads_InTheEditorsLivePreview_RunNothing()
    {
        await using var ana = await NewWatchedPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync("/kb/articles/new");
        var failures = new List<string>();

        for (var i = 0; i < XssPayloads.All.Count; i++)
        {
            // The end marker shows the preview has rendered this payload (it is text even inside a code block).
            await ana.Page.FillBodyAsync($"{XssPayloads.All[i]}\n\nEND-OF-PAYLOAD-{i}", $"END-OF-PAYLOAD-{i}");
            await ProbeAsync(ana, "[data-testid=editor-preview] .aw-markdown", $"editor preview, payload {i}", failures);
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task XssPayloads_InPublishedArticles_RunNothing_InTheAgentsKnowledgeBaseOrTheHelpCentre()
    {
        var ids = new List<int>();
        for (var i = 0; i < XssPayloads.All.Count; i++)
        {
            var payload = XssPayloads.All[i];
            // Titles and keywords are one line and the text policy refuses control characters there (TextPolicy tests).
            var line = XssPayloads.WithoutControlCharacters(payload);
            var title = $"XSS {i:000} {line}";
            var draft = KbTestData.Draft(title.Length > 250 ? title[..250] : title, payload, keywords: line.Length > 900 ? line[..900] : line);
            ids.Add((await Data.PublishedAsync(draft)).Id);
        }
        var failures = new List<string>();

        await using var agent = await NewWatchedPageAsync();
        await agent.SignInAsync(DemoAgents.BenEmail);
        await agent.OpenAsync("/kb");
        await Expect(agent.Page.KbRow(ids[^1])).ToBeVisibleAsync();
        await ProbeAsync(agent, "[data-testid=kb-list]", "agents' KB list", failures);
        await agent.OpenAsync($"/kb/articles/{ids[0]}");
        for (var i = 0; i < ids.Count; i++)
        {
            // Navigating inside the circuit, as an agent clicking through articles does.
            await agent.Page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/kb/articles/{ids[i]}");
            await Expect(agent.Page.Locator($"[data-testid=article-page][data-article='{ids[i]}']")).ToBeVisibleAsync();
            await ProbeAsync(agent, ".aw-kb-article .aw-markdown", $"agent article page, payload {i}", failures);
        }

        await using var visitor = await NewWatchedPageAsync();
        for (var i = 0; i < ids.Count; i++)
        {
            await visitor.Page.GotoAsync($"/help/a/{ids[i]}");
            await Expect(visitor.Page.Locator($"[data-testid=help-article][data-article='{ids[i]}']")).ToBeVisibleAsync();
            await ProbeAsync(visitor, "[data-testid=help-article] .aw-markdown", $"help-centre article, payload {i}", failures);
        }
        await visitor.Page.GotoAsync("/help/search?q=XSS+script+alert+img+svg+javascript");
        await Expect(visitor.Page.GetByTestId("help-article-link").First).ToBeVisibleAsync();
        await ProbeAsync(visitor, "main", "help-centre search results", failures);

        failures.ShouldBeEmpty();
    }

    /// <summary>A page that records dialogs and console errors (see <see cref="AgentPage"/>) and never reaches beyond the app.</summary>
    private async Task<AgentPage> NewWatchedPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.Context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Host is "127.0.0.1" or "localhost" ? route.ContinueAsync() : route.AbortAsync());
        return page;
    }

    private const string DangerousMarkup = """
        selector => {
          const root = document.querySelector(selector);
          if (!root) return ['the rendered content is missing'];
          const found = [];
          const forbidden = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'meta', 'form', 'link',
            'video', 'audio', 'source', 'details', 'template', 'noscript', 'marquee', 'body', 'select', 'textarea', 'button', 'isindex'];
          for (const el of root.querySelectorAll('*')) {
            const tag = el.tagName.toLowerCase();
            if (forbidden.includes(tag)) found.push(`<${tag}>`);
            for (const attribute of el.attributes) {
              if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
              if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(attribute.name) && /^\s*(javascript|vbscript|data):/i.test(attribute.value))
                found.push(`${tag}[${attribute.name}=${attribute.value}]`);
            }
          }
          return found;
        }
        """;

    private static async Task ProbeAsync(AgentPage page, string container, string where, List<string> failures)
    {
        if (await page.Page.EvaluateAsync<bool>("() => typeof window.__xss !== 'undefined'"))
        {
            failures.Add($"{where}: window.__xss was set");
        }
        foreach (var markup in await page.Page.EvaluateAsync<string[]>(DangerousMarkup, container))
        {
            failures.Add($"{where}: rendered {markup}");
        }
        // Blocked requests to other hosts (an image URL in a payload) are expected; anything else logged as an error is not.
        var errors = page.ConsoleErrors.Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)).ToList();
        failures.AddRange(errors.Select(e => $"{where}: console error {e}"));
        failures.AddRange(page.Dialogs.Select(d => $"{where}: dialog {d}"));
        page.ConsoleErrors.Clear();
        page.Dialogs.Clear();
    }
}
