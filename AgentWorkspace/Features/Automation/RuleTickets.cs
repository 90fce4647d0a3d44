using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Automation;

/// <summary>Reads tickets as the rules see them (<see cref="RuleTicket"/>), for the live engine and the preview alike.</summary>
internal static class RuleTickets
{
    /// <summary>
    /// The ticket now, with the customer message the trigger is about: <paramref name="messageId"/>'s, or for a new ticket
    /// its opening message, or else the latest customer message. Business hours are judged at <paramref name="at"/>.
    /// </summary>
    public static async Task<RuleTicket?> LoadAsync(
        AppDbContext db, int ticketId, DateTimeOffset at, long? messageId, bool openingMessage, CancellationToken cancellationToken = default)
    {
        var tickets = await LoadManyAsync(db, db.Tickets.Where(t => t.Id == ticketId), _ => at, cancellationToken, messageId, openingMessage);
        return tickets.FirstOrDefault();
    }

    /// <summary>Several tickets, each judged at its own instant (the preview: when it was created).</summary>
    public static async Task<List<RuleTicket>> LoadManyAsync(
        AppDbContext db, IQueryable<Ticket> query, Func<DateTimeOffset, DateTimeOffset> instant, CancellationToken cancellationToken,
        long? messageId = null, bool openingMessage = true)
    {
        var rows = await query.AsNoTracking().Select(t => new
        {
            t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Channel, t.Category, t.Language, t.TeamId, t.AssigneeId, t.CreatedAt,
            Tags = t.Tags.Select(g => g.Tag).ToList(),
            t.Customer.IsVip,
            t.Customer.Company,
        }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var customerMessages = query.SelectMany(t => t.Messages).Where(m => m.AuthorKind == AuthorKind.Customer);
        var messages = messageId is { } id
            ? await db.Messages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.TicketId, m.Body }).ToListAsync(cancellationToken)
            : openingMessage
                ? await customerMessages.Where(m => !customerMessages.Any(o => o.TicketId == m.TicketId && o.Seq < m.Seq))
                    .Select(m => new { m.TicketId, m.Body }).ToListAsync(cancellationToken)
                : await customerMessages.Where(m => !customerMessages.Any(o => o.TicketId == m.TicketId && o.Seq > m.Seq))
                    .Select(m => new { m.TicketId, m.Body }).ToListAsync(cancellationToken);
        var bodies = messages.GroupBy(m => m.TicketId).ToDictionary(g => g.Key, g => g.First().Body);
        var settings = await SlaSettings.LoadAsync(db, cancellationToken);
        return rows.Select(t => new RuleTicket(
            t.Id, t.Number, t.Subject, bodies.GetValueOrDefault(t.Id) ?? "", t.Status, t.Priority, t.Channel, t.Category, t.Language, t.TeamId, t.AssigneeId,
            t.Tags.ToHashSet(StringComparer.Ordinal), t.IsVip, t.Company, IsOpen(settings.CalendarFor(t.TeamId).Time, instant(t.CreatedAt)))).ToList();
    }

    /// <summary>Inside an opening block of the calendar (always, for calendar hours).</summary>
    private static bool IsOpen(WorkingTime time, DateTimeOffset at) =>
        time is not BusinessSchedule schedule || schedule.OpeningsFrom(at).Take(1).Any(o => o.From <= at);
}
