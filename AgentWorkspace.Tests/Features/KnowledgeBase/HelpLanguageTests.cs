using AgentWorkspace.Features.KnowledgeBase.HelpCentre;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

public sealed class HelpLanguageTests
{
    [Theory]
    [InlineData("es-ES,es;q=0.9,en;q=0.8", "es")]
    [InlineData("fr-FR,fr;q=0.9,es;q=0.7,en;q=0.6", "es")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("de-DE,en;q=0.2,es;q=0.5", "es")]
    [InlineData("es;q=0,en", "en")]
    [InlineData("fr-FR", null)]
    [InlineData("", null)]
    public void AcceptLanguage_PicksTheBestSupportedLanguageByQuality(string header, string? expected) =>
        HelpLanguage.FromAcceptLanguage(header).ShouldBe(expected);

    [Fact]
    public void ArticleLeads_ArePlainTextWithoutMarkdownSyntax()
    {
        var lead = HelpCentreQueries.Lead("If you **lost** your [phone](https://x.example), use a `backup code`.\n\n## Next\nMore.");

        lead.ShouldBe("If you lost your phone, use a backup code.");
    }
}
