using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// What an inbox row shows of its ticket's SLA: the next running target's due and at-risk instants, or that the clock is
/// paused. Absolute instants, so the badge's state at any moment follows from them without asking the database again.
/// </summary>
public readonly record struct InboxSla(DateTimeOffset? DueAt, DateTimeOffset? WarnAt, SlaTargetKind? Target, bool Paused)
{
    public static readonly InboxSla None = default;

    /// <summary>The badge's state at <paramref name="now"/>: None when no target runs (no policy, all met, stopped).</summary>
    public SlaStatus StatusAt(DateTimeOffset now) =>
        Paused ? SlaStatus.Paused
        : DueAt is not { } due ? SlaStatus.None
        : due <= now ? SlaStatus.Breached
        : WarnAt is { } warn && warn <= now ? SlaStatus.AtRisk
        : SlaStatus.OnTrack;

    /// <summary>
    /// In the "Breaching soon" view at <paramref name="now"/>: the next target is at risk, breached, or due within
    /// <see cref="SlaState.BreachingSoonWindow"/> (the rule the engine stores as <see cref="Tickets.Ticket.SlaAttentionAt"/>,
    /// which <see cref="InboxQuery"/>'s SQL reads).
    /// </summary>
    public bool BreachingSoonAt(DateTimeOffset now) =>
        !Paused && SlaState.AttentionOf(DueAt, WarnAt) is { } attention && attention <= now;

    public static InboxSla Of(SlaState state) => new(
        state.PausedSince is null ? state.NextDueAt : null,
        state.PausedSince is null && state.NextDueTarget is { } kind ? state.Target(kind).WarnAt : null,
        state.PausedSince is null ? state.NextDueTarget : null,
        state.PausedSince is not null);

    /// <summary>The SLA of these tickets (one indexed read); tickets without a state are absent.</summary>
    public static async Task<Dictionary<int, InboxSla>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> ticketIds)
    {
        if (ticketIds.Count == 0)
        {
            return [];
        }
        var states = await db.SlaStates.AsNoTracking().Where(s => ticketIds.Contains(s.TicketId)).ToListAsync();
        return states.ToDictionary(s => s.TicketId, Of);
    }
}
