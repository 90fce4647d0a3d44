using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using static AgentWorkspace.Tests.Features.Sla.SlaWorld;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>
/// Each ticket's clock on the real services with a fake clock: the policy it gets, due instants on the office calendar,
/// pause and resume, recomputation when priority, team or VIP status change, reopen. Instants are pinned exactly.
/// The world starts on Monday 7 Dec 2026 at 09:00 in Madrid; Tuesday 8 is a holiday.
/// </summary>
public sealed class SlaClockTests : IAsyncLifetime
{
    private SlaWorld world = null!;

    public async Task InitializeAsync() => world = await CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task ANewTicket_GetsTheFirstMatchingPolicy_WithDueTimesOnTheOfficeCalendar()
    {
        var ticket = await world.NewTicketAsync();

        var state = await world.StateAsync(ticket);
        state.PolicyName.ShouldBe("Everything else");
        state.CalendarName.ShouldBe("Madrid office");
        state.FirstResponse.DueAt.ShouldBe(Madrid(7, 11));   // 2 business hours
        state.FirstResponse.WarnAt.ShouldBe(Madrid(7, 10, 30)); // 75 %
        state.Resolution.DueAt.ShouldBe(Madrid(9, 18));       // 16 business hours: Monday, (holiday), Wednesday
        state.Resolution.WarnAt.ShouldBe(Madrid(9, 13));
        state.NextResponse.Minutes.ShouldBeNull();            // nobody has answered yet
        state.NextDueAt.ShouldBe(Madrid(7, 11));
        state.NextDueTarget.ShouldBe(SlaTargetKind.FirstResponse);
        var history = await world.SlaHistoryAsync(ticket);
        history.Select(e => (e.Field, e.OldValue, e.NewValue, e.Reason)).ShouldBe([("SLA policy", null, "Everything else", "Madrid office")]);
        history.Single().CreatedAt.ShouldBe(Start);
        history.Single().ActorKind.ShouldBe(AuthorKind.System);

        var sla = await world.SlaClock.ForTicketAsync(ticket);
        sla!.Status.ShouldBe(SlaStatus.OnTrack);
        sla.Next!.Kind.ShouldBe(SlaTargetKind.FirstResponse);
        sla.Next.Remaining.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task UrgentAndVipTickets_GetTheirOwnPolicies_InOrder()
    {
        var urgent = await world.NewTicketAsync(TicketPriority.Urgent, vip: true);
        var vip = await world.NewTicketAsync(vip: true);

        (await world.StateAsync(urgent)).PolicyName.ShouldBe("Urgent"); // first in order wins over VIP
        (await world.StateAsync(urgent)).FirstResponse.DueAt.ShouldBe(Madrid(7, 9, 30));
        (await world.StateAsync(vip)).PolicyName.ShouldBe("VIP");
        (await world.StateAsync(vip)).FirstResponse.DueAt.ShouldBe(Madrid(7, 10));
    }

    [Fact]
    public async Task APublicReplyBeforeTheDueTime_MeetsTheFirstResponse_AndNoBreachFollows()
    {
        var ticket = await world.NewTicketAsync();
        await world.AdvanceAsync(TimeSpan.FromHours(1));

        (await world.Tickets.AddAgentMessageAsync(await world.ScopeAsync(world.Id.Ana), ticket, new AgentMessage("On it!", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        var state = await world.WaitForStateAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromHours(3));

        state.FirstResponse.MetAt.ShouldBe(Madrid(7, 10));
        state.FirstResponse.BreachedAt.ShouldBeNull();
        var lines = (await world.SlaHistoryAsync(ticket)).Where(e => e.Field == "SLA first response").ToList();
        lines.Select(e => (e.NewValue, e.Reason, e.CreatedAt)).ShouldBe([("Met", "Everything else", Madrid(7, 10))]);
        (await world.SlaClock.ForTicketAsync(ticket))!.Targets.Single(t => t.Kind == SlaTargetKind.FirstResponse).Status.ShouldBe(SlaStatus.Met);
    }

    [Fact]
    public async Task WaitingOnCustomer_PausesTheClock_AndTheCustomersReplyResumesItWithTheTimeLeft()
    {
        var ticket = await world.NewTicketAsync();
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        var ana = await world.ScopeAsync(world.Id.Ana);

        (await world.Tickets.ExecuteAsync(ana, ticket, new SetStatus(TicketStatus.Open, TicketStatus.WaitingOnCustomer))).Succeeded.ShouldBeTrue();
        var paused = await world.WaitForStateAsync(ticket);
        paused.PausedSince.ShouldBe(Madrid(7, 10));
        paused.FirstResponse.DueAt.ShouldBeNull();
        paused.FirstResponse.ElapsedSeconds.ShouldBe(3600);
        paused.NextDueAt.ShouldBeNull();
        var sla = await world.SlaClock.ForTicketAsync(ticket);
        sla!.Status.ShouldBe(SlaStatus.Paused);
        sla.Targets.Single(t => t.Kind == SlaTargetKind.FirstResponse).Remaining.ShouldBe(TimeSpan.FromHours(1));

        // Five hours later (15:00), the customer writes: the clock runs again with what was left.
        await world.AdvanceAsync(TimeSpan.FromHours(5));
        (await world.Tickets.AddCustomerMessageAsync(ticket, world.Id.Customer, "Here is the screenshot.", null)).Succeeded.ShouldBeTrue();
        var resumed = await world.WaitForStateAsync(ticket);

        resumed.PausedSince.ShouldBeNull();
        resumed.PausedSeconds.ShouldBe(5 * 3600);
        resumed.FirstResponse.DueAt.ShouldBe(Madrid(7, 16));  // one hour left
        resumed.Resolution.DueAt.ShouldBe(Madrid(10, 13));    // 15 h left from Monday 15:00: 3 + (holiday) + 8 + 4
        var clockLines = (await world.SlaHistoryAsync(ticket)).Where(e => e.Field == "SLA").Select(e => (e.NewValue, e.Reason, e.CreatedAt));
        clockLines.ShouldBe([("Paused", "Everything else: Waiting on customer", Madrid(7, 10)), ("Resumed", "Everything else", Madrid(7, 15))]);
    }

    [Fact]
    public async Task OnHold_PausesTheClockOnlyOnceThePolicySaysSo_AndEditingThePolicyRecomputesOpenTickets()
    {
        var ticket = await world.NewTicketAsync();
        await world.AdvanceAsync(TimeSpan.FromMinutes(30));
        var ana = await world.ScopeAsync(world.Id.Ana);
        await world.Tickets.ExecuteAsync(ana, ticket, new SetStatus(TicketStatus.Open, TicketStatus.OnHold));
        (await world.WaitForStateAsync(ticket)).PausedSince.ShouldBeNull();

        var policy = (await world.Admin.ListPoliciesAsync()).Single(p => p.Name == "Everything else");
        policy.PauseStatuses = [TicketStatus.WaitingOnCustomer, TicketStatus.OnHold];
        (await world.Admin.SavePolicyAsync(policy)).Succeeded.ShouldBeTrue();
        await world.Admin.Recomputing;

        var state = await world.StateAsync(ticket);
        state.PausedSince.ShouldBe(Madrid(7, 9, 30));
        state.FirstResponse.DueAt.ShouldBeNull();
        state.FirstResponse.ElapsedSeconds.ShouldBe(30 * 60);
    }

    [Fact]
    public async Task RaisingThePriority_AppliesTheUrgentPolicy_AndTheHistorySaysWhy()
    {
        var ticket = await world.NewTicketAsync();
        await world.AdvanceAsync(TimeSpan.FromMinutes(10));
        var ana = await world.ScopeAsync(world.Id.Ana);

        await world.Tickets.ExecuteAsync(ana, ticket, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent));
        var urgent = await world.WaitForStateAsync(ticket);
        urgent.PolicyName.ShouldBe("Urgent");
        urgent.FirstResponse.DueAt.ShouldBe(Madrid(7, 9, 30)); // from creation, not from the change

        await world.Tickets.ExecuteAsync(ana, ticket, new SetPriority(TicketPriority.Urgent, TicketPriority.Normal));
        (await world.WaitForStateAsync(ticket)).FirstResponse.DueAt.ShouldBe(Madrid(7, 11));

        var lines = (await world.SlaHistoryAsync(ticket)).Where(e => e.Field == "SLA policy").Select(e => (e.OldValue, e.NewValue, e.Reason));
        lines.ShouldBe([
            (null, "Everything else", "Madrid office"),
            ("Everything else", "Urgent", "Priority changed to Urgent"),
            ("Urgent", "Everything else", "Priority changed to Normal"),
        ]);
    }

    [Fact]
    public async Task MovingToATeamWithItsOwnCalendar_RecomputesOnThatCalendar()
    {
        (await world.Admin.SaveCalendarAsync(new BusinessCalendar
        {
            Name = "Mexico City desk",
            TimeZoneId = "America/Mexico_City",
            TeamIds = [world.Id.Tier2],
            Blocks = [.. Enumerable.Range(1, 5).Select(d => new OpeningBlock { Day = (DayOfWeek)d, StartMinute = 9 * 60, EndMinute = 17 * 60 })],
        })).Succeeded.ShouldBeTrue();
        await world.Admin.Recomputing;
        var ticket = await world.NewTicketAsync();
        var ana = await world.ScopeAsync(world.Id.Ana);

        await world.Tickets.ExecuteAsync(ana, ticket, new SetTeam(world.Id.Support, world.Id.Tier2));
        var state = await world.WaitForStateAsync(ticket);

        state.CalendarName.ShouldBe("Mexico City desk");
        // Mexico City opens at 09:00 CST (15:00 UTC); two business hours later.
        state.FirstResponse.DueAt.ShouldBe(new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero));
        (await world.SlaHistoryAsync(ticket)).Last().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("SLA calendar"),
            e => e.OldValue.ShouldBe("Madrid office"),
            e => e.NewValue.ShouldBe("Mexico City desk"),
            e => e.Reason.ShouldBe("Team changed"));
    }

