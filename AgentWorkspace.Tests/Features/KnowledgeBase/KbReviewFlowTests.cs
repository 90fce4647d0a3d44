using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>The whole review flow in Chromium, with the reviewer, the author and another agent watching live.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class KbReviewFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task EditorSubmits_ReviewerRequestsChanges_EditorResubmits_ReviewerApproves_AndItGoesLiveEverywhere()
    {
        var title = KbTestData.Unique("Split an order into two shipments");
        var comment = "Please say whether the customer pays shipping twice.";
        await using var ana = await browser.NewPageAsync();
        await using var rita = await browser.NewPageAsync();
        await using var ben = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await rita.SignInAsync(DemoAgents.RitaEmail);
        await ben.SignInAsync(DemoAgents.BenEmail);
        await rita.OpenAsync("/kb/review");
        var queueCount = await rita.Page.GetByTestId("review-count").TextContentAsync();
        await ben.OpenAsync("/kb");
        await ben.Page.SelectKbViewAsync("Live");

        // Ana writes the article with a live preview and submits it.
        await ana.OpenAsync("/kb/articles/new");
        await ana.Page.GetByTestId("editor-title").FillAsync(title);
        await Expect(ana.Page.GetByTestId("editor-slug")).ToHaveValueAsync(ArticleLimits.Slugify(title));
        await ana.Page.GetByTestId("editor-keywords").FillAsync("split shipment, partial fulfilment");
        await ana.Page.ChooseAsync("editor-category", "Orders & shipping › Orders & returns");
        await ana.Page.FillBodyAsync("Open the order and choose **Split shipment**.", "Split shipment");
        await Expect(ana.Page.GetByTestId("editor-preview").Locator("strong")).ToHaveTextAsync("Split shipment");
        await ana.Page.GetByTestId("editor-submit").ClickAsync();
        await ana.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/kb/articles/\d+$"));
        await ana.Page.ExpectStatusAsync("InReview");
        var articleId = int.Parse(await ana.Page.GetByTestId("article-page").GetAttributeAsync("data-article") ?? "0");

        // Rita's queue shows it live; she asks for changes.
        var ritasRow = rita.Page.KbRow(articleId);
        await Expect(ritasRow).ToBeVisibleAsync();
        await Expect(rita.Page.GetByTestId("review-count")).Not.ToHaveTextAsync(queueCount ?? "");
        await Expect(rita.Page.GetByTestId("notification-count")).ToBeVisibleAsync();
        await ritasRow.GetByTestId("kb-title").ClickAsync();
        await rita.Page.ExpectStatusAsync("InReview");
        await rita.Page.GetByTestId("action-request-changes").ClickAsync();
        await rita.Page.GetByTestId("review-comment-input").FillAsync(comment);
        await rita.Page.GetByTestId("send-back").ClickAsync();
        await rita.Page.ExpectStatusAsync("Draft");

        // Ana's open page turns back to draft with Rita's comments; she fixes the article and resubmits.
        await ana.Page.ExpectStatusAsync("Draft");
        await Expect(ana.Page.GetByTestId("review-comment")).ToContainTextAsync(comment);
        await Expect(ana.Page.GetByTestId("review-comment")).ToContainTextAsync("Rita Okafor requested changes");
        await ana.Page.GetByTestId("action-edit").ClickAsync();
        await Expect(ana.Page.GetByTestId("article-editor").GetByTestId("review-comment")).ToContainTextAsync(comment);
        await ana.Page.FillBodyAsync("Open the order and choose **Split shipment**.\n\nThe customer pays shipping once.", "pays shipping once");
        await ana.Page.GetByTestId("editor-note").FillAsync("Answered Rita: shipping is charged once");
        await ana.Page.GetByTestId("editor-submit").ClickAsync();
        await ana.Page.ExpectStatusAsync("InReview");
        await Expect(ana.Page.GetByTestId("review-comment")).ToHaveCountAsync(0);

        // Rita's page follows and she approves; Ben's list shows the new article without a reload.
        await rita.Page.ExpectStatusAsync("InReview");
        await Expect(ben.Page.KbRow(articleId)).ToHaveCountAsync(0);
        await rita.Page.GetByTestId("action-approve").ClickAsync();
        await Expect(rita.Page.GetByTestId("confirm-message")).ToContainTextAsync("Customers see it");
        await rita.Page.ConfirmAsync();
        await rita.Page.ExpectStatusAsync("Published");
        await ana.Page.ExpectStatusAsync("Published");
        await Expect(ben.Page.KbRow(articleId)).ToBeVisibleAsync();
        await Expect(ben.Page.KbRow(articleId).GetByTestId("kb-title")).ToHaveTextAsync(title);
        await Expect(rita.Page.GetByTestId("article-history").Locator("li[data-kind=Published]")).ToContainTextAsync("Rita Okafor approved and published revision 2");
        await Expect(rita.Page.GetByTestId("article-history").Locator("li[data-kind=ChangesRequested]")).ToContainTextAsync(comment);

        // A customer reads it in the help centre, and finds it by search.
        await using var visitor = await browser.NewPageAsync();
        await visitor.Page.GotoAsync($"/help/articles/{ArticleLimits.Slugify(title)}");
        await Expect(visitor.Page.GetByTestId("help-article-title")).ToHaveTextAsync(title);
        await Expect(visitor.Page.GetByTestId("help-article")).ToContainTextAsync("The customer pays shipping once.");
        await visitor.Page.GetByTestId("help-search").FillAsync("split shipment");
        await visitor.Page.GetByTestId("help-search").PressAsync("Enter");
        await Expect(visitor.Page.GetByTestId("help-article-link").Filter(new() { HasTextString = title })).ToBeVisibleAsync();
        await Expect(visitor.Page.Locator("html[data-circuit]")).ToHaveCountAsync(0);
        visitor.ConsoleErrors.ShouldBeEmpty();
    }
}
