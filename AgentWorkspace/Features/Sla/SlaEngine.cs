using AgentWorkspace.Data;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// Brings tickets' SLA state up to date: picks the policy, computes the clock from the ticket's history, records what
/// happened (policy applied or changed, paused, resumed, met, at risk, breached) in the ticket's history, and stores the
/// wake-ups (the next warning or due instant, auto-close, reminders) in the scheduler — all in one transaction, so two
/// computations of one ticket (two nodes, a ticket change and a due job at once) queue behind each other and a warning
/// or breach is recorded once. Breach actions run after the commit, through <see cref="SlaActions"/>.
/// </summary>
public sealed class SlaEngine(
    IDbContextFactory<AppDbContext> dbFactory, JobScheduler jobs, WorkspaceNotifier notifier, SlaActions actions,
    TimeProvider clock, IOptions<SlaOptions> options)
{
    public const string JobKind = "sla";
    public const string AutoCloseKind = "auto-close";
    public const string ReminderKind = "status-reminder";

    private const int ChunkSize = 50;
    private static readonly SlaTargetKind[] Kinds = Enum.GetValues<SlaTargetKind>();
    private static readonly Dictionary<string, TicketStatus> StatusByLabel = Enum.GetValues<TicketStatus>().ToDictionary(s => s.Label());

    /// <param name="reason">Why, when the policy changes for a reason the ticket itself doesn't show (policies edited).</param>
    public async Task ReconcileAsync(IEnumerable<int> ticketIds, string? reason = null, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in ticketIds.Distinct().Chunk(ChunkSize))
        {
            var outcome = await ReconcileChunkAsync(chunk, reason, cancellationToken);
            foreach (var (id, number) in outcome.Changed)
            {
                notifier.Publish(new SlaChanged(id, number));
            }
            if (outcome.EarliestWake is { } wake)
            {
                jobs.Nudge(wake);
            }
            foreach (var action in outcome.Actions)
            {
                await actions.RunAsync(action, cancellationToken);
            }
        }
    }

    /// <summary>Tickets with no state yet, or one computed from an older version of the ticket (changes made while the app was down).</summary>
    public async Task<int> ReconcileStaleAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        var after = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                ids = await db.Tickets.Where(t => t.Id > after)
                    .Where(t => !db.SlaStates.Any(s => s.TicketId == t.Id && s.TicketVersion == t.Version))
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(500).ToListAsync(cancellationToken);
            }
            if (ids.Count == 0)
            {
                return total;
            }
            await ReconcileAsync(ids, null, cancellationToken);
            total += ids.Count;
            after = ids[^1];
        }
    }

    /// <summary>Every ticket not closed yet, after policies or calendars changed.</summary>
    public async Task RecomputeAllAsync(string reason, CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                ids = await db.Tickets.Where(t => t.Id > after && t.Status != TicketStatus.Closed)
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(500).ToListAsync(cancellationToken);
            }
            if (ids.Count == 0)
            {
                return;
            }
            await ReconcileAsync(ids, reason, cancellationToken);
            after = ids[^1];
        }
    }

    private sealed record TicketFacts(
        int Id, int Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
        int? TeamId, string? AssigneeId, int Tier, bool IsVip, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        DateTimeOffset? ResolvedAt, long Version);

    private sealed record ChunkOutcome(List<(int Id, int Number)> Changed, List<SlaAction> Actions, DateTimeOffset? EarliestWake);

    private async Task<ChunkOutcome> ReconcileChunkAsync(int[] ids, string? reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var settings = await SlaSettings.LoadAsync(db, cancellationToken);
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new TicketFacts(t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Channel, t.TeamId, t.AssigneeId, t.Tier,
                t.Customer.IsVip, t.CreatedAt, t.UpdatedAt, t.ResolvedAt, t.Version))
            .ToListAsync(cancellationToken);
        var statuses = (await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId) && e.Field == "Status")
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => new { e.TicketId, e.CreatedAt, e.NewValue }).ToListAsync(cancellationToken))
            .ToLookup(e => e.TicketId);
        var messages = (await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.TicketId) && m.Visibility == MessageVisibility.Public && m.AuthorKind != AuthorKind.System)
                .OrderBy(m => m.Seq).Select(m => new { m.TicketId, m.CreatedAt, m.AuthorKind }).ToListAsync(cancellationToken))
            .ToLookup(m => m.TicketId);
        var states = await db.SlaStates.Where(s => ids.Contains(s.TicketId)).ToDictionaryAsync(s => s.TicketId, cancellationToken);
        var keys = ids.Select(Key).ToList();
        await db.ScheduledJobs.Where(j => keys.Contains(j.Key) && (j.Kind == JobKind || j.Kind == AutoCloseKind || j.Kind == ReminderKind))
            .LoadAsync(cancellationToken);

        var changed = new List<(int, int)>();
        var toRun = new List<SlaAction>();
        DateTimeOffset? earliest = null;
        foreach (var ticket in tickets)
        {
            var changes = statuses[ticket.Id]
                .Select(e => e.NewValue is { } label && StatusByLabel.TryGetValue(label, out var status) ? new StatusChange(e.CreatedAt, status) : (StatusChange?)null)
                .OfType<StatusChange>().ToList();
            // History written before it recorded statuses (or by hand) may not end where the ticket is: trust the ticket.
            if ((changes.Count > 0 ? changes[^1].Status : TicketStatus.Open) != ticket.Status)
            {
                changes.Add(new StatusChange(ticket.UpdatedAt, ticket.Status));
            }
            var timeline = new SlaTimeline(ticket.CreatedAt, changes,
                messages[ticket.Id].Select(m => new PublicMessage(m.CreatedAt, m.AuthorKind == AuthorKind.Customer)).ToList());

            states.TryGetValue(ticket.Id, out var state);
            var fresh = state is null;
            if (state is null)
            {
                state = new SlaState { TicketId = ticket.Id };
                db.SlaStates.Add(state);
            }
            var before = Fingerprint(state);
            var wake = Apply(db, ticket, timeline, settings, state, fresh, now, reason, toRun);
            if (fresh || before != Fingerprint(state))
            {
                changed.Add((ticket.Id, ticket.Number));
            }
            var dues = new List<DateTimeOffset?> { wake, await ScheduleTimedRulesAsync(db, ticket, timeline, now) };
            if (wake is { } at)
                await JobScheduler.ScheduleAsync(db, JobKind, Key(ticket.Id), at, null, now, loaded: true);
            else
                await JobScheduler.CancelAsync(db, JobKind, Key(ticket.Id), loaded: true);
            foreach (var due in dues.OfType<DateTimeOffset>())
            {
                earliest = earliest is { } e && e < due ? e : due;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChunkOutcome(changed, toRun, earliest);
    }

    private static string Key(int ticketId) => ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>Auto-close of a resolved ticket and the reminder on a ticket waiting or on hold; returns the earliest scheduled.</summary>
    private async Task<DateTimeOffset?> ScheduleTimedRulesAsync(AppDbContext db, TicketFacts ticket, SlaTimeline timeline, DateTimeOffset now)
    {
        var settings = options.Value;
        var key = Key(ticket.Id);
        DateTimeOffset? earliest = null;
        if (settings.AutoCloseResolvedAfterDays > 0 && ticket.Status == TicketStatus.Resolved)
        {
            var due = (ticket.ResolvedAt ?? timeline.StatusSince).AddDays(settings.AutoCloseResolvedAfterDays);
            await JobScheduler.ScheduleAsync(db, AutoCloseKind, key, due, null, now, loaded: true);
            earliest = due;
        }
        else
        {
            await JobScheduler.CancelAsync(db, AutoCloseKind, key, loaded: true);
        }
        if (settings.RemindAfterDays > 0 && ticket.Status is TicketStatus.WaitingOnCustomer or TicketStatus.OnHold)
        {
            var due = timeline.StatusSince.AddDays(settings.RemindAfterDays);
            await JobScheduler.ScheduleAsync(db, ReminderKind, key, due, StatusReminder.Payload(ticket.Status, timeline.StatusSince), now, loaded: true);
            earliest = Earliest(earliest, due);
        }
        else
        {
            await JobScheduler.CancelAsync(db, ReminderKind, key, loaded: true);
        }
        return earliest;
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
