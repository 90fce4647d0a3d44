using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using static AgentWorkspace.Tests.Features.Sla.SlaWorld;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>Warnings, breaches and their actions, fired by the durable scheduler at the fake clock's due instants.</summary>
public sealed class SlaBreachTests : IAsyncLifetime
{
    private SlaWorld world = null!;

    public async Task InitializeAsync() => world = await CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task AWarningAndThenABreach_AreRecordedAtTheirInstantsOnce_AndNotifyTheAssigneeAndTheSupervisor()
    {
        var ticket = await world.NewTicketAsync(TicketPriority.Urgent); // first response in 30 min, at risk at 75 %
        var number = await NumberAsync(ticket);

        await world.AdvanceAsync(TimeSpan.FromMinutes(22));
        (await world.SlaHistoryAsync(ticket)).ShouldNotContain(e => e.Field == "SLA first response");

        await world.AdvanceAsync(TimeSpan.FromSeconds(30));
        await WaitForLineAsync(ticket, "At risk");
        (await world.NotificationsAsync(world.Id.Ana)).ShouldBe([$"#{number} is at risk: first response due 2026-12-07 08:30 UTC"]);

        await world.AdvanceAsync(TimeSpan.FromSeconds(450));
        await WaitForLineAsync(ticket, "Breached");
        // Later changes recompute the clock: what was recorded stays recorded once.
        await world.Tickets.ExecuteAsync(await world.ScopeAsync(world.Id.Ana), ticket, new AddTag("waiting-for-dev"));
        await world.WaitForStateAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromMinutes(30));

