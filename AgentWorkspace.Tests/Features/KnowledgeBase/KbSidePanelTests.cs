using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>The knowledge base beside a ticket: find an article, read it, insert its link into the reply.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class KbSidePanelTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);
    private KbTestData Data => new(browser.App.Services);

    [Fact]
    public async Task AnAgentInsertsALinkToAPublishedArticle_AtTheCaret_AndTheCustomerCanOpenIt()
    {
        var ticket = await scenario.CreateTicketAsync("I lost my phone, how do I sign in with two-factor on?");
        int articleId;
        await using (var db = await Data.DbAsync())
        {
            articleId = await db.Articles.Where(a => a.Slug == "turn-on-two-factor-authentication").Select(a => a.Id).SingleAsync();
        }
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var page = ana.Page;
        await page.GetByTestId("composer-input").FillAsync("Here is how:");

        await page.GetByTestId("kb-panel-search").FillAsync("two-factor authentication");
        await page.Locator($"[data-testid=kb-panel-result][data-article='{articleId}'] button").ClickAsync();
        await Expect(page.GetByTestId("kb-panel-article")).ToContainTextAsync("Set it up");
        await page.GetByTestId("kb-panel-insert").ClickAsync();

        var link = $"{browser.BaseAddress}help/a/{articleId}";
        await Expect(page.GetByTestId("composer-input")).ToHaveValueAsync($"Here is how: [Turn on two-factor authentication]({link})");
        await page.GetByTestId("composer-send").ClickAsync();
        var sent = page.TimelineMessage("Here is how:").Locator("a", new() { HasTextString = "Turn on two-factor authentication" });
        await Expect(sent).ToHaveAttributeAsync("href", link);

        await using var customer = await browser.NewPageAsync();
        await customer.Page.GotoAsync(link);
        await Expect(customer.Page.GetByTestId("help-article-title")).ToHaveTextAsync("Turn on two-factor authentication");
    }

    [Fact]
    public async Task AnInternalArticle_CanBeRead_ButOffersNoLinkForTheCustomer()
    {
        var ticket = await scenario.CreateTicketAsync("Can I get a goodwill refund?");
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var page = ana.Page;

        await page.GetByTestId("kb-panel-search").FillAsync("refund escalation policy");
        await page.GetByTestId("kb-panel-result").Filter(new() { HasTextString = "Refund escalation policy (internal)" }).Locator("button").ClickAsync();

        await Expect(page.GetByTestId("kb-panel-internal-note")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("kb-panel-insert")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("composer-input")).ToHaveValueAsync("");
    }
}
