using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>A team's tickets are for its members: not openable by URL, not listed, not found by search for anyone else.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class TeamVisibilityTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task AgentOutsideTheTeam_CannotOpenOrFindItsTicket_WhileAMemberOfBothTeamsCan()
    {
        var ticket = await scenario.CreateTicketAsync(team: LiveScenario.BillingTeam);
        await using var ben = await browser.NewPageAsync();
        await using var rita = await browser.NewPageAsync();
        await ben.SignInAsync(DemoAgents.BenEmail);
        await rita.SignInAsync(DemoAgents.RitaEmail);

        await ben.OpenAsync($"/tickets/{ticket.Number}");

        await Expect(ben.Page.GetByTestId("ticket-not-found")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByTestId("timeline")).ToHaveCountAsync(0);
        await Expect(ben.Page.GetByTestId("composer")).ToHaveCountAsync(0);
        await Expect(ben.Page.GetByText(ticket.Subject)).ToHaveCountAsync(0);

        await ben.OpenAsync("/");
        await ben.Page.GetByTestId("inbox-search").FillAsync($"#{ticket.Number}");

        await Expect(ben.Page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        await Expect(ben.Page.InboxRow(ticket.Number)).ToHaveCountAsync(0);

        await rita.OpenAsync($"/tickets/{ticket.Number}");

        await Expect(rita.Page.GetByTestId("timeline")).ToBeVisibleAsync();
        await Expect(rita.Page.Locator("h1.aw-page-title")).ToContainTextAsync(ticket.Subject);
        await Expect(rita.Page.GetByTestId("ticket-not-found")).ToHaveCountAsync(0);

        await rita.OpenAsync("/");
        await rita.Page.GetByTestId("inbox-search").FillAsync($"#{ticket.Number}");

        await Expect(rita.Page.InboxRow(ticket.Number)).ToBeVisibleAsync();
        await Expect(rita.Page.GetByTestId("inbox-row")).ToHaveCountAsync(1);
    }
}
