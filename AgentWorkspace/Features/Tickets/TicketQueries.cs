using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>Reads one ticket with its whole timeline for the agent's ticket page.</summary>
public sealed class TicketQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<TicketDetails?> GetByNumberAsync(AgentScope scope, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(scope)
            .Include(t => t.Customer).Include(t => t.Team).Include(t => t.Assignee).Include(t => t.Owner).Include(t => t.Tags)
            .Include(t => t.Followers).ThenInclude(f => f.Agent)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Number == number);
        if (ticket is null)
        {
            return null;
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.TicketId == ticket.Id)
            .OrderBy(m => m.Seq)
            .Select(m => new TimelineEntry(m.CreatedAt, m.Seq, m.AuthorKind, m.Visibility, m.AuthorAgentId,
                m.AuthorKind == AuthorKind.Agent ? m.AuthorAgent!.DisplayName : m.AuthorKind == AuthorKind.Customer ? m.AuthorCustomer!.Name : "System",
                m.Body, null, m.Id, m.EditedAt))
            .ToListAsync();
        messages = await WithExtrasAsync(db, ticket.Id, messages);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticket.Id)
            .Select(e => new TimelineEntry(e.CreatedAt, 0, AuthorKind.System, MessageVisibility.Internal, e.ActorAgentId,
                e.ActorAgent != null ? e.ActorAgent.DisplayName : "System", null,
                new TicketChange(e.Field, e.OldValue, e.NewValue, e.Reason, e.RuleId)))
            .ToListAsync();
        var timeline = messages.Concat(events).OrderBy(e => e.At).ThenBy(e => e.Seq).ToList();
        var otherTickets = await db.Tickets.AsNoTracking().VisibleTo(scope)
            .Where(t => t.CustomerId == ticket.CustomerId && t.Id != ticket.Id)
            .OrderByDescending(t => t.LastActivityAt).Take(10)
            .Select(t => new RelatedTicket(t.Number, t.Subject, t.Status, t.Channel, t.LastActivityAt))
            .ToListAsync();
        return new TicketDetails(ticket, timeline, otherTickets);
    }

    /// <summary>What came with the messages: their files, and for e-mails the sender's address and the quoted history.</summary>
    private static async Task<List<TimelineEntry>> WithExtrasAsync(AppDbContext db, int ticketId, List<TimelineEntry> messages)
    {
        var files = (await db.MessageAttachments.AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.Id)
            .Select(a => new { a.MessageId, a.Id, a.FileName, a.ContentType, a.Size }).ToListAsync())
            .ToLookup(a => a.MessageId, a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size));
        var emails = (await db.EmailMessages.AsNoTracking().Where(e => e.TicketId == ticketId && e.Direction == Email.EmailDirection.Inbound && e.MessageId != null)
            .Select(e => new { MessageId = e.MessageId!.Value, e.FromAddress, e.QuotedText }).ToListAsync())
            .ToDictionary(e => e.MessageId);
        if (files.Count == 0 && emails.Count == 0)
        {
            return messages;
        }
        return messages.Select(m =>
        {
            var email = emails.GetValueOrDefault(m.MessageId);
            return email is null && !files.Contains(m.MessageId) ? m
                : m with { Extras = new MessageExtras(files[m.MessageId].ToList(), email?.FromAddress, email?.QuotedText) };
        }).ToList();
    }

    /// <summary>
    /// What landed after <paramref name="seq"/> that an agent about to reply must see first: customer messages
    /// and other agents' replies (the stale-send check).
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> ArrivedSinceAsync(AgentScope scope, int ticketId, int seq)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Seq > seq && db.Tickets.VisibleTo(scope).Any(t => t.Id == ticketId))
            .Where(m => m.AuthorKind == AuthorKind.Customer
                || (m.AuthorKind == AuthorKind.Agent && m.Visibility == MessageVisibility.Public && m.AuthorAgentId != scope.AgentId))
            .OrderBy(m => m.Seq)
            .Select(m => new TimelineEntry(m.CreatedAt, m.Seq, m.AuthorKind, m.Visibility, m.AuthorAgentId,
                m.AuthorKind == AuthorKind.Agent ? m.AuthorAgent!.DisplayName : m.AuthorCustomer!.Name, m.Body, null))
            .ToListAsync();
    }

    /// <summary>
    /// The active agents @mentioned in <paramref name="body"/> who may not open the ticket (<see cref="AgentScope.CanSee"/>,
    /// with each one's own role and teams): the composer asks before sending a note they would be notified of in vain.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> MentionedWhoCannotSeeAsync(int ticketId, string body)
    {
        if (!body.Contains('@'))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.TeamId, t.AssigneeId, t.OwnerId, Followers = t.Followers.Select(f => f.AgentId).ToList() })
            .FirstOrDefaultAsync();
        if (ticket is null)
        {
            return [];
        }
        var agents = await db.Users.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.DisplayName, a.Email }).ToListAsync();
        var mentioned = Mentions.Find(body, agents.Select(a => (a.Id, a.DisplayName, a.Email)));
        if (mentioned.Count == 0)
        {
            return [];
        }
        var admins = await db.UserRoles.Where(r => mentioned.Contains(r.UserId) && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Agents.Roles.Admin))
            .Select(r => r.UserId).ToListAsync();
        var teams = (await db.TeamMembers.Where(m => mentioned.Contains(m.AgentId)).Select(m => new { m.AgentId, m.TeamId }).ToListAsync())
            .ToLookup(m => m.AgentId, m => m.TeamId);
        return mentioned
            .Where(id => !new AgentScope(id, admins.Contains(id), teams[id].ToList())
                .CanSee(ticket.TeamId, ticket.AssigneeId, ticket.OwnerId, ticket.Followers.Contains(id)))
            .Select(id => (id, agents.First(a => a.Id == id).DisplayName))
            .ToList();
    }

    /// <summary>Agents and teams a ticket can be given to.</summary>
    public async Task<(IReadOnlyList<(string Id, string Name)> Agents, IReadOnlyList<(int Id, string Name)> Teams)> ChoicesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var agents = await db.Users.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName }).ToListAsync();
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        return (agents.Select(a => (a.Id, a.DisplayName)).ToList(), teams.Select(t => (t.Id, t.Name)).ToList());
    }
}

public sealed record TicketDetails(Ticket Ticket, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<RelatedTicket> CustomerTickets);

/// <summary>
/// Another ticket of the same customer, listed for agents beside a ticket. Agent-side data: the customer-facing
/// projection of a ticket is Chat's CustomerTicket (CustomerView), the only shape a customer ever receives.
/// </summary>
public sealed record RelatedTicket(int Number, string Subject, TicketStatus Status, TicketChannel Channel, DateTimeOffset LastActivityAt);

/// <summary>A message (Body set) or a recorded change (Change set), in time order.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At, int Seq, AuthorKind AuthorKind, MessageVisibility Visibility, string? AuthorAgentId, string AuthorName, string? Body, TicketChange? Change,
    long MessageId = 0, DateTimeOffset? EditedAt = null, MessageExtras? Extras = null);

/// <summary>What came with a message: its files, and for an e-mail its sender's address and the quoted history it repeated.</summary>
public sealed record MessageExtras(IReadOnlyList<AttachmentInfo> Attachments, string? EmailFrom, string? QuotedText);

public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size);

/// <param name="RuleId">Set when an automation rule made the change; its name is then the <paramref name="Reason"/>.</param>
public sealed record TicketChange(string Field, string? OldValue, string? NewValue, string? Reason, int? RuleId = null);
