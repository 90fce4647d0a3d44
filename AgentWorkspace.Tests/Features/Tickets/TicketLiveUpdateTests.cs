using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>What one agent does on a ticket reaches a teammate's open pages without a reload.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class TicketLiveUpdateTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task PropertyChangesByOneAgent_ShowLiveOnATeammatesTicketPageAndInbox()
    {
        var ticket = await scenario.CreateTicketAsync();
        var tag = $"live-{Guid.NewGuid():N}"[..20];
        await using var ana = await browser.NewPageAsync();
        await using var lucas = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await lucas.SignInAsync(DemoAgents.LucasEmail);

        var lucasInbox = lucas.Page;
        var row = lucasInbox.InboxRow(ticket.Number);
        await Expect(row.GetByTestId("row-assignee")).ToHaveTextAsync("—");
        var before = await scenario.CountsAsync(DemoAgents.LucasEmail);
        var unassignedCount = lucasInbox.GetByTestId("view-count-Unassigned");
        var onHoldCount = lucasInbox.GetByTestId("view-count-OnHold");
        await Expect(unassignedCount).ToHaveTextAsync(before["Unassigned"].ToString());
        await Expect(onHoldCount).ToHaveTextAsync(before["OnHold"].ToString());
        var lucasTicket = await lucas.OpenTabAsync($"/tickets/{ticket.Number}");
        await Expect(lucasTicket.SelectInput("prop-assignee")).ToHaveValueAsync("Unassigned");
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var anaPage = ana.Page;

        await anaPage.GetByTestId("assign-me").ClickAsync();

        await Expect(lucasTicket.SelectInput("prop-assignee")).ToHaveValueAsync("Ana García");
        await Expect(lucasTicket.TimelineEvent("Ana García set assignee to Ana García")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("row-assignee")).ToHaveTextAsync("Ana García");
        await Expect(unassignedCount).ToHaveTextAsync((before["Unassigned"] - 1).ToString());

        await anaPage.ChooseAsync("prop-status", "On hold");

        await Expect(lucasTicket.SelectInput("prop-status")).ToHaveValueAsync("On hold");
        await Expect(lucasTicket.TimelineEvent("Ana García changed status from Open to On hold")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "OnHold");
        await Expect(onHoldCount).ToHaveTextAsync((before["OnHold"] + 1).ToString());

        await anaPage.ChooseAsync("prop-priority", "High");

        await Expect(lucasTicket.SelectInput("prop-priority")).ToHaveValueAsync("High");
        await Expect(lucasTicket.TimelineEvent("Ana García changed priority from Normal to High")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-priority]")).ToHaveAttributeAsync("data-priority", "High");

        await anaPage.GetByTestId("add-tag").FillAsync(tag);
        await anaPage.GetByTestId("add-tag").PressAsync("Enter");

        await Expect(lucasTicket.GetByTestId("ticket-tags").Locator($"[data-tag='{tag}']")).ToBeVisibleAsync();
        await Expect(lucasTicket.TimelineEvent($"Ana García added tag {tag}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReplyAndInternalNote_AppearLiveInATeammatesTimeline_EachMarkedAsWhatItIs()
    {
        var ticket = await scenario.CreateTicketAsync();
        var reply = $"Thanks, we are on it ({Guid.NewGuid():N})";
        var note = $"Checked the ledger, refund looks due ({Guid.NewGuid():N})";
        await using var ana = await browser.NewPageAsync();
        await using var lucas = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        await lucas.OpenAsync($"/tickets/{ticket.Number}");
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        await Expect(lucas.Page.GetByTestId("timeline").Locator("li[data-kind=customer]")).ToHaveCountAsync(1);
        var composer = ana.Page.GetByTestId("composer-input");

        await composer.FillAsync(reply);
        await ana.Page.GetByTestId("composer-send").ClickAsync();

        await Expect(lucas.Page.TimelineMessage(reply)).ToHaveAttributeAsync("data-kind", "agent");

        await Expect(composer).ToHaveValueAsync("");
        await ana.Page.GetByTestId("mode-note").ClickAsync();
        await composer.FillAsync(note);
        await ana.Page.GetByTestId("composer-send").ClickAsync();

        await Expect(lucas.Page.TimelineMessage(note)).ToHaveAttributeAsync("data-kind", "note");
        await Expect(lucas.Page.TimelineMessage(note).Locator(".aw-note-label")).ToHaveTextAsync("Internal note");
        await Expect(lucas.Page.TimelineMessage(reply)).ToHaveAttributeAsync("data-kind", "agent");
    }
}
