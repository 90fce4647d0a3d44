using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>A hand-off between teams, as two agents in two browsers see it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HandOffBrowserTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task AnAgentHandsATicketOffToAnotherTeam_ItAppearsLiveInThatTeamsUnassignedView_AndTheOwnerStillOpensIt()
    {
        var ticket = await scenario.CreateTicketAsync(team: LiveScenario.BillingTeam);
        var anaScope = await scenario.ScopeOfAsync(DemoAgents.AnaEmail);
        (await scenario.Tickets.ExecuteAsync(anaScope, ticket.Id, new Assign(null, anaScope.AgentId))).Succeeded.ShouldBeTrue();

        await using var ben = await browser.NewPageAsync();
        await ben.SignInAsync(DemoAgents.BenEmail);
        await ben.Page.Locator("[data-view='Unassigned']").ClickAsync();
        await Expect(ben.Page.Locator("[data-view='Unassigned']")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(ben.Page.InboxRow(ticket.Number)).ToHaveCountAsync(0);

        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        await Expect(ana.Page.SelectInput("prop-owner")).ToHaveValueAsync("Ana García");
        await ana.Page.ChooseAsync("prop-team", LiveScenario.TechnicalTeam);
        var choice = ana.Page.GetByTestId("handoff-choice");
        await Expect(choice).ToBeFocusedAsync();
        await choice.GetByTestId("handoff-handoff").ClickAsync();

        await Expect(ben.Page.InboxRow(ticket.Number)).ToBeVisibleAsync();
        await Expect(ben.Page.InboxRow(ticket.Number).GetByTestId("row-assignee")).ToHaveTextAsync("—");
        await Expect(ana.Page.SelectInput("prop-assignee")).ToHaveValueAsync("Unassigned");
        await Expect(ana.Page.TimelineEvent("handed the ticket off to Technical Support")).ToBeVisibleAsync();

        await ana.OpenAsync($"/tickets/{ticket.Number}");
        await Expect(ana.Page.GetByTestId("ticket-properties")).ToBeVisibleAsync();
        await Expect(ana.Page.SelectInput("prop-team")).ToHaveValueAsync(LiveScenario.TechnicalTeam);
        await Expect(ana.Page.SelectInput("prop-owner")).ToHaveValueAsync("Ana García");
        ana.ConsoleErrors.ShouldBeEmpty();
        ben.ConsoleErrors.ShouldBeEmpty();
    }
}