        var lines = (await world.SlaHistoryAsync(ticket)).Where(e => e.Field == "SLA first response").ToList();
        lines.Select(e => (e.NewValue, e.Reason, e.CreatedAt)).ShouldBe([
            ("At risk", "Urgent", Madrid(7, 9, 22, 30)),
            ("Breached", "Urgent", Madrid(7, 9, 30)),
        ]);
        var breached = $"SLA breached on #{number}: first response (Urgent)";
        (await world.NotificationsAsync(world.Id.Ana)).Count(t => t == breached).ShouldBe(1);
        (await world.NotificationsAsync(world.Id.Sam)).ShouldBe([breached]);
        (await world.StateAsync(ticket)).BreachedAt.ShouldBe(Madrid(7, 9, 30));
    }

    [Fact]
    public async Task BreachActions_NotifyTheTeam_RaiseThePriority_AndEscalate_ThroughTicketCommands()
    {
        await world.UpdatePolicyAsync(world.Id.DefaultPolicy, p =>
        {
            p.NotifyTeam = true;
            p.RaisePriority = true;
            p.EscalateTeamId = world.Id.Tier2;
            p.EscalateTier = 2;
        });
        var ticket = await world.NewTicketAsync();
        var number = await NumberAsync(ticket);

        await world.AdvanceAsync(TimeSpan.FromHours(2));
        await WaitForLineAsync(ticket, "Breached");
        await SlaWorld.WaitUntilAsync(async () => (await ReadAsync(ticket)).TeamId == world.Id.Tier2, "the ticket was escalated");

        var read = await ReadAsync(ticket);
        read.Priority.ShouldBe(TicketPriority.High);
        read.Tier.ShouldBe(2);
        await using var db = world.Db();
        var changes = await db.TicketEvents.Where(e => e.TicketId == ticket && (e.Field == "Priority" || e.Field == "Team" || e.Field == "Tier"))
            .OrderBy(e => e.Id).ToListAsync();
        changes.Select(e => (e.Field, e.OldValue, e.NewValue)).ShouldBe([("Priority", "Normal", "High"), ("Tier", "1", "2"), ("Team", "Support", "Tier 2")]);
        changes.ShouldAllBe(e => e.ActorKind == AuthorKind.System && e.ActorAgentId == null && e.Reason == "SLA first response breached (Everything else)");
        var title = $"SLA breached on #{number}: first response (Everything else)";
        (await world.NotificationsAsync(world.Id.Ana)).Count(t => t == title).ShouldBe(1); // assignee and team member: once
        (await world.NotificationsAsync(world.Id.Tom)).ShouldBe([title]);
        // Escalating to another team is a hand-off: the assignee is cleared, so it waits in Tier 2's Unassigned view, and
        // Tier 2 is told; Ana, who had it, stays its owner.
        (await world.NotificationsAsync(world.Id.Luis)).ShouldBe([$"#{number} was handed off to Tier 2: it is waiting in Unassigned"]);
        (read.AssigneeId, read.OwnerId).ShouldBe((null, world.Id.Ana));
        var handOff = await db.TicketEvents.SingleAsync(e => e.TicketId == ticket && e.Field == "HandOff");
        (handOff.ActorAgentId, handOff.OldValue, handOff.NewValue).ShouldBe((null, "Ana", "Tier 2"));
    }

    [Fact]
    public async Task ABreachWithoutActions_IsOnlyRecorded()
    {
        await world.UpdatePolicyAsync(world.Id.DefaultPolicy, p => p.NotifyAssignee = false);
        var ticket = await world.NewTicketAsync();

        await world.AdvanceAsync(TimeSpan.FromHours(2));
        await WaitForLineAsync(ticket, "Breached");
        await world.AdvanceAsync(TimeSpan.FromMinutes(1)); // whatever the breach would do is done

        (await world.NotificationsAsync(world.Id.Ana)).ShouldNotContain(t => t.StartsWith("SLA breached"));
        (await ReadAsync(ticket)).Priority.ShouldBe(TicketPriority.Normal);
    }

    [Fact]
    public async Task ABreachDueWhileTheAppWasDown_IsRecordedAndActedOnOnce_AfterTheRestart()
    {
        var ticket = await world.NewTicketAsync(TicketPriority.Urgent);
        var number = await NumberAsync(ticket);
        await world.StopAsync();

        world.Clock.Advance(TimeSpan.FromHours(1)); // the 09:30 first-response due passes while nothing runs
        await world.RestartAsync();
        await WaitForLineAsync(ticket, "Breached");
        await world.AdvanceAsync(TimeSpan.FromMinutes(1)); // and the breach's actions are done

        (await world.SlaHistoryAsync(ticket)).Count(e => e.NewValue == "Breached").ShouldBe(1);
        (await world.NotificationsAsync(world.Id.Sam)).ShouldBe([$"SLA breached on #{number}: first response (Urgent)"]);
    }

    [Fact]
    public async Task AResolvedTicket_IsClosedAfterFourDays_UnlessTheCustomerWroteMeanwhile()
    {
        var ana = await world.ScopeAsync(world.Id.Ana);
        var quiet = await world.NewTicketAsync();
        var answered = await world.NewTicketAsync();
        await world.Tickets.ExecuteAsync(ana, quiet, new SetStatus(TicketStatus.Open, TicketStatus.Resolved));
        await world.Tickets.ExecuteAsync(ana, answered, new SetStatus(TicketStatus.Open, TicketStatus.Resolved));
        await world.WaitForStateAsync(quiet);
        await world.AdvanceAsync(TimeSpan.FromDays(1));
        await world.Tickets.AddCustomerMessageAsync(answered, world.Id.Customer, "Actually, one more thing.", null);
        await world.WaitForStateAsync(answered);

        await world.AdvanceAsync(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        (await ReadAsync(quiet)).Status.ShouldBe(TicketStatus.Resolved);
        await world.AdvanceAsync(TimeSpan.FromMinutes(1));
        await SlaWorld.WaitUntilAsync(async () => (await ReadAsync(quiet)).Status == TicketStatus.Closed, "the quiet ticket closed");

        (await ReadAsync(answered)).Status.ShouldBe(TicketStatus.Open);
        await using var db = world.Db();
        var closing = await db.TicketEvents.Where(e => e.TicketId == quiet && e.Field == "Status").OrderBy(e => e.Id).LastAsync();
        (closing.OldValue, closing.NewValue, closing.ActorKind, closing.Reason, closing.CreatedAt)
            .ShouldBe(("Resolved", "Closed", AuthorKind.System, "Resolved for 4 days without a reply", Start.AddDays(4)));
    }

    [Fact]
    public async Task TheAutoCloseDelay_ComesFromSettings()
    {
        await using var quick = await CreateAsync(new Dictionary<string, string?> { ["Sla:AutoCloseResolvedAfterDays"] = "1" });
        var ticket = await quick.NewTicketAsync();
        await quick.Tickets.ExecuteAsync(await quick.ScopeAsync(quick.Id.Ana), ticket, new SetStatus(TicketStatus.Open, TicketStatus.Resolved));
        await quick.WaitForStateAsync(ticket);

        await quick.AdvanceAsync(TimeSpan.FromDays(1));

        await SlaWorld.WaitUntilAsync(async () =>
        {
            await using var db = quick.Db();
            return await db.Tickets.Where(t => t.Id == ticket).Select(t => t.Status).SingleAsync() == TicketStatus.Closed;
        }, "closed after one day");
    }

    [Fact]
    public async Task ATicketWaitingOnTheCustomerForThreeDays_RemindsTheAssignee_OnlyIfItIsStillWaiting()
    {
        var ana = await world.ScopeAsync(world.Id.Ana);
        var waiting = await world.NewTicketAsync();
        var answered = await world.NewTicketAsync();
        await world.Tickets.ExecuteAsync(ana, waiting, new SetStatus(TicketStatus.Open, TicketStatus.WaitingOnCustomer));
        await world.Tickets.ExecuteAsync(ana, answered, new SetStatus(TicketStatus.Open, TicketStatus.WaitingOnCustomer));
        await world.WaitForStateAsync(waiting);
        await world.AdvanceAsync(TimeSpan.FromDays(1));
        await world.Tickets.AddCustomerMessageAsync(answered, world.Id.Customer, "Here you go.", null);
        await world.WaitForStateAsync(answered);

        await world.AdvanceAsync(TimeSpan.FromDays(2));

        var reminders = (await world.NotificationsAsync(world.Id.Ana)).Where(t => t.StartsWith("Reminder", StringComparison.Ordinal)).ToList();
        reminders.ShouldBe([$"Reminder: #{await NumberAsync(waiting)} has been waiting on the customer since 2026-12-07 08:00 UTC"]);
    }

    private async Task WaitForLineAsync(int ticket, string value) =>
        await SlaWorld.WaitUntilAsync(async () => (await world.SlaHistoryAsync(ticket)).Any(e => e.NewValue == value), $"an SLA line '{value}'");

    private async Task<Ticket> ReadAsync(int ticket)
    {
        await using var db = world.Db();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket);
    }

    private async Task<int> NumberAsync(int ticket) => (await ReadAsync(ticket)).Number;
}
