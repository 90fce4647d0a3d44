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
public sealed partial class SlaEngine(
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
        DateTimeOffset? ResolvedAt, long Version, long SlaDueKey, DateTimeOffset? SlaAttentionAt);

    private sealed record ChunkOutcome(List<(int Id, int Number)> Changed, List<SlaAction> Actions, DateTimeOffset? EarliestWake);

    private async Task<ChunkOutcome> ReconcileChunkAsync(int[] ids, string? reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // These tickets' SLA state and jobs only: changes to other tickets may run meanwhile.
        await using var transaction = await db.BeginWriteAsync(WriteScope.Tickets(ids), cancellationToken);
        var now = clock.GetUtcNow();
        var settings = await SlaSettings.LoadAsync(db, cancellationToken);
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new TicketFacts(t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Channel, t.TeamId, t.AssigneeId, t.Tier,
                t.Customer.IsVip, t.CreatedAt, t.UpdatedAt, t.ResolvedAt, t.Version, t.SlaDueKey, t.SlaAttentionAt))
            .ToListAsync(cancellationToken);
        var statuses = (await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId) && e.Field == "Status")
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => new { e.TicketId, e.CreatedAt, e.NewValue }).ToListAsync(cancellationToken))
            .ToLookup(e => e.TicketId);
        var messages = (await db.Messages.AsNoTracking()
                // An automatic reply (an agent message with no agent: a rule's canned reply) answers nobody's question.
                .Where(m => ids.Contains(m.TicketId) && m.Visibility == MessageVisibility.Public && m.AuthorKind != AuthorKind.System
                    && (m.AuthorKind != AuthorKind.Agent || m.AuthorAgentId != null))
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
            await StoreOnTicketAsync(db, ticket, state, cancellationToken);
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

    /// <summary>
    /// The inbox's copy of the clock on the ticket row (<see cref="Ticket.SlaDueKey"/>, <see cref="Ticket.SlaAttentionAt"/>),
    /// in this transaction. Written column by column, outside the ticket's version: the clock is derived from the ticket,
    /// not a change to it, and must not make an agent's pending edit conflict.
    /// </summary>
    private static async Task StoreOnTicketAsync(AppDbContext db, TicketFacts ticket, SlaState state, CancellationToken cancellationToken)
    {
        var dueKey = state.RunningDueAt?.UtcTicks ?? long.MaxValue;
        var attention = state.AttentionAt;
        if (dueKey == ticket.SlaDueKey && attention == ticket.SlaAttentionAt)
        {
            return;
        }
        await db.Tickets.Where(t => t.Id == ticket.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SlaDueKey, dueKey).SetProperty(t => t.SlaAttentionAt, attention), cancellationToken);
    }

    private static string Key(int ticketId) => ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
}
