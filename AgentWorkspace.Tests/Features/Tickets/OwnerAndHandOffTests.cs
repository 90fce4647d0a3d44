using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>
/// Owner, hand-off and followers through the real services on the demo data: Ana and Lucas are in Billing, Ben in
/// Technical Support, Rita in both.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnerAndHandOffTests(WorkspaceAppFactory app)
{
    private const string TechnicalSupport = "Technical Support";

    private TicketTestData Data => new(app.Services);
    private TicketQueries Queries => app.Services.GetRequiredService<TicketQueries>();
    private InboxQuery Inbox => app.Services.GetRequiredService<InboxQuery>();

    private async Task<int> TeamIdAsync(string name)
    {
        await using var db = await Data.DbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private async Task<List<string>> NotificationsAsync(AgentScope agent, int number)
    {
        await using var db = await Data.DbAsync();
        return await db.Notifications.Where(n => n.AgentId == agent.AgentId && n.Link == $"/tickets/{number}").OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    private async Task<bool> InViewAsync(AgentScope agent, InboxView view, int number) =>
        (await Inbox.ListAsync(agent, new InboxFilter { View = view, Search = $"#{number}" })).Rows.Any(r => r.Number == number);

    [Fact]
    public async Task TheFirstAgentAssigned_BecomesTheOwner_AndAReassignmentKeepsThem()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var lucas = await Data.ScopeAsync(DemoAgents.LucasEmail);

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, ana.AgentId))).Succeeded.ShouldBeTrue();
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(ana.AgentId, lucas.AgentId))).Succeeded.ShouldBeTrue();

        var read = await Data.ReadAsync(ticket.Id);
        read.AssigneeId.ShouldBe(lucas.AgentId);
        read.OwnerId.ShouldBe(ana.AgentId);
    }

    [Fact]
    public async Task TheFirstAgentToReply_BecomesTheOwnerOfAnUnassignedTicket()
    {
        var ticket = await Data.CreateAsync();
        var lucas = await Data.ScopeAsync(DemoAgents.LucasEmail);

        (await Data.Tickets.AddAgentMessageAsync(lucas, ticket.Id, new AgentMessage("A note first.", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        (await Data.ReadAsync(ticket.Id)).OwnerId.ShouldBeNull("a note is no reply");
        (await Data.Tickets.AddAgentMessageAsync(lucas, ticket.Id, new AgentMessage("On it.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();

        (await Data.ReadAsync(ticket.Id)).OwnerId.ShouldBe(lucas.AgentId);
    }

    [Fact]
    public async Task HandingOff_ClearsTheAssignee_LandsInTheTargetTeamsUnassignedView_TellsTheTeam_AndTheOwnerKeepsIt()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);
        var rita = await Data.ScopeAsync(DemoAgents.RitaEmail);
        var billing = (await Data.ReadAsync(ticket.Id)).TeamId;
        var technical = await TeamIdAsync(TechnicalSupport);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, ana.AgentId))).Succeeded.ShouldBeTrue();

        var result = await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetTeam(billing, technical, HandOff: true));

        result.Succeeded.ShouldBeTrue(result.Error);
        var read = await Data.ReadAsync(ticket.Id);
        (read.TeamId, read.AssigneeId, read.OwnerId).ShouldBe((technical, null, ana.AgentId));
        (await InViewAsync(ben, InboxView.Unassigned, ticket.Number)).ShouldBeTrue("the target team sees it in Unassigned");
        (await Queries.GetByNumberAsync(ana, ticket.Number)).ShouldNotBeNull("the owner still opens it");
        (await InViewAsync(ana, InboxView.Owned, ticket.Number)).ShouldBeTrue("and has it in Owned by me");
        (await InViewAsync(ana, InboxView.Mine, ticket.Number)).ShouldBeFalse();
        var handedOff = $"#{ticket.Number} was handed off to {TechnicalSupport}: it is waiting in Unassigned";
        (await NotificationsAsync(ben, ticket.Number)).ShouldBe([handedOff]);
        (await NotificationsAsync(rita, ticket.Number)).ShouldBe([handedOff]);
        (await NotificationsAsync(ana, ticket.Number)).ShouldBeEmpty("nobody is told of their own change");
        await using var db = await Data.DbAsync();
        var line = await db.TicketEvents.SingleAsync(e => e.TicketId == ticket.Id && e.Field == "HandOff");
        (line.ActorAgentId, line.OldValue, line.NewValue).ShouldBe((ana.AgentId, "Ana García", TechnicalSupport));
    }

    [Fact]
    public async Task KeepingTheAssignee_MovesTheTeamOnly_AndTellsNobody()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);
        var billing = (await Data.ReadAsync(ticket.Id)).TeamId;
        var technical = await TeamIdAsync(TechnicalSupport);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, ana.AgentId))).Succeeded.ShouldBeTrue();

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetTeam(billing, technical, HandOff: false))).Succeeded.ShouldBeTrue();

        var read = await Data.ReadAsync(ticket.Id);
        (read.TeamId, read.AssigneeId).ShouldBe((technical, ana.AgentId));
        (await InViewAsync(ben, InboxView.Unassigned, ticket.Number)).ShouldBeFalse();
        (await NotificationsAsync(ben, ticket.Number)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheOwner_IsToldOfCustomerRepliesAndStatusChanges_WhileSomeoneElseWorksTheTicket()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var lucas = await Data.ScopeAsync(DemoAgents.LucasEmail);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, ana.AgentId))).Succeeded.ShouldBeTrue();
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(ana.AgentId, lucas.AgentId))).Succeeded.ShouldBeTrue();

        (await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "Any news?", null)).Succeeded.ShouldBeTrue();
        (await Data.Tickets.ExecuteAsync(lucas, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.OnHold))).Succeeded.ShouldBeTrue();

        (await NotificationsAsync(ana, ticket.Number)).ShouldBe([$"The customer replied on #{ticket.Number}", $"#{ticket.Number} is now on hold"]);
        (await NotificationsAsync(lucas, ticket.Number)).ShouldBe([$"Ana García assigned #{ticket.Number} to you"], "the assignee works it and sees it live");
    }

    [Fact]
    public async Task AFollower_OpensATicketOfAnotherTeam_IsTold_ButDoesNotGetItInTheirInbox()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);
        (await Queries.GetByNumberAsync(ben, ticket.Number)).ShouldBeNull();

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddFollower(ben.AgentId))).Succeeded.ShouldBeTrue();
        (await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "Hello again", null)).Succeeded.ShouldBeTrue();

        (await Queries.GetByNumberAsync(ben, ticket.Number)).ShouldNotBeNull().Ticket.Followers.Select(f => f.AgentId).ShouldBe([ben.AgentId]);
        (await Data.Tickets.AddAgentMessageAsync(ben, ticket.Id, new AgentMessage("Looked at the logs.", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        (await InViewAsync(ben, InboxView.AllOpen, ticket.Number)).ShouldBeFalse();
        (await NotificationsAsync(ben, ticket.Number)).ShouldBe([$"Ana García added you as a follower of #{ticket.Number}", $"The customer replied on #{ticket.Number}"]);

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new RemoveFollower(ben.AgentId))).Succeeded.ShouldBeTrue();
        (await Queries.GetByNumberAsync(ben, ticket.Number)).ShouldBeNull();
    }

    [Fact]
    public async Task MentioningSomeoneWhoCannotSeeTheTicket_IsFound_UntilTheyFollowIt()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);

        (await Queries.MentionedWhoCannotSeeAsync(ticket.Id, "@ben @rita @lucas @admin please look")).ShouldBe([(ben.AgentId, "Ben Carter")]);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddFollower(ben.AgentId))).Succeeded.ShouldBeTrue();
        (await Queries.MentionedWhoCannotSeeAsync(ticket.Id, "@ben please look")).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheLiveCounts_FollowOwnerChanges_LikeTheDatabase()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var ben = await Data.ScopeAsync(DemoAgents.BenEmail);
        var counts = app.Services.GetRequiredService<InboxCounts>();
        await counts.SnapshotAsync(ben, ben.TeamIds); // loaded before the changes: from here on they move by deltas

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetOwner(null, ben.AgentId))).Succeeded.ShouldBeTrue();
        var billing = (await Data.ReadAsync(ticket.Id)).TeamId;
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetTeam(billing, await TeamIdAsync(TechnicalSupport), HandOff: true))).Succeeded.ShouldBeTrue();

        foreach (var scope in new[] { ana, ben })
        {
            var (live, _) = await counts.SnapshotAsync(scope, scope.TeamIds);
            var fromDatabase = await Inbox.CountsAsync(scope);
            foreach (var (view, count) in live)
            {
                count.ShouldBe(fromDatabase[view], $"{scope.AgentId}: {view}");
            }
            live[nameof(InboxView.Owned)].ShouldBe(fromDatabase[nameof(InboxView.Owned)]);
        }
        (await InViewAsync(ben, InboxView.Owned, ticket.Number)).ShouldBeTrue();
    }
}
