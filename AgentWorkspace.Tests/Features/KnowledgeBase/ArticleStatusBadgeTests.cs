using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

public sealed class ArticleStatusBadgeTests : ComponentTest
{
    [Theory]
    [InlineData(ArticleStatus.Draft, "Borrador")]
    [InlineData(ArticleStatus.InReview, "En revisión")]
    [InlineData(ArticleStatus.Published, "Publicado")]
    [InlineData(ArticleStatus.Archived, "Archivado")]
    public void ASpanishSpeakingAgent_SeesTheStatusInSpanish_WhileDataStatusStaysInvariant(ArticleStatus status, string spanish)
    {
        UseLanguage("es");

        var badge = Render<ArticleStatusBadge>(p => p.Add(b => b.Status, status)).Find("[data-testid=article-status]");

        badge.TextContent.Trim().ShouldBe(spanish);
        badge.GetAttribute("data-status").ShouldBe(status.ToString());
    }

    [Fact]
    public void AnEarlierLiveRevision_IsNamedInSpanishToo()
    {
        UseLanguage("es");

        var badge = Render<ArticleStatusBadge>(p => p.Add(b => b.Status, ArticleStatus.InReview).Add(b => b.IsLive, true));

        badge.Find("[data-testid=article-live]").TextContent.Trim().ShouldBe("Versión publicada en línea");
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, "Draft")]
    [InlineData(ArticleStatus.InReview, "In review")]
    [InlineData(ArticleStatus.Published, "Published")]
    [InlineData(ArticleStatus.Archived, "Archived")]
    public void AnEnglishSpeakingAgent_SeesTheEnglishName(ArticleStatus status, string english)
    {
        Render<ArticleStatusBadge>(p => p.Add(b => b.Status, status)).Find("[data-testid=article-status]").TextContent.Trim().ShouldBe(english);
    }

    [Fact]
    public void EveryStatus_HasAWordInBothLanguages()
    {
        foreach (var language in new[] { "en", "es" })
        {
            UseLanguage(language);
            Enum.GetValues<ArticleStatus>().Select(KnowledgeBaseStrings.Status).ShouldAllBe(w => !string.IsNullOrWhiteSpace(w));
        }
    }
}
