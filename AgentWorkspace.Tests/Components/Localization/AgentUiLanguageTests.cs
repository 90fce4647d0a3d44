using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Components.Localization;

/// <summary>
/// The agent UI speaks English and Spanish. Every string resource has both languages with the same keys and the same
/// {0} placeholders, and every key a component asks its localizer for exists, so a missing word fails here rather
/// than showing its key to a Spanish-speaking agent.
/// </summary>
public sealed partial class AgentUiLanguageTests
{
    private static readonly string[] Sources = Directory
        .EnumerateFiles(RepositoryPaths.App, "*.*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
        .ToArray();

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var neutral in Sources.Where(f => f.EndsWith(".resx", StringComparison.Ordinal) && !f.EndsWith(".es.resx", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.App, neutral));
        }
        return data;
    }

    [Fact]
    public void TheAgentUiHasResources()
    {
        ResourceSets().Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void SpanishHasEveryEnglishKey_WithTheSamePlaceholders(string neutralPath)
    {
        var english = Read(Path.Combine(RepositoryPaths.App, neutralPath));
        var spanishPath = Path.Combine(RepositoryPaths.App, neutralPath[..^".resx".Length] + ".es.resx");
        File.Exists(spanishPath).ShouldBeTrue($"{neutralPath} has no Spanish file");
        var spanish = Read(spanishPath);

        english.Keys.Except(spanish.Keys).ShouldBeEmpty($"keys missing in Spanish ({neutralPath})");
        spanish.Keys.Except(english.Keys).ShouldBeEmpty($"keys missing in English ({neutralPath})");
        foreach (var (key, text) in english)
        {
            text.ShouldNotBeNullOrWhiteSpace($"{neutralPath}: {key} is empty in English");
            spanish[key].ShouldNotBeNullOrWhiteSpace($"{neutralPath}: {key} is empty in Spanish");
            Placeholders(spanish[key]).ShouldBe(Placeholders(text), $"{neutralPath}: {key} has other placeholders in Spanish");
        }
    }

    [Fact]
    public void EveryKeyAComponentAsksFor_Exists()
    {
        var resources = Sources.Where(f => f.EndsWith(".resx", StringComparison.Ordinal) && !f.EndsWith(".es.resx", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Read(f).Keys.ToHashSet());
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in Sources.Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match injection in Injection().Matches(text))
            {
                var resourceName = injection.Groups["type"].Value.Split('.').Last();
                var variable = injection.Groups["name"].Value;
                if (!resources.TryGetValue(resourceName, out var keys))
                {
                    missing.Add($"{Path.GetFileName(file)}: no {resourceName}.resx");
                    continue;
                }
                foreach (Match use in new Regex($@"\b{Regex.Escape(variable)}\[""(?<key>[^""]+)""").Matches(text))
                {
                    checkedKeys++;
                    if (!keys.Contains(use.Groups["key"].Value))
                    {
                        missing.Add($"{Path.GetFileName(file)}: {resourceName}[\"{use.Groups["key"].Value}\"]");
                    }
                }
            }
        }
        checkedKeys.ShouldBeGreaterThan(0);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void ResourcesResolveInBothLanguages()
    {
        var localizer = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Create(typeof(AgentWorkspace.Components.Layout.ShellStrings));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            localizer["SignOut"].Value.ShouldBe("Sign out");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            localizer["SignOut"].Value.ShouldBe("Cerrar sesión");
            localizer["SignOut"].ResourceNotFound.ShouldBeFalse();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    /// <summary>The argument numbers a text uses; formats may differ by language (a Spanish date is dd/MM).</summary>
    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["index"].Value).Distinct().Order().ToArray();

    /// <summary>@inject IStringLocalizer&lt;X&gt; L, [Inject] ... IStringLocalizer&lt;X&gt; L { get; set; }, or a constructor parameter.</summary>
    [GeneratedRegex(@"IStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)")]
    private static partial Regex Injection();

    [GeneratedRegex(@"\{(?<index>\d+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
