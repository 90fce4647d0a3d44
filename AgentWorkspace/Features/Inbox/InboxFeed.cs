using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>Published when the feed lost track of changes (its queue overflowed): every inbox reads its page again.</summary>
public sealed record InboxResync : WorkspaceEvent
{
    public static readonly InboxResync Instance = new();

    public override IReadOnlyList<Topic> Topics => [Topic.Inbox, InboxTopics.Resync];

    /// <summary>Each node derives it for its own screens from the events that cross.</summary>
    public override bool CrossesNodes => false;
}

/// <summary>
/// Does the inbox's work for a ticket change once, for every screen: follows every ticket event, reads the changed
/// tickets' rows in one query per batch, and publishes each (<see cref="InboxTicketChanged"/>) to the screens that could
/// show it before or after. Screens place the rows
/// with <see cref="InboxMatcher"/> in memory; a screen that doesn't show a ticket does no database work for it.
/// </summary>
public sealed class InboxFeed(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, ILogger<InboxFeed> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(Topic.Tickets, OnEventsAsync, capacity: 4096);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (batch is [ReloadRequired])
        {
            notifier.Publish(InboxResync.Instance);
            return;
        }
        var created = new HashSet<int>();
        var customerWrote = new HashSet<int>();
        var ids = new HashSet<int>();
        var previous = new Dictionary<int, (int? TeamId, string? AssigneeId, string? OwnerId)>();
        foreach (var e in batch)
        {
            switch (e)
            {
                case TicketChanged changed:
                    // The earliest place in the batch: where screens last saw the ticket.
                    ids.Add(changed.TicketId);
                    previous.TryAdd(changed.TicketId, (changed.PreviousTeamId, changed.PreviousAssigneeId, changed.PreviousOwnerId));
                    if (changed.Created) created.Add(changed.TicketId);
                    break;
                case MessageAdded added:
                    ids.Add(added.TicketId);
                    if (added.AuthorKind == AuthorKind.Customer) customerWrote.Add(added.TicketId);
                    break;
                case SlaChanged sla:
                    // New due instants, a pause, a met target: the row's badge, its place in "due soonest" and "breaching soon".
                    ids.Add(sla.TicketId);
                    break;
            }
        }
        if (ids.Count == 0)
        {
            return;
        }
        try
        {
            foreach (var ticket in await LoadAsync(ids))
            {
                // Only property changes move a ticket; after messages alone it was where it is.
                var (teamId, assigneeId, ownerId) = previous.TryGetValue(ticket.Id, out var before) ? before : (ticket.TeamId, ticket.AssigneeId, ticket.OwnerId);
                notifier.Publish(new InboxTicketChanged(ticket, created.Contains(ticket.Id), customerWrote.Contains(ticket.Id), teamId, assigneeId)
                {
                    PreviousOwnerId = ownerId,
                });
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read {Count} changed ticket(s) for the inbox; inboxes reload", ids.Count);
            notifier.Publish(InboxResync.Instance);
        }
    }

    /// <summary>The current rows of these tickets as every inbox shows them.</summary>
    public async Task<IReadOnlyList<InboxTicket>> LoadAsync(IReadOnlyCollection<int> ids)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new
            {
                t.Id,
                t.Number,
                t.Subject,
                CustomerName = t.Customer.Name,
                t.Status,
                t.Priority,
                t.Channel,
                t.AssigneeId,
                t.OwnerId,
                AssigneeName = t.Assignee != null ? t.Assignee.DisplayName : null,
                t.TeamId,
                TeamName = t.Team != null ? t.Team.Name : null,
                t.CreatedAt,
                t.LastActivityAt,
                t.WaitingSince,
                Tags = t.Tags.Select(x => x.Tag).ToList(),
                SeenBy = db.TicketReads.Where(r => r.TicketId == t.Id && r.SeenAt >= t.LastActivityAt).Select(r => r.AgentId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync();
        var sla = await InboxSla.LoadAsync(db, ids);
        return rows.Select(r => new InboxTicket(r.Id, r.Number, r.Subject, r.CustomerName, r.Status, r.Priority, r.Channel,
            r.AssigneeId, r.AssigneeName, r.TeamId, r.TeamName, r.CreatedAt, r.LastActivityAt, r.WaitingSince, r.Tags, r.SeenBy,
            sla.GetValueOrDefault(r.Id)) { OwnerId = r.OwnerId }).ToList();
    }
}
