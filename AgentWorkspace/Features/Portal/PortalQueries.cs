using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// What the portal shows, always through <see cref="CustomerView"/>: a customer's tickets, and one ticket's public
/// conversation. A ticket the session may not open is exactly as absent as one that does not exist.
/// </summary>
public sealed class PortalQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    private const int MaxListed = 200;

    public async Task<IReadOnlyList<CustomerTicketSummary>> MyTicketsAsync(IReadOnlyList<int> customerIds)
    {
        if (customerIds.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        return await SummariesAsync(db, db.Tickets.AsNoTracking().Where(t => customerIds.Contains(t.CustomerId)));
    }

    /// <summary>The tickets this session opened from e-mail links (each still its customer's), for a session not signed in.</summary>
    public async Task<IReadOnlyList<CustomerTicketSummary>> LinkedTicketsAsync(IReadOnlyList<TicketGrant> grants)
    {
        if (grants.Count == 0)
        {
            return [];
        }
        var ids = grants.Select(g => g.TicketId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var candidates = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.CustomerId }).ToListAsync();
        var allowed = candidates.Where(c => grants.Contains(new TicketGrant(c.Id, c.CustomerId))).Select(c => c.Id).ToList();
        return await SummariesAsync(db, db.Tickets.AsNoTracking().Where(t => allowed.Contains(t.Id)));
    }

    private static async Task<IReadOnlyList<CustomerTicketSummary>> SummariesAsync(AppDbContext db, IQueryable<Ticket> tickets)
    {
        var rows = await tickets
            .Select(t => new
            {
                Ticket = t,
                LastPublic = db.Messages.Where(m => m.TicketId == t.Id && m.Visibility == MessageVisibility.Public)
                    .Max(m => (DateTimeOffset?)m.CreatedAt),
            })
            .ToListAsync();
        return rows.Select(r => CustomerView.Summary(r.Ticket, r.LastPublic ?? r.Ticket.CreatedAt))
            .OrderByDescending(s => s.LastActivity).ThenByDescending(s => s.Ticket.Number)
            .Take(MaxListed).ToList();
    }

    /// <summary>The ticket with this number, if the session may open it; null otherwise (whether or not it exists).</summary>
    public async Task<PortalTicket?> TicketAsync(PortalSession session, int number)
    {
        if (!session.IsSignedIn && session.Tickets.Count == 0)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == number);
        if (ticket is null || !session.CanOpen(ticket.Id, ticket.CustomerId))
        {
            return null;
        }
        var messages = (await db.Messages.AsNoTracking()
                .Where(m => m.TicketId == ticket.Id && m.Visibility == MessageVisibility.Public)
                .OrderBy(m => m.Seq)
                .Select(m => new { Message = m, AgentName = m.AuthorAgent == null ? null : m.AuthorAgent.DisplayName })
                .ToListAsync())
            .Select(m => (m.Message, m.AgentName)).ToList();
        var verified = await db.Customers.Where(c => c.Id == ticket.CustomerId).Select(c => c.IsVerified).FirstAsync();
        var conversation = CustomerView.Conversation(ticket, messages, verified);
        var lastPublic = conversation.Messages.Count == 0 ? ticket.CreatedAt : conversation.Messages.Max(m => m.SentAt);
        int? followUpOf = ticket.FollowUpOfId is { } previous
            ? await db.Tickets.Where(t => t.Id == previous).Select(t => (int?)t.Number).FirstOrDefaultAsync()
            : null;
        return new PortalTicket(ticket.Id, ticket.CustomerId, CustomerView.Summary(ticket, lastPublic), conversation, followUpOf);
    }

    /// <summary>The number and owner of a ticket by id, to check a link against the address it was opened at.</summary>
    public async Task<(int Number, int CustomerId)?> NumberAsync(int ticketId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var found = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Number, t.CustomerId }).FirstOrDefaultAsync();
        return found is null ? null : (found.Number, found.CustomerId);
    }
}

/// <summary>One ticket as its page shows it: ids for the session check and commands, the rest from <see cref="CustomerView"/>.</summary>
public sealed record PortalTicket(int TicketId, int CustomerId, CustomerTicketSummary Summary, CustomerConversation Conversation, int? FollowUpOfNumber)
{
    public string Status => Summary.Ticket.Status;
}
