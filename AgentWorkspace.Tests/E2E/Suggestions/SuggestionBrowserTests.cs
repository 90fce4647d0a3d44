using AgentWorkspace.Data;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.E2E.Chat;
using AgentWorkspace.Tests.E2E.Live;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.E2E.Suggestions;

/// <summary>Suggestions in the agent's composer and in the customer's widget, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SuggestionBrowserTests(BrowserFixture browser)
{
    private KbTestData Kb => new(browser.App.Services);

    [Fact]
    public async Task TheComposer_SuggestsFromTheTicket_FollowsTheDraft_AndInsertsALink()
    {
        var ticket = await new LiveScenario(browser).CreateTicketAsync("Hi, I was charged twice and want my money back.", subject: "Charged twice");
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var suggestions = ana.Page.GetByTestId("composer-suggestions").GetByTestId("suggestion");

        // Before typing: from the subject and the customer's message.
        await Expect(suggestions.First).ToContainTextAsync("refund");

        await ana.Page.GetByTestId("composer-input").FillAsync("Sure! To print the shipping labels for your parcels, open Orders and");
        await Expect(suggestions.First).ToContainTextAsync("Print shipping labels");
        await Expect(suggestions.First.Locator("mark").First).ToBeVisibleAsync();
        (await suggestions.CountAsync()).ShouldBeLessThanOrEqualTo(5);

        var articleId = await suggestions.First.GetAttributeAsync("data-article");
        await suggestions.First.GetByTestId("suggestion-insert").ClickAsync();
        await Expect(ana.Page.GetByTestId("composer-input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($@"\[Print shipping labels\]\(http://[^)]+/help/a/{articleId}\)"));

        await suggestions.First.GetByTestId("suggestion-open").ClickAsync();
        await Expect(ana.Page.GetByTestId("kb-panel-article")).ToHaveAttributeAsync("data-article", articleId!);
    }

    [Fact]
    public async Task ANewlyPublishedArticle_IsSuggestedLive_ButADraftNeverIs()
    {
        var word = "wobblefrost" + Guid.NewGuid().ToString("N")[..5];
        var editor = await Kb.ActorAsync(DemoAgents.AnaEmail);
        var (draftId, _) = await Kb.CreateAsync(editor, KbTestData.Draft($"Draft about {word} candles", $"{word} candles draft text."));
        var ticket = await new LiveScenario(browser).CreateTicketAsync($"Question about {word} candles", subject: $"{word} candles");
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var composer = ana.Page.GetByTestId("composer-input");
        await composer.FillAsync($"About your {word} candles");
        var panel = ana.Page.GetByTestId("composer-suggestions");
        await Expect(panel.Locator($"[data-article='{draftId}']")).ToHaveCountAsync(0);

        var (publishedId, _) = await Kb.PublishedAsync(KbTestData.Draft($"Caring for {word} candles", $"Trim the wick of {word} candles."));
        await composer.FillAsync($"About your {word} candles, trim");

        await Expect(panel.Locator($"[data-article='{publishedId}']")).ToBeVisibleAsync();
        await Expect(panel.Locator($"[data-article='{draftId}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheWidget_SuggestsHelpCentreArticles_AndRecordsAnOpenedOneAsDeflected()
    {
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        await widget.Root.Locator("#aw-question").FillAsync("how do I print shipping labels");

        var suggested = widget.Root.Locator("form.start .suggestions a");
        await Expect(suggested.First).ToHaveTextAsync("Print shipping labels");
        (await suggested.CountAsync()).ShouldBeLessThanOrEqualTo(3);
        (await suggested.AllInnerTextsAsync()).ShouldNotContain(t => t.Contains("(internal)"));
        var href = await suggested.First.GetAttributeAsync("href");
        href.ShouldEndWith("/help/articles/print-shipping-labels");

        var popup = await visitor.Page.RunAndWaitForPopupAsync(() => suggested.First.ClickAsync());
        await Expect(popup.Locator("h1")).ToContainTextAsync("Print shipping labels");

        await Chat.Chat.WaitUntilAsync(() =>
        {
            using var check = browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            return check.SuggestionRequests.Any(r => r.Query == "how do I print shipping labels" && r.Outcome == SuggestionOutcome.Opened);
        }, "the opened suggestion is recorded");
    }
}
