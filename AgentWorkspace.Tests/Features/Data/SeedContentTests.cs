using AgentWorkspace.Data.Seed;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>The demo content lives in data files editors change by hand: a broken reference fails here, not at start-up.</summary>
public sealed class SeedContentTests
{
    private static readonly string Content = Path.Combine(RepositoryPaths.App, "Data", "Seed", "Content");

    [Fact]
    public void EveryArticleBodyFile_IsUsed_AndEveryArticleHasABody()
    {
        SeedContent.Articles.Count.ShouldBeGreaterThan(0);
        SeedContent.Articles.SelectMany(a => a.Revisions).ShouldAllBe(r => r.Body.Length > 0 && r.Title.Length > 0);
        var files = Directory.EnumerateFiles(Path.Combine(Content, "articles"), "*.md", SearchOption.AllDirectories).Count();
        files.ShouldBe(SeedContent.Articles.Sum(a => a.Revisions.Length), "a Markdown file in Content/articles that articles.json does not name");
    }

    [Fact]
    public void TranslationPairs_AreOneEnglishAndOneSpanishArticle()
    {
        foreach (var pair in SeedContent.Articles.Where(a => a.Pair is not null).GroupBy(a => a.Pair))
        {
            pair.Select(a => a.Language).Order().ToArray().ShouldBe(["en", "es"], $"pair {pair.Key}");
        }
        SeedContent.Articles.Select(a => (a.Language, a.Slug)).ShouldBeUnique();
    }

    [Fact]
    public void Conversations_AreReadInBothLanguages_AndOpenWithTheCustomer()
    {
        SeedContent.Conversations.Select(c => c.Language).Distinct().Order().ToArray().ShouldBe(["en", "es"]);
        SeedContent.Conversations.ShouldAllBe(c => c.Lines.Length > 1 && c.Lines[0].Speaker == Speaker.Customer);
    }
}
