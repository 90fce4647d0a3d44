using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Tickets;

[Collection(AppCollection.Name)]
public sealed class TeamVisibilityTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [Fact]
    public async Task AgentOutsideTheTeam_CannotReadChangeOrReplyToItsTicket()
    {
        var ticket = await Data.CreateAsync("Billing & Accounts");
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);
        var queries = app.Services.GetRequiredService<TicketQueries>();

        (await queries.GetByNumberAsync(ben, ticket.Number)).ShouldBeNull();
        (await Data.Tickets.ExecuteAsync(ben, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Resolved))).Outcome.ShouldBe(CommandOutcome.NotFound);
        (await Data.Tickets.AddAgentMessageAsync(ben, ticket.Id, new AgentMessage("hi", MessageVisibility.Internal))).Outcome.ShouldBe(CommandOutcome.NotFound);
        (await Data.ReadAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Open);
    }

    [Fact]
    public async Task InboxLists_OnlyTicketsTheAgentMaySee()
    {
        var billing = await Data.CreateAsync("Billing & Accounts");
        var technical = await Data.CreateAsync("Technical Support");
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);
        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);
        var inbox = app.Services.GetRequiredService<InboxQuery>();

        var bensTickets = await AllAsync(inbox, ben);
        var adminsTickets = await AllAsync(inbox, admin);

        bensTickets.ShouldContain(technical.Number);
        bensTickets.ShouldNotContain(billing.Number);
        adminsTickets.ShouldContain(billing.Number);
        adminsTickets.ShouldContain(technical.Number);
    }

    [Fact]
    public async Task AssigningATicketToSomeoneOutsideTheTeam_LetsThemSeeIt()
    {
        var ticket = await Data.CreateAsync("Billing & Accounts");
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, ben.AgentId))).Succeeded.ShouldBeTrue();

        (await app.Services.GetRequiredService<TicketQueries>().GetByNumberAsync(ben, ticket.Number)).ShouldNotBeNull();
    }

    private static async Task<List<int>> AllAsync(InboxQuery inbox, AgentScope scope)
    {
        var numbers = new List<int>();
        string? after = null;
        do
        {
            var page = await inbox.ListAsync(scope, new InboxFilter { View = InboxView.AllOpen }, after, 100);
            numbers.AddRange(page.Rows.Select(r => r.Number));
            after = page.Next;
        }
        while (after is not null);
        return numbers;
    }
}
