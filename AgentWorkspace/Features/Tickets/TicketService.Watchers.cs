using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// Who hears of a committed change besides the screens: the new assignee, the new owner, new followers, the team a
/// ticket was handed off to, and the watchers (owner and followers) of status changes and customer replies. Nobody is
/// told of their own change, and the assignee is not told of what they see working the ticket.
/// </summary>
public sealed partial class TicketService
{
    private async Task NotifyChangeAsync(
        AppDbContext db, Ticket ticket, string? actorAgentId, TicketHistory history, string? previousAssignee, string? previousOwner, TicketStatus previousStatus)
    {
        var link = Link(ticket);
        var by = await db.Users.Where(a => a.Id == actorAgentId).Select(a => a.DisplayName).FirstOrDefaultAsync() ?? "Someone";
        if (ticket.AssigneeId is { } assignee && assignee != previousAssignee && assignee != actorAgentId)
        {
            // A change the workspace made by itself (routing, an SLA action) has nobody to name.
            var title = actorAgentId is null ? NotificationText.AssignedAutomatically(ticket.Number) : NotificationText.TicketAssigned(by, ticket.Number);
            await notifications.NotifyAsync(assignee, title, ticket.Subject, link);
        }
        if (ticket.OwnerId is { } owner && owner != previousOwner && owner != actorAgentId && owner != ticket.AssigneeId)
        {
            await notifications.NotifyAsync(owner, NotificationText.MadeOwner(by, ticket.Number), ticket.Subject, link);
        }
        foreach (var follower in history.NewFollowers.Where(f => f != actorAgentId))
        {
            await notifications.NotifyAsync(follower, NotificationText.Following(by, ticket.Number), ticket.Subject, link);
        }
        if (history.HandedOffTo is { } teamId)
        {
            var team = await TeamNameAsync(db, teamId) ?? "";
            var members = await db.TeamMembers.Where(m => m.TeamId == teamId && m.Agent.IsActive && m.AgentId != actorAgentId)
                .Select(m => m.AgentId).ToListAsync();
            foreach (var member in members)
            {
                await notifications.NotifyAsync(member, NotificationText.HandedOff(ticket.Number, team), ticket.Subject, link);
            }
        }
        if (ticket.Status != previousStatus)
        {
            await NotifyWatchersAsync(db, ticket, actorAgentId, NotificationText.StatusChanged(ticket.Number, NotificationText.Status(ticket.Status.ToString())), ticket.Subject);
        }
    }

    /// <summary>The owner and followers, except the actor and the assignee (who works the ticket and sees it live).</summary>
    private async Task NotifyWatchersAsync(AppDbContext db, Ticket ticket, string? actorAgentId, NotificationText title, string? body)
    {
        var followers = await db.TicketFollowers.Where(f => f.TicketId == ticket.Id).Select(f => f.AgentId).ToListAsync();
        var candidates = followers.Prepend(ticket.OwnerId).OfType<string>()
            .Where(id => id != actorAgentId && id != ticket.AssigneeId).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var recipients = await db.Users.Where(a => candidates.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync();
        foreach (var agentId in candidates.Where(recipients.Contains))
        {
            await notifications.NotifyAsync(agentId, title, body, Link(ticket));
        }
    }

    private static string Link(Ticket ticket) => $"/tickets/{ticket.Number}";
}
