using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

public enum InboxView
{
    AllOpen,
    Mine,
    Unassigned,
    WaitingOnCustomer,
    OnHold,
    ResolvedAndClosed,
}

/// <summary>Reads the shared inbox: which tickets each view holds, their counts, and one page of rows.</summary>
public sealed class InboxQuery(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.OnHold];

    public static string Label(InboxView view) => view switch
    {
        InboxView.AllOpen => "All open",
        InboxView.Mine => "My open",
        InboxView.Unassigned => "Unassigned",
        InboxView.WaitingOnCustomer => "Waiting on customer",
        InboxView.OnHold => "On hold",
        InboxView.ResolvedAndClosed => "Resolved and closed",
        _ => view.ToString(),
    };

    public async Task<InboxResult> ListAsync(InboxView view, string agentId, string? search, int skip, int take)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = Filter(db.Tickets.AsNoTracking(), view, agentId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = int.TryParse(term.TrimStart('#'), out var number)
                ? query.Where(t => t.Number == number)
                : query.Where(t => EF.Functions.Like(t.Subject, $"%{term}%") || EF.Functions.Like(t.Customer.Name, $"%{term}%"));
        }
        var total = await query.CountAsync();
        var rows = await query
            .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
            .Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(t => new InboxRow(
                t.Id, t.Number, t.Subject, t.Customer.Name, t.Status, t.Priority, t.Channel,
                t.Assignee != null ? t.Assignee.DisplayName : null,
                t.Team != null ? t.Team.Name : null,
                t.LastActivityAt, t.WaitingSince))
            .ToListAsync();
        return new InboxResult(rows, total);
    }

    public async Task<IReadOnlyDictionary<InboxView, int>> CountsAsync(string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var counts = new Dictionary<InboxView, int>();
        foreach (var view in Enum.GetValues<InboxView>())
        {
            counts[view] = await Filter(db.Tickets, view, agentId).CountAsync();
        }
        return counts;
    }

    private static IQueryable<Ticket> Filter(IQueryable<Ticket> tickets, InboxView view, string agentId) => view switch
    {
        InboxView.AllOpen => tickets.Where(t => OpenStatuses.Contains(t.Status)),
        InboxView.Mine => tickets.Where(t => t.AssigneeId == agentId && OpenStatuses.Contains(t.Status)),
        InboxView.Unassigned => tickets.Where(t => t.AssigneeId == null && OpenStatuses.Contains(t.Status)),
        InboxView.WaitingOnCustomer => tickets.Where(t => t.Status == TicketStatus.WaitingOnCustomer),
        InboxView.OnHold => tickets.Where(t => t.Status == TicketStatus.OnHold),
        InboxView.ResolvedAndClosed => tickets.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed),
        _ => tickets,
    };
}

public sealed record InboxRow(
    int Id, int Number, string Subject, string CustomerName, TicketStatus Status, TicketPriority Priority,
    TicketChannel Channel, string? AssigneeName, string? TeamName, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince);

public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, int Total);
