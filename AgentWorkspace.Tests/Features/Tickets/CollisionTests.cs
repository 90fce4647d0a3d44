using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>Collision detection: who else is on a ticket, who is typing, and the stale-send guard.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class CollisionTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task AgentsOnTheSameTicket_SeeEachOtherViewingAndTyping_UntilOneLeaves()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var ana = await browser.NewPageAsync();
        await using var lucas = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        var lucasInboxRow = lucas.Page.InboxRow(ticket.Number);
        await Expect(lucasInboxRow).ToBeVisibleAsync();
        await Expect(lucasInboxRow.GetByTestId("viewing-marker")).ToHaveCountAsync(0);
        var lucasTicket = await lucas.OpenTabAsync($"/tickets/{ticket.Number}");

        await ana.OpenAsync($"/tickets/{ticket.Number}");

        var anaSeenByLucas = lucasTicket.GetByTestId("viewers").Locator(".aw-viewer[data-agent='Ana García']");
        await Expect(anaSeenByLucas).ToBeVisibleAsync();
        await Expect(anaSeenByLucas).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\btyping\b"));
        await Expect(ana.Page.GetByTestId("viewers").Locator(".aw-viewer[data-agent='Lucas Martín']")).ToBeVisibleAsync();
        await Expect(ana.Page.GetByTestId("viewers").Locator(".aw-viewer[data-agent='Ana García']")).ToHaveCountAsync(0);
        await Expect(lucasInboxRow.GetByTestId("viewing-marker")).ToContainTextAsync("Ana García");

        await ana.Page.GetByTestId("composer-input").FillAsync("Let me check your invoice");

        await Expect(lucasTicket.GetByTestId("viewers").Locator(".aw-viewer.typing[data-agent='Ana García']")).ToBeVisibleAsync();

        await ana.Page.Locator("a.aw-back").ClickAsync();

        await Expect(ana.Page.GetByTestId("inbox-list")).ToBeVisibleAsync();
        await Expect(anaSeenByLucas).ToHaveCountAsync(0);
        await Expect(lucasInboxRow.GetByTestId("viewing-marker")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SendingAfterACustomerMessageArrived_WarnsFirst_AndReviewKeepsTheDraftUnsent()
    {
        var ticket = await scenario.CreateTicketAsync();
        var draft = $"Your refund is on its way ({Guid.NewGuid():N})";
        var customerText = $"Actually I found the charge twice ({Guid.NewGuid():N})";
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var page = ana.Page;
        var composer = page.GetByTestId("composer-input");
        await composer.FillAsync(draft);
        // The circuit has seen the typing once the composer counts the draft: only then did the agent "start typing".
        await Expect(page.GetByTestId("composer")).ToContainTextAsync($"{draft.Length} / {MessageLimits.MaxBodyLength}");

        var arrived = await scenario.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, customerText, null);
        arrived.Succeeded.ShouldBeTrue(arrived.Error);
        await Expect(page.TimelineMessage(customerText)).ToBeVisibleAsync();
        await page.GetByTestId("composer-send").ClickAsync();

        var warning = page.GetByTestId("stale-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync(customerText);
        await Expect(page.TimelineMessage(draft)).ToHaveCountAsync(0);

        await page.GetByTestId("stale-review").ClickAsync();

        await Expect(warning).ToHaveCountAsync(0);
        await Expect(composer).ToHaveValueAsync(draft);
        await Expect(page.TimelineMessage(draft)).ToHaveCountAsync(0);

        await page.GetByTestId("composer-send").ClickAsync();

        await Expect(page.TimelineMessage(draft)).ToHaveAttributeAsync("data-kind", "agent");
        await Expect(composer).ToHaveValueAsync("");
        await Expect(warning).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SendingAfterATeammatesReplyArrived_WarnsFirst()
    {
        var ticket = await scenario.CreateTicketAsync();
        var draft = $"I'll refund it today ({Guid.NewGuid():N})";
        var lucasReply = $"Refund already issued, 3-5 days ({Guid.NewGuid():N})";
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var page = ana.Page;
        await page.GetByTestId("composer-input").FillAsync(draft);
        await Expect(page.GetByTestId("composer")).ToContainTextAsync($"{draft.Length} / {MessageLimits.MaxBodyLength}");

        var lucas = await scenario.ScopeOfAsync(DemoAgents.LucasEmail);
        var sent = await scenario.Tickets.AddAgentMessageAsync(lucas, ticket.Id, new AgentMessage(lucasReply, MessageVisibility.Public));
        sent.Succeeded.ShouldBeTrue(sent.Error);
        await Expect(page.TimelineMessage(lucasReply)).ToBeVisibleAsync();
        await page.GetByTestId("composer-send").ClickAsync();

        var warning = page.GetByTestId("stale-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync($"Lucas Martín: {lucasReply}");
        await Expect(page.TimelineMessage(draft)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("composer-input")).ToHaveValueAsync(draft);
    }
}