    [Fact]
    public async Task ACustomerBecomingVip_GetsTheVipPolicyOnTheirOpenTickets()
    {
        var ticket = await world.NewTicketAsync();

        (await world.Admin.SetCustomerVipAsync(world.Id.Customer, true)).Succeeded.ShouldBeTrue();

        var state = await world.StateAsync(ticket);
        state.PolicyName.ShouldBe("VIP");
        state.FirstResponse.DueAt.ShouldBe(Madrid(7, 10));
        (await world.SlaHistoryAsync(ticket)).Last().Reason.ShouldBe("The customer became VIP");
    }

    [Fact]
    public async Task ReopeningAResolvedTicket_ResumesResolutionWithTheTimeAlreadySpent()
    {
        var ticket = await world.NewTicketAsync();
        var ana = await world.ScopeAsync(world.Id.Ana);
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        await world.Tickets.AddAgentMessageAsync(ana, ticket, new AgentMessage("Fixed, can you check?", MessageVisibility.Public));
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        await world.Tickets.ExecuteAsync(ana, ticket, new SetStatus(TicketStatus.InProgress, TicketStatus.Resolved));
        var resolved = await world.WaitForStateAsync(ticket);
        resolved.Resolution.MetAt.ShouldBe(Madrid(7, 11));
        resolved.Resolution.ElapsedSeconds.ShouldBe(2 * 3600);

        await world.AdvanceAsync(TimeSpan.FromHours(2)); // 13:00, the start of lunch
        await world.Tickets.AddCustomerMessageAsync(ticket, world.Id.Customer, "Still broken.", null);
        var reopened = await world.WaitForStateAsync(ticket);

        reopened.Resolution.MetAt.ShouldBeNull();
        reopened.Resolution.ElapsedSeconds.ShouldBe(2 * 3600);
        reopened.Resolution.DueAt.ShouldBe(Madrid(10, 11)); // 14 h left: Mon 14-18, (holiday), Wed 9-18, Thu 9-11
        reopened.NextResponse.StartedAt.ShouldBe(Madrid(7, 13));
        reopened.NextResponse.DueAt.ShouldBe(Madrid(7, 18));  // 4 business hours, after lunch
        var resolution = (await world.SlaHistoryAsync(ticket)).Where(e => e.Field == "SLA resolution").Select(e => (e.NewValue, e.Reason)).ToList();
        resolution.ShouldBe([("Met", "Everything else"), ("Resumed", "Everything else: reopened, 2 h 00 min of 16 h 00 min already spent")]);
    }
}
