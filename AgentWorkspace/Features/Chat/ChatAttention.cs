using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Chat;

/// <summary>A chat the agent has not looked at since the customer last wrote.</summary>
public sealed record UnreadChat(int Number, string Subject, string CustomerName, DateTimeOffset LastActivityAt);

/// <summary>What pulls an agent to a chat: the unread-chats badge and the opt-in alert (browser notification and sound).</summary>
public sealed class ChatAttention(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Active chats visible to the agent with a customer message newer than the agent's last look at the ticket.</summary>
    public async Task<(int Count, IReadOnlyList<UnreadChat> Latest)> UnreadAsync(AgentScope scope, int take = 8)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unread = db.Tickets.AsNoTracking().VisibleTo(scope)
            .Where(t => t.Channel == TicketChannel.Chat && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .Where(t => db.Messages.Any(m => m.TicketId == t.Id && m.AuthorKind == AuthorKind.Customer
                && !db.TicketReads.Any(r => r.AgentId == scope.AgentId && r.TicketId == t.Id && r.SeenAt >= m.CreatedAt)));
        var count = await unread.CountAsync();
        var latest = await unread.OrderByDescending(t => t.LastActivityAt).Take(take)
            .Select(t => new UnreadChat(t.Number, t.Subject, t.Customer.Name, t.LastActivityAt)).ToListAsync();
        return (count, latest);
    }

    /// <summary>Whether a new chat for this agent is one they can see (alerts follow the same visibility as the inbox).</summary>
    public async Task<UnreadChat?> NewChatAsync(AgentScope scope, int ticketId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Tickets.AsNoTracking().VisibleTo(scope)
            .Where(t => t.Id == ticketId && t.Channel == TicketChannel.Chat)
            .Select(t => new UnreadChat(t.Number, t.Subject, t.Customer.Name, t.LastActivityAt)).FirstOrDefaultAsync();
    }

    public async Task<bool> AlertsEnabledAsync(string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(a => a.Id == agentId).Select(a => a.ChatAlerts).FirstOrDefaultAsync();
    }

    public async Task SetAlertsAsync(string agentId, bool enabled)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ChatAlerts, enabled));
    }
}
