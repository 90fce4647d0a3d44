using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Sla;

/// <summary>SLA conditions on ticket queries (the API's list filters; later the inbox's views).</summary>
public static class SlaQueries
{
    /// <summary>
    /// Tickets with a breached target (<paramref name="breached"/> true) or without one. A target whose due instant has
    /// passed counts at once, before the scheduler has recorded the breach.
    /// </summary>
    public static IQueryable<Ticket> WhereBreached(this IQueryable<Ticket> tickets, AppDbContext db, bool breached, DateTimeOffset now) =>
        breached
            ? tickets.Where(t => db.SlaStates.Any(s => s.TicketId == t.Id && (s.BreachedAt != null || s.NextDueAt <= now)))
            : tickets.Where(t => !db.SlaStates.Any(s => s.TicketId == t.Id && (s.BreachedAt != null || s.NextDueAt <= now)));

    /// <summary>Tickets whose next running target falls due before <paramref name="before"/> (overdue ones included).</summary>
    public static IQueryable<Ticket> WhereDueBefore(this IQueryable<Ticket> tickets, AppDbContext db, DateTimeOffset before) =>
        tickets.Where(t => db.SlaStates.Any(s => s.TicketId == t.Id && s.NextDueAt < before));
}
