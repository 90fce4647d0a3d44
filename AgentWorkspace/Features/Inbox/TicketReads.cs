using AgentWorkspace.Data;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>Remembers when each agent last saw each ticket, for the inbox's "updated" markers.</summary>
public sealed class TicketReads(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, TimeProvider clock)
{
    public async Task MarkSeenAsync(string agentId, int ticketId)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var updated = await db.TicketReads
            .Where(r => r.AgentId == agentId && r.TicketId == ticketId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SeenAt, now));
        if (updated == 0)
        {
            db.TicketReads.Add(new TicketRead { AgentId = agentId, TicketId = ticketId, SeenAt = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another tab of the same agent inserted it first; its timestamp is as good.
            }
        }
        notifier.Publish(new TicketSeen(agentId, ticketId));
    }
}
