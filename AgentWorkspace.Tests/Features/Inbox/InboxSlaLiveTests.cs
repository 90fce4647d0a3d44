using System.Globalization;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The inbox's SLA badge, "Due soonest" sort and "Breaching soon" view follow an agent's reply live.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class InboxSlaLiveTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    private InboxQuery Inbox => browser.App.Services.GetRequiredService<InboxQuery>();

    [Fact]
    public async Task AnAgentsFirstReply_MovesTheBadgeToTheNextTarget_AndTheSortAndViewFollow()
    {
        var ticket = await scenario.CreateTicketAsync();
        var ana = await scenario.ScopeOfAsync(DemoAgents.AnaEmail);
        (await scenario.Tickets.ExecuteAsync(ana, ticket.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent))).Succeeded.ShouldBeTrue();
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        var page = agent.Page;
        await page.ChooseAsync("inbox-sort", "Due soonest");
        var badge = page.InboxRow(ticket.Number).GetByTestId("sla-badge");
        await Expect(badge).ToHaveAttributeAsync("data-target", "FirstResponse");
        await Expect(badge.Locator(".aw-sla-word")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("On track|At risk|Breached"));

        var reply = await scenario.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage("Looking into it now.", MessageVisibility.Public));
        reply.Succeeded.ShouldBeTrue(reply.Error);

        // First response met: the badge shows the resolution target, and the row sits where the database sorts it.
        await Expect(badge).ToHaveAttributeAsync("data-target", "Resolution");
        var expected = (await Inbox.ListAsync(ana, new InboxFilter { Sort = InboxSort.DueSoonest }, null, 25)).Rows.Select(r => r.Number.ToString(CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync(
            "expected => [...document.querySelectorAll('[data-testid=inbox-row]')].map(r => r.dataset.ticket).join(',') === expected",
            string.Join(',', expected));

        // "Breaching soon" counts and lists what the database holds now (whether the ticket is in it depends on the hour).
        var count = await Inbox.CountBreachingSoonAsync(ana);
        await Expect(page.GetByTestId("view-count-BreachingSoon")).ToHaveTextAsync(count.ToString("N0", CultureInfo.GetCultureInfo("en")));
        await page.Locator("[data-view='BreachingSoon']").ClickAsync();
        await Expect(page.Locator("[data-view='BreachingSoon']")).ToHaveAttributeAsync("aria-selected", "true");
        var inView = (await Inbox.ListAsync(ana, new InboxFilter { View = InboxView.BreachingSoon, Sort = InboxSort.DueSoonest }, null, 25)).Rows;
        await Expect(page.InboxRow(ticket.Number)).ToHaveCountAsync(inView.Any(r => r.Id == ticket.Id) ? 1 : 0);
        await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(inView.Count);
    }

    [Fact]
    public async Task TheBadgesTime_CountsOnInTheBrowser_WithoutTheServer()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        var page = agent.Page;
        var time = page.InboxRow(ticket.Number).GetByTestId("sla-badge").Locator(".aw-sla-time");
        await Expect(time).ToHaveAttributeAsync("data-due", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        var due = long.Parse(await time.GetAttributeAsync("data-due") ?? "", CultureInfo.InvariantCulture);
        await page.WaitForInboxShortcutsAsync();

        // The page's module, at two moments: 61 minutes before the due instant and 35 minutes after it.
        const string Tick = "async at => (await import('/Features/Inbox/InboxPage.razor.js')).tickSla(document.querySelector('[data-testid=inbox-list]'), at)";
        await page.EvaluateAsync(Tick, due - 61 * 60_000);
        await Expect(time).ToHaveTextAsync("1 h 1 m left");
        await page.EvaluateAsync(Tick, due + 35 * 60_000);
        await Expect(time).ToHaveTextAsync("overdue 35 m");
    }
}
