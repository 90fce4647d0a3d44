using AgentWorkspace.Features.Agents;
using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>What each role is offered in the browser (the service enforces the same rules: see ArticleWorkflowTests).</summary>
[Collection(BrowserCollection.Name)]
public sealed class KbAuthorizationBrowserTests(BrowserFixture browser)
{
    private KbTestData Data => new(browser.App.Services);

    [Fact]
    public async Task AnAgentWithoutKbEditor_ReadsArticles_ButCannotWriteEditOrApprove()
    {
        var (published, _) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Add a staff account"), "Invite them from **Settings**."));
        await using var ben = await browser.NewPageAsync();
        await ben.SignInAsync(DemoAgents.BenEmail);

        await ben.OpenAsync("/kb");
        await Expect(ben.Page.GetByTestId("kb-list")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("kb-new")).ToHaveCountAsync(0);
        await Expect(ben.Page.Locator("[data-testid=kb-views] [data-view=WaitingForMyReview]")).ToHaveCountAsync(0);

        await ben.OpenAsync($"/kb/articles/{published}");
        await Expect(ben.Page.GetByTestId("article-page").Locator("strong")).ToHaveTextAsync("Settings");
        await Expect(ben.Page.GetByTestId("read-only-note")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("article-actions").Locator("button")).ToHaveCountAsync(0);
        await Expect(ben.Page.GetByTestId("restore")).ToHaveCountAsync(0);

        // Typed into the address bar, the editor is refused before any page renders...
        await ben.Page.GotoAsync("/kb/articles/new");
        await Expect(ben.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
        await Expect(ben.Page.GetByTestId("article-editor")).ToHaveCountAsync(0);
        // ...and reached from inside the workspace, it renders no editor either.
        await ben.OpenAsync("/kb");
        await ben.Page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/kb/articles/{published}/edit");
        await Expect(ben.Page.GetByTestId("not-authorized")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("article-editor")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEditor_IsNeverOfferedToPublishTheirOwnWork()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (anasArticle, anasVersion) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Set tax rates")));
        (await Data.Articles.SubmitAsync(ana, anasArticle, anasVersion)).Succeeded.ShouldBeTrue();
        var (eveEmail, eve) = await Data.CreateAgentAsync("Eve Editor-Reviewer", Roles.KbEditor, Roles.KbReviewer);
        var (evesArticle, evesVersion) = await Data.CreateAsync(eve, KbTestData.Draft(KbTestData.Unique("Issue store credit")));
        (await Data.Articles.SubmitAsync(eve, evesArticle, evesVersion)).Succeeded.ShouldBeTrue();
        await using var anaPage = await browser.NewPageAsync();
        await using var evePage = await browser.NewPageAsync();
        await using var rita = await browser.NewPageAsync();
        await anaPage.SignInAsync(DemoAgents.AnaEmail);
        await evePage.SignInAsync(eveEmail);
        await rita.SignInAsync(DemoAgents.RitaEmail);

        await anaPage.OpenAsync($"/kb/articles/{anasArticle}");
        await Expect(anaPage.Page.GetByTestId("action-withdraw")).ToBeVisibleAsync();
        await Expect(anaPage.Page.GetByTestId("action-approve")).ToHaveCountAsync(0);

        await evePage.OpenAsync($"/kb/articles/{evesArticle}");
        await Expect(evePage.Page.GetByTestId("own-draft-note")).ToBeVisibleAsync();
        await Expect(evePage.Page.GetByTestId("action-approve")).ToHaveCountAsync(0);
        await Expect(evePage.Page.GetByTestId("action-request-changes")).ToHaveCountAsync(0);
        await evePage.OpenAsync("/kb/review");
        await Expect(evePage.Page.KbRow(anasArticle)).ToBeVisibleAsync();
        await Expect(evePage.Page.KbRow(evesArticle)).ToHaveCountAsync(0);

        await rita.OpenAsync($"/kb/articles/{evesArticle}");
        await Expect(rita.Page.GetByTestId("action-approve")).ToBeVisibleAsync();
        await Expect(rita.Page.GetByTestId("action-request-changes")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn_FromTheAgentsKnowledgeBase()
    {
        await using var visitor = await browser.NewPageAsync();

        await visitor.Page.GotoAsync("/kb");

        await Expect(visitor.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
