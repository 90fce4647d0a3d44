using System.Globalization;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>What the article service refuses is said in the acting agent's language (their circuit's culture).</summary>
[Collection(AppCollection.Name)]
public sealed class ArticleRefusalLanguageTests(WorkspaceAppFactory app)
{
    private KbTestData Data => new(app.Services);

    [Theory]
    [InlineData("en", "Only a draft can be submitted; this article is in review.", "Another English article already uses the slug")]
    [InlineData("es", "Solo se puede enviar un borrador; este artículo está en revisión.", "Otro artículo en inglés ya usa el slug")]
    public async Task Refusals_AreInTheAgentsLanguage(string language, string notADraft, string slugTaken)
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var title = KbTestData.Unique("Print packing slips");
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(title));
        var submitted = await Data.Articles.SubmitAsync(ana, id, version);
        submitted.Succeeded.ShouldBeTrue(submitted.Error);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var again = await Data.Articles.SubmitAsync(ana, id, submitted.Version!.Value);
            var duplicate = await Data.Articles.CreateAsync(ana, new AgentWorkspace.Features.KnowledgeBase.NewArticle("en", KbTestData.Draft(title)));

            again.Error.ShouldBe(notADraft);
            duplicate.Error.ShouldNotBeNull().ShouldStartWith(slugTaken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
