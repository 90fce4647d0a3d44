using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Sla;

/// <summary>One ticket's step: the policy, the clock, the history lines and the next wake-up.</summary>
public sealed partial class SlaEngine
{
    /// <summary>Updates <paramref name="state"/> and the history; returns when the ticket's clock next needs looking at.</summary>
    private static DateTimeOffset? Apply(
        AppDbContext db, TicketFacts ticket, SlaTimeline timeline, SlaSettings settings, SlaState state, bool fresh,
        DateTimeOffset now, string? reason, List<SlaAction> toRun)
    {
        var policy = settings.PolicyFor(ticket.Priority, ticket.Channel, ticket.TeamId, ticket.IsVip);
        var (calendarName, businessTime) = settings.CalendarFor(ticket.TeamId);
        if (fresh)
        {
            if (policy is not null)
            {
                SlaHistory.Record(db, ticket.Id, ticket.CreatedAt, SlaHistory.PolicyField, null, policy.Name, calendarName);
            }
        }
        else if (state.PolicyId != policy?.Id)
        {
            SlaHistory.Record(db, ticket.Id, now, SlaHistory.PolicyField, state.PolicyName, policy?.Name, WhyChanged(state, ticket) ?? reason);
        }
        else if (policy is not null && state.CalendarName != calendarName)
        {
            SlaHistory.Record(db, ticket.Id, now, SlaHistory.CalendarField, state.CalendarName, calendarName, WhyChanged(state, ticket) ?? reason);
        }
        var computation = policy is null ? null : SlaCalculator.Compute(policy, businessTime, timeline, now);
        var policyName = policy?.Name;

        if (computation is not null)
        {
            if (computation.PausedSince is { } pausedSince && (fresh || state.PausedSince is null))
            {
                SlaHistory.Record(db, ticket.Id, pausedSince, SlaHistory.ClockField, null, SlaHistory.Paused, $"{policyName}: {timeline.Status.Label()}");
            }
            else if (!fresh && state.PausedSince is not null && computation.PausedSince is null && computation.ResumedAt is { } resumedAt)
            {
                SlaHistory.Record(db, ticket.Id, resumedAt, SlaHistory.ClockField, null, SlaHistory.Resumed, policyName);
            }
        }

        foreach (var kind in Kinds)
        {
            var target = state.Target(kind);
            var computed = computation?.Targets.FirstOrDefault(t => t.Kind == kind);
            if (computed is null)
            {
                Reset(target);
                continue;
            }
            var sameCycle = !fresh && target.StartedAt == computed.StartedAt && target.Minutes == computed.Minutes && target.BusinessHours == computed.BusinessHours;
            var warningSent = sameCycle && computed.WarnAt <= now ? target.WarningSentAt : null;
            var breachHandled = sameCycle && computed.BreachedAt is not null ? target.BreachHandledAt : null;
            var field = SlaHistory.FieldOf(kind);
            var open = computed.Running || computed.Paused;

            if (kind == SlaTargetKind.Resolution && !fresh && target.MetAt is not null && computed.MetAt is null && computed.Running)
            {
                SlaHistory.Record(db, ticket.Id, computation!.ResumedAt ?? now, field, null, SlaHistory.Resumed,
                    $"{policyName}: reopened, {Duration(computed.Elapsed)} of {Duration(TimeSpan.FromMinutes(computed.Minutes))} already spent");
            }
            if (computed.BreachedAt is { } breachedAt && breachHandled is null)
            {
                // A live breach is recorded when it is noticed (the scheduler wakes at the due instant) and acted upon;
                // one noticed only afterwards (first computation, a reply that came first) is recorded at its instant, quietly.
                var live = !fresh && open;
                SlaHistory.Record(db, ticket.Id, live ? now : breachedAt, field, null, SlaHistory.Breached, policyName);
                if (live)
                {
                    toRun.Add(Action(ticket, policy!, kind, computed.DueAt, warning: false));
                }
                breachHandled = now;
            }
            else if (computed.Running && computed.WarnAt <= now && computed.BreachedAt is null && warningSent is null)
            {
                if (!fresh)
                {
                    SlaHistory.Record(db, ticket.Id, now, field, null, SlaHistory.Warned, policyName);
                    toRun.Add(Action(ticket, policy!, kind, computed.DueAt, warning: true));
                }
                warningSent = now;
            }
            if (computed.MetAt is { } metAt && (fresh || target.MetAt != metAt) && (fresh || target.StartedAt == computed.StartedAt))
            {
                SlaHistory.Record(db, ticket.Id, metAt, field, null, computed.BreachedAt is null ? SlaHistory.Met : SlaHistory.MetLate, policyName);
            }

            target.Minutes = computed.Minutes;
            target.BusinessHours = computed.BusinessHours;
            target.StartedAt = computed.StartedAt;
            target.DueAt = computed.DueAt;
            target.WarnAt = computed.WarnAt;
            target.MetAt = computed.MetAt;
            target.StoppedAt = computed.StoppedAt;
            target.BreachedAt = computed.BreachedAt;
            target.ElapsedSeconds = (long)computed.Elapsed.TotalSeconds;
            target.WarningSentAt = warningSent;
            target.BreachHandledAt = breachHandled;
        }

        state.PolicyId = policy?.Id;
        state.PolicyName = policyName;
        state.CalendarName = policy is null ? null : calendarName;
        state.Priority = ticket.Priority;
        state.TeamId = ticket.TeamId;
        state.Channel = ticket.Channel;
        state.IsVip = ticket.IsVip;
        state.PausedSince = computation?.PausedSince;
        state.PausedSeconds = (long)(computation?.PausedTotal.TotalSeconds ?? 0);
        var running = computation?.Targets.Where(t => t.Running && t.DueAt is not null).OrderBy(t => t.DueAt).FirstOrDefault();
        state.NextDueAt = running?.DueAt;
        state.NextDueTarget = running?.Kind;
        state.BreachedAt = Kinds.Select(k => state.Target(k).BreachedAt).Where(b => b is not null).Min();
        state.TicketVersion = ticket.Version;
        state.ComputedAt = now;

        // Next look: the earliest warning or due instant not yet recorded, of a target whose clock runs.
        DateTimeOffset? wake = null;
        foreach (var kind in Kinds)
        {
            var target = state.Target(kind);
            var runs = computation?.Targets.FirstOrDefault(t => t.Kind == kind)?.Running == true;
            if (!runs)
            {
                continue;
            }
            if (target.WarningSentAt is null && target.BreachedAt is null && target.WarnAt is { } warnAt)
                wake = Earliest(wake, warnAt);
            if (target.BreachHandledAt is null && target.DueAt is { } dueAt)
                wake = Earliest(wake, dueAt);
        }
        return wake;
    }

