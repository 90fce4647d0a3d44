using AgentWorkspace.Data;
using AgentWorkspace.Features.Inbox;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>Reads one ticket with its whole timeline for the agent's ticket page.</summary>
public sealed class TicketQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<TicketDetails?> GetByNumberAsync(int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking()
            .Include(t => t.Customer).Include(t => t.Team).Include(t => t.Assignee).Include(t => t.Tags)
            .FirstOrDefaultAsync(t => t.Number == number);
        if (ticket is null)
        {
            return null;
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.TicketId == ticket.Id)
            .OrderBy(m => m.Seq)
            .Select(m => new TimelineEntry(m.CreatedAt, m.Seq, m.AuthorKind, m.Visibility,
                m.AuthorKind == AuthorKind.Agent ? m.AuthorAgent!.DisplayName : m.AuthorKind == AuthorKind.Customer ? m.AuthorCustomer!.Name : "System",
                m.Body, null))
            .ToListAsync();
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticket.Id)
            .Select(e => new TimelineEntry(e.CreatedAt, 0, AuthorKind.System, MessageVisibility.Internal,
                e.ActorAgent != null ? e.ActorAgent.DisplayName : "System", null,
                new TicketChange(e.Field, e.OldValue, e.NewValue, e.Reason)))
            .ToListAsync();
        var timeline = messages.Concat(events).OrderBy(e => e.At).ThenBy(e => e.Seq).ToList();
        return new TicketDetails(ticket, timeline);
    }
}

public sealed record TicketDetails(Ticket Ticket, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A message (Body set) or a recorded change (Change set), in time order.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At, int Seq, AuthorKind AuthorKind, MessageVisibility Visibility, string AuthorName, string? Body, TicketChange? Change);

public sealed record TicketChange(string Field, string? OldValue, string? NewValue, string? Reason);

public static class TicketServiceExtensions
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton<InboxQuery>();
        services.AddSingleton<TicketQueries>();
        return services;
    }
}
