using AgentWorkspace.Data;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.Features.Chat;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Suggestions;

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

    [Fact]
    public async Task ACustomerWhoSeesSuggestions_AndSendsWithoutOpeningOne_IsListedInTheGapReport()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var question = $"how do I print shipping labels for my plimbo{id} parcels";
        var followUp = $"can I get a refund for the quorrel{id} order";
        await using var visitor = await browser.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();

        // Before the chat: suggestions shown under the question, none opened, the form sent (live chat or offline message alike).
        await widget.Root.Locator("#aw-name").FillAsync("Ignoring Iris");
        await widget.Root.Locator("#aw-email").FillAsync($"iris.{id}@example.com");
        await widget.Root.Locator("#aw-question").FillAsync(question);
        await Expect(widget.Root.Locator("form.start .suggestions a").First).ToHaveTextAsync("Print shipping labels");
        await widget.StartForm.Locator("button[type=submit]").ClickAsync();
        await Expect(widget.Root).Not.ToHaveAttributeAsync("data-ticket", "");
        var ticket = await Chat.Chat.TicketAsync(browser, int.Parse((await widget.Root.GetAttributeAsync("data-ticket"))!));

        // In the chat: the same again in the message box.
        await widget.Input.FillAsync(followUp);
        await Expect(widget.Root.Locator(".chat .suggestions a").First).ToBeVisibleAsync();
        await widget.Input.PressAsync("Enter");
        await Expect(widget.Message(followUp)).ToBeVisibleAsync();
        await Expect(widget.Root.Locator(".chat .suggestions")).ToBeHiddenAsync();

        // The widget reports as it sends; the report reads what has been stored, so wait for both (bounded).
        var report = browser.App.Services.GetRequiredService<KbGapReport>();
        var keys = new[] { question, followUp }.Select(q => KbGapReport.GroupKey(q, "en")).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var gaps = await report.TopAsync(TimeSpan.FromDays(1), take: 1000);
        while (!keys.All(k => gaps.Any(g => g.Key == k)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            gaps = await report.TopAsync(TimeSpan.FromDays(1), take: 1000);
        }
        foreach (var key in keys)
        {
            gaps.ShouldContain(g => g.Key == key && g.FromCustomers == 1 && g.FromAgents == 0, $"the gap report lists the customer's question ({key})");
        }
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var lists = await db.SuggestionRequests.Where(r => r.Query == question || r.Query == followUp).Select(r => new { r.Outcome, r.TicketId }).ToListAsync();
        lists.Count.ShouldBe(2);
        lists.ShouldAllBe(r => r.Outcome == SuggestionOutcome.NotUsed && r.TicketId == ticket.Id);
    }
}
