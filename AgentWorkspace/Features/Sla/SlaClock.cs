using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Sla;

/// <summary>Where a ticket's clock (or one target) stands at a given moment.</summary>
public enum SlaStatus
{
    None,
    OnTrack,
    AtRisk,
    Breached,
    Paused,
    Met,

    /// <summary>The ticket was resolved before this response was given: it no longer counts.</summary>
    Stopped,
}

/// <param name="Elapsed">Working time spent when last computed (exact while paused; while running, see Remaining).</param>
/// <param name="Remaining">Working time left until due (negative once overdue); set by SlaClock.ForTicketAsync only.</param>
public sealed record SlaTargetView(
    SlaTargetKind Kind, int Minutes, bool BusinessHours, SlaStatus Status,
    DateTimeOffset? StartedAt, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, DateTimeOffset? MetAt, DateTimeOffset? BreachedAt,
    TimeSpan Elapsed,
    TimeSpan? Remaining);

/// <summary>
/// A ticket's SLA as agents see it: the policy, each target's state, and the next target due (what an inbox badge shows).
/// Built from the stored state and the current instant alone, so a list of tickets costs one indexed read; a browser can
/// tick the timers itself from the due instants.
/// </summary>
public sealed record TicketSla(
    int TicketId, string? PolicyName, string? CalendarName, SlaStatus Status, SlaTargetView? Next,
    IReadOnlyList<SlaTargetView> Targets, DateTimeOffset? PausedSince)
{
    public static TicketSla From(SlaState state, DateTimeOffset now)
    {
        var targets = new List<SlaTargetView>(3);
        foreach (var kind in Enum.GetValues<SlaTargetKind>())
        {
            var target = state.Target(kind);
            if (target.Minutes is not { } minutes)
            {
                continue;
            }
            targets.Add(new SlaTargetView(kind, minutes, target.BusinessHours, StatusOf(target, state.PausedSince, now),
                target.StartedAt, target.DueAt, target.WarnAt, target.MetAt, target.BreachedAt, TimeSpan.FromSeconds(target.ElapsedSeconds), null));
        }
        var next = targets.Where(t => t.Status is SlaStatus.OnTrack or SlaStatus.AtRisk or SlaStatus.Breached && t.MetAt is null && t.DueAt is not null && !IsOver(state, t))
            .OrderBy(t => t.DueAt).FirstOrDefault();
        var status = next?.Status
            ?? (targets.Any(t => t.Status == SlaStatus.Paused) ? SlaStatus.Paused
            : targets.Any(t => t.BreachedAt is not null) ? SlaStatus.Breached
            : targets.Any(t => t.Status == SlaStatus.Met) ? SlaStatus.Met
            : SlaStatus.None);
        return new TicketSla(state.TicketId, state.PolicyName, state.CalendarName, status, next, targets, state.PausedSince);
    }

    private static bool IsOver(SlaState state, SlaTargetView view) => state.Target(view.Kind).StoppedAt is not null;

    private static SlaStatus StatusOf(SlaTarget target, DateTimeOffset? pausedSince, DateTimeOffset now) =>
        target.MetAt is not null ? SlaStatus.Met
        : target.StoppedAt is not null ? (target.BreachedAt is not null ? SlaStatus.Breached : SlaStatus.Stopped)
        : target.BreachedAt is not null ? SlaStatus.Breached
        : pausedSince is not null ? SlaStatus.Paused
        : target.DueAt is { } due && due <= now ? SlaStatus.Breached
        : target.WarnAt is { } warn && warn <= now ? SlaStatus.AtRisk
        : SlaStatus.OnTrack;
}

/// <summary>A ticket's SLA as its header shows it, computed at <paramref name="Now"/>; see <see cref="SlaClock.TimersAsync"/>.</summary>
public sealed record SlaTimers(TicketSla Sla, DateTimeOffset Now, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>? Openings);

/// <summary>Reads tickets' SLA for screens and the API.</summary>
public sealed class SlaClock(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>One ticket, with each running target's remaining working time on its calendar (the ticket header's timers).</summary>
    public async Task<TicketSla?> ForTicketAsync(int ticketId, CancellationToken cancellationToken = default) =>
        (await TimersAsync(ticketId, cancellationToken))?.Sla;

    /// <summary>
    /// The ticket header's timers: <see cref="ForTicketAsync"/>, and the business calendar's opening intervals around
    /// the targets' due instants and the coming days, so a browser can count the remaining business time down itself
    /// (null openings: the calendar counts every hour).
    /// </summary>
    public async Task<SlaTimers?> TimersAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.SlaStates.AsNoTracking().FirstOrDefaultAsync(s => s.TicketId == ticketId, cancellationToken);
        if (state is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var sla = TicketSla.From(state, now);
        var (_, businessTime) = (await SlaSettings.LoadAsync(db, cancellationToken)).CalendarFor(state.TeamId);
        var targets = sla.Targets.Select(t => t with { Remaining = RemainingOf(t, businessTime, now) }).ToList();
        sla = sla with { Targets = targets, Next = sla.Next is { } next ? targets.First(t => t.Kind == next.Kind) : null };
        return new SlaTimers(sla, now, businessTime is BusinessSchedule schedule ? OpeningsAround(schedule, targets, now) : null);
    }

    /// <summary>How far past now the browser can keep counting without the server (a page left open over a weekend).</summary>
    public static readonly TimeSpan TimerHorizon = TimeSpan.FromDays(8);

    private const int MaxOpenings = 200;

    private static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> OpeningsAround(BusinessSchedule schedule, IReadOnlyList<SlaTargetView> targets, DateTimeOffset now)
    {
        var dues = targets.Where(t => t.BusinessHours && t.DueAt is not null && t.Remaining is not null).Select(t => t.DueAt!.Value).ToList();
        if (dues.Count == 0)
        {
            return [];
        }
        // From the earliest of now and an overdue target's due instant (its overdue time counts from there) to past the latest due.
        var from = dues.Append(now).Min();
        var until = dues.Append(now + TimerHorizon).Max();
        return schedule.OpeningsFrom(from).TakeWhile(o => o.From < until).Take(MaxOpenings).ToList();
    }

    /// <summary>Many tickets at once (a page of a list), without remaining times.</summary>
    public async Task<IReadOnlyDictionary<int, TicketSla>> ForTicketsAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken = default)
    {
        if (ticketIds.Count == 0)
        {
            return new Dictionary<int, TicketSla>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var states = await db.SlaStates.AsNoTracking().Where(s => ticketIds.Contains(s.TicketId)).ToListAsync(cancellationToken);
        return states.ToDictionary(s => s.TicketId, s => TicketSla.From(s, now));
    }

    private static TimeSpan? RemainingOf(SlaTargetView target, WorkingTime businessTime, DateTimeOffset now)
    {
        var working = target.BusinessHours ? businessTime : WorkingTime.Continuous;
        return target.Status switch
        {
            SlaStatus.Paused => TimeSpan.FromMinutes(target.Minutes) - target.Elapsed,
            SlaStatus.OnTrack or SlaStatus.AtRisk or SlaStatus.Breached when target.MetAt is null && target.DueAt is { } due =>
                due >= now ? working.Between(now, due) : -working.Between(due, now),
            _ => null,
        };
    }
}
