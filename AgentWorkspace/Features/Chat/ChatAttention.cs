using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Chat;

/// <summary>A chat the agent has not looked at since the customer last wrote.</summary>
public sealed record UnreadChat(int TicketId, int Number, string Subject, string CustomerName, DateTimeOffset LastActivityAt);

/// <summary>
/// One agent's unread chats as the badge shows them: the count, the latest few, and the ids of the most recent
/// <see cref="Tracked"/>, so that changes are applied in memory and never read again. Past <see cref="Tracked"/> the
/// count is a lower bound (the badge shows "99+" long before that), so no event has to count a million rows again.
/// </summary>
public sealed class UnreadChats(int count, IReadOnlyList<UnreadChat> latest, IReadOnlyCollection<int> ids)
{
    public const int Tracked = 1_000;
    public const int Shown = 8;

    public static readonly UnreadChats None = new(0, [], []);

    private readonly HashSet<int> ids = [.. ids];
    private readonly List<UnreadChat> latest = [.. latest];

    public int Count { get; private set; } = count;
    public IReadOnlyList<UnreadChat> Latest => latest;

    public bool Add(UnreadChat chat)
    {
        if (ids.Add(chat.TicketId))
        {
            Count++;
        }
        latest.RemoveAll(c => c.TicketId == chat.TicketId);
        var at = latest.FindIndex(c => c.LastActivityAt < chat.LastActivityAt);
        latest.Insert(at < 0 ? latest.Count : at, chat);
        if (latest.Count > Shown)
        {
            latest.RemoveAt(latest.Count - 1);
        }
        return true;
    }

    /// <summary>False when the chat wasn't tracked as unread (then it can't have been counted either, below <see cref="Tracked"/>).</summary>
    public bool Remove(int ticketId, ref bool reload)
    {
        if (!ids.Remove(ticketId))
        {
            return false;
        }
        Count--;
        // The shown list lost one it can refill from memory only when it shows every unread chat.
        reload |= latest.RemoveAll(c => c.TicketId == ticketId) > 0 && Count >= Shown;
        return true;
    }
}

/// <summary>What pulls an agent to a chat: the unread-chats badge and the opt-in alert (browser notification and sound).</summary>
public sealed class ChatAttention(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Active chats in the agent's queues (the rule ChatAlerts applies live) with a customer message newer than the agent's last look at the ticket.</summary>
    public async Task<UnreadChats> UnreadAsync(AgentScope scope)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unread = db.Tickets.AsNoTracking().InQueuesOf(scope)
            .Where(t => t.Channel == TicketChannel.Chat && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .Where(t => db.Messages.Any(m => m.TicketId == t.Id && m.AuthorKind == AuthorKind.Customer
                && !db.TicketReads.Any(r => r.AgentId == scope.AgentId && r.TicketId == t.Id && r.SeenAt >= m.CreatedAt)));
        // The most recent ones only: the badge shows "99+" long before this cap, and a count of every unread chat of a
        // large team would read much of the message table.
        var ids = await unread.OrderByDescending(t => t.LastActivityAt).Select(t => t.Id).Take(UnreadChats.Tracked + 1).ToListAsync();
        var latest = await unread.OrderByDescending(t => t.LastActivityAt).Take(UnreadChats.Shown)
            .Select(t => new UnreadChat(t.Id, t.Number, t.Subject, t.Customer.Name, t.LastActivityAt)).ToListAsync();
        return new UnreadChats(ids.Count, latest, ids.Take(UnreadChats.Tracked).ToList());
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
