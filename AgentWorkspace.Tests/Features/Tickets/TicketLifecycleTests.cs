using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Tickets;

[Collection(AppCollection.Name)]
public sealed class TicketLifecycleTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [Fact]
    public async Task NewTicket_GetsTheNextHumanNumber_AndACreatedEvent()
    {
        var first = await Data.CreateAsync();
        var second = await Data.CreateAsync();

        second.Number.ShouldBe(first.Number + 1);
        await using var db = await Data.DbAsync();
        (await db.TicketEvents.CountAsync(e => e.TicketId == first.Id && e.Field == "Created")).ShouldBe(1);
        (await db.Messages.SingleAsync(m => m.TicketId == first.Id)).Seq.ShouldBe(1);
    }

    [Theory]
    [InlineData(TicketStatus.WaitingOnCustomer)]
    [InlineData(TicketStatus.Resolved)]
    public async Task CustomerReply_ReopensATicketWaitingOnThemOrResolved(TicketStatus status)
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(TicketStatus.Open, status))).Succeeded.ShouldBeTrue();

        var reply = await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "Still broken, sorry!", null);

        reply.Succeeded.ShouldBeTrue();
        var stored = await Data.ReadAsync(ticket.Id);
        stored.Status.ShouldBe(TicketStatus.Open);
        stored.ResolvedAt.ShouldBeNull();
        stored.WaitingSince.ShouldNotBeNull();
    }

    [Fact]
    public async Task CustomerMessageOnAClosedTicket_OpensALinkedFollowUp()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Closed))).Succeeded.ShouldBeTrue();

        var reply = await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "One more question", null);

        reply.Succeeded.ShouldBeTrue();
        reply.TicketNumber.ShouldNotBe(ticket.Number);
        await using var db = await Data.DbAsync();
        var followUp = await db.Tickets.SingleAsync(t => t.Number == reply.TicketNumber);
        followUp.FollowUpOfId.ShouldBe(ticket.Id);
        followUp.Status.ShouldBe(TicketStatus.Open);
        (await Data.ReadAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Closed);
        (await db.Messages.SingleAsync(m => m.TicketId == followUp.Id)).Body.ShouldBe("One more question");
    }

    [Fact]
    public async Task RetriedCustomerMessageOnAClosedTicket_OpensOnlyOneFollowUp()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Closed));

        var first = await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "Hello again", "retry-1");
        var retry = await Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, "Hello again", "retry-1");

        retry.TicketNumber.ShouldBe(first.TicketNumber);
        retry.Message!.Id.ShouldBe(first.Message!.Id);
        await using var db = await Data.DbAsync();
        (await db.Tickets.CountAsync(t => t.FollowUpOfId == ticket.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ClosedTicket_RefusesStatusChangesAndReplies_ButTakesNotes()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Closed));

        (await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(TicketStatus.Closed, TicketStatus.Open))).Outcome.ShouldBe(CommandOutcome.Invalid);
        (await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage("Hi", MessageVisibility.Public))).Outcome.ShouldBe(CommandOutcome.Invalid);
        (await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage("For the record", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task EveryChange_IsRecordedWithWhoOldAndNew()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent));
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, ana.AgentId));
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddTag("VIP customer"));
        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Escalate(null, 2, "Needs a payments specialist"));

        await using var db = await Data.DbAsync();
        // The SLA's own lines (written by the system after each change, see Features/Sla) are tested in SlaClockTests.
        var events = await db.TicketEvents.Where(e => e.TicketId == ticket.Id && e.Field != "Created" && !e.Field.StartsWith("SLA"))
            .OrderBy(e => e.Id).ToListAsync();
        events.Select(e => (e.Field, e.OldValue, e.NewValue)).ShouldBe(
        [
            ("Priority", "Normal", "Urgent"),
            ("Assignee", null, "Ana García"),
            ("Owner", null, "Ana García"), // the first agent assigned becomes the owner
            ("Tags", null, "+vip-customer"),
            ("Tier", "1", "2"),
            ("Team", "Billing & Accounts", null),
        ]);
        events.ShouldAllBe(e => e.ActorAgentId == ana.AgentId);
        events.Single(e => e.Field == "Tier").Reason.ShouldBe("Needs a payments specialist");
    }

    [Fact]
    public async Task AssigningSomeoneElse_NotifiesThem_ButAssigningYourselfDoesNot()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var lucas = await Data.ScopeAsync(DemoAgents.LucasEmail);
        var center = app.Services.GetRequiredService<AgentWorkspace.Features.Notifications.NotificationCenter>();
        var before = await center.UnreadCountAsync(lucas.AgentId);

        await Data.Tickets.ExecuteAsync(ana, ticket.Id, new Assign(null, lucas.AgentId));
        await Data.Tickets.ExecuteAsync(lucas, ticket.Id, new Assign(lucas.AgentId, null));
        await Data.Tickets.ExecuteAsync(lucas, ticket.Id, new Assign(null, lucas.AgentId));

        (await center.UnreadCountAsync(lucas.AgentId)).ShouldBe(before + 1);
        var latest = (await center.RecentAsync(lucas.AgentId, 1)).Single();
        latest.Title.ShouldBe($"Ana García assigned #{ticket.Number} to you");
        latest.Link.ShouldBe($"/tickets/{ticket.Number}");
    }

    [Fact]
    public async Task AgentReply_MarksFirstResponse_AndMovesAnOpenTicketToInProgress()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        var sent = await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id,
            new AgentMessage("We're on it.", MessageVisibility.Public, StatusAfter: TicketStatus.WaitingOnCustomer));

        sent.Succeeded.ShouldBeTrue();
        var stored = await Data.ReadAsync(ticket.Id);
        stored.FirstResponseAt.ShouldNotBeNull();
        stored.Status.ShouldBe(TicketStatus.WaitingOnCustomer);
        stored.WaitingSince.ShouldBeNull();
        stored.LastMessageSeq.ShouldBe(2);
    }

    [Fact]
    public async Task RetriedMessage_WithTheSameClientId_IsStoredOnce()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var message = new AgentMessage("Sent twice by a flaky network", MessageVisibility.Public, "client-123");

        var first = await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, message);
        var retry = await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, message);

        retry.Message!.Id.ShouldBe(first.Message!.Id);
        await using var db = await Data.DbAsync();
        (await db.Messages.CountAsync(m => m.TicketId == ticket.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task OversizedOrEmptyMessages_AreRefusedWithAClearError_AndStoreNothing()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        var tooLong = await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage(new string('x', MessageLimits.MaxBodyLength + 1), MessageVisibility.Public));
        var empty = await Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage("   ", MessageVisibility.Internal));

        tooLong.Outcome.ShouldBe(CommandOutcome.Invalid);
        tooLong.Error!.ShouldContain("limit is 10,000");
        empty.Outcome.ShouldBe(CommandOutcome.Invalid);
        (await Data.ReadAsync(ticket.Id)).LastMessageSeq.ShouldBe(1);
    }
}
