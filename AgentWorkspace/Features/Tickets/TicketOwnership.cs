using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// The owner and followers rules, in one place. The owner is the agent responsible for the ticket, whoever works it:
/// when a ticket has none, the first agent assigned to it, or the first to reply in public, becomes its owner (a hand-off
/// makes the agent who had it the owner). Agents change it from the ticket's properties or the API.
/// </summary>
internal static class TicketOwnership
{
    /// <summary>An ownerless ticket gets <paramref name="agentId"/> as its owner.</summary>
    public static async Task DefaultOwnerAsync(AppDbContext db, Ticket ticket, string agentId, TicketHistory history)
    {
        if (ticket.OwnerId is null && agentId.Length > 0)
        {
            history.Record("Owner", null, await TicketService.AgentNameAsync(db, agentId));
            ticket.OwnerId = agentId;
        }
    }

    public static async Task<CommandResult?> SetOwnerAsync(AppDbContext db, Ticket ticket, string? agentId, TicketHistory history)
    {
        if (agentId == ticket.OwnerId)
        {
            return null;
        }
        if (agentId is not null && !await db.Users.AnyAsync(a => a.Id == agentId && a.IsActive))
        {
            return CommandResult.Invalid("That agent does not exist or is deactivated.");
        }
        history.Record("Owner", await TicketService.AgentNameAsync(db, ticket.OwnerId), await TicketService.AgentNameAsync(db, agentId));
        ticket.OwnerId = agentId;
        return null;
    }

    public static async Task<CommandResult?> AddFollowerAsync(AppDbContext db, Ticket ticket, string agentId, TicketHistory history)
    {
        var name = await db.Users.Where(a => a.Id == agentId && a.IsActive).Select(a => a.DisplayName).FirstOrDefaultAsync();
        if (name is null)
        {
            return CommandResult.Invalid("That agent does not exist or is deactivated.");
        }
        if (await db.TicketFollowers.AnyAsync(f => f.TicketId == ticket.Id && f.AgentId == agentId))
        {
            return null;
        }
        db.TicketFollowers.Add(new TicketFollower { TicketId = ticket.Id, AgentId = agentId, AddedAt = history.Now });
        history.Record("Followers", null, "+" + name);
        history.NewFollowers.Add(agentId);
        return null;
    }

    public static async Task<CommandResult?> RemoveFollowerAsync(AppDbContext db, Ticket ticket, string agentId, TicketHistory history)
    {
        var follower = await db.TicketFollowers.FirstOrDefaultAsync(f => f.TicketId == ticket.Id && f.AgentId == agentId);
        if (follower is not null)
        {
            history.Record("Followers", "-" + (await TicketService.AgentNameAsync(db, agentId) ?? agentId), null);
            db.TicketFollowers.Remove(follower);
        }
        return null;
    }
}