    private static SlaAction Action(TicketFacts ticket, SlaPolicy policy, SlaTargetKind kind, DateTimeOffset? dueAt, bool warning) =>
        new(ticket.Id, ticket.Number, ticket.Subject, ticket.AssigneeId, ticket.TeamId, ticket.Priority, ticket.Tier, kind, warning, policy, dueAt);

    private static string? WhyChanged(SlaState state, TicketFacts ticket) =>
        state.Priority != ticket.Priority ? $"Priority changed to {ticket.Priority.Label()}"
        : state.TeamId != ticket.TeamId ? "Team changed"
        : state.IsVip != ticket.IsVip ? (ticket.IsVip ? "The customer became VIP" : "The customer is no longer VIP")
        : state.Channel != ticket.Channel ? "Channel changed"
        : null;

    private static void Reset(SlaTarget target)
    {
        target.Minutes = null;
        target.BusinessHours = false;
        target.StartedAt = target.DueAt = target.WarnAt = target.MetAt = target.StoppedAt = target.BreachedAt = null;
        target.WarningSentAt = target.BreachHandledAt = null;
        target.ElapsedSeconds = 0;
    }

    private static string Fingerprint(SlaState s) => string.Join('|',
        s.PolicyId, s.CalendarName, s.PausedSince?.UtcTicks, s.NextDueAt?.UtcTicks, s.BreachedAt?.UtcTicks,
        string.Join(';', Kinds.Select(k => s.Target(k)).Select(t =>
            $"{t.Minutes},{t.StartedAt?.UtcTicks},{t.DueAt?.UtcTicks},{t.WarnAt?.UtcTicks},{t.MetAt?.UtcTicks},{t.StoppedAt?.UtcTicks},{t.WarningSentAt is null},{t.BreachHandledAt is null}")));

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    internal static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : $"{Math.Max(0, (int)span.TotalMinutes)} min";
}
