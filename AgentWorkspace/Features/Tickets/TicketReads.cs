using AgentWorkspace.Data;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// Remembers when each agent last saw each ticket, for the inbox's "updated" markers and the unread-chats badge.
/// Every agent with a ticket open marks it seen on each new message, so marks are group-committed: whatever is marked
/// while one write runs goes into the next, as one transaction through the write gate. A busy chat costs one write per
/// turn instead of one per viewer per message, and viewers' marks never make a customer's message wait.
/// <see cref="TicketSeen"/> is published to the agent after the commit. Opening a ticket's page also records the
/// opening (the reports' handle time starts there) in the same write.
/// </summary>
public sealed class TicketReads(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, TimeProvider clock, ILogger<TicketReads> logger)
{
    private readonly Lock sync = new();
    private Dictionary<(string AgentId, int TicketId), DateTimeOffset> pending = [];
    private List<(string AgentId, int TicketId, DateTimeOffset At)> pendingOpens = [];
    private TaskCompletionSource? nextWrite;
    private bool writing;

    /// <summary>Completes once the mark is stored.</summary>
    public Task MarkSeenAsync(string agentId, int ticketId) => MarkAsync(agentId, ticketId, opened: false);

    /// <summary>The agent opened the ticket's page: it is seen, and the opening is recorded; completes once both are stored.</summary>
    public Task MarkOpenedAsync(string agentId, int ticketId) => MarkAsync(agentId, ticketId, opened: true);

    private Task MarkAsync(string agentId, int ticketId, bool opened)
    {
        var now = clock.GetUtcNow();
        Task stored;
        var start = false;
        lock (sync)
        {
            pending[(agentId, ticketId)] = now;
            if (opened)
            {
                pendingOpens.Add((agentId, ticketId, now));
            }
            nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            stored = nextWrite.Task;
            if (!writing)
            {
                writing = start = true;
            }
        }
        if (start)
        {
            _ = Task.Run(WriteLoopAsync);
        }
        return stored;
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            Dictionary<(string AgentId, int TicketId), DateTimeOffset> batch;
            List<(string AgentId, int TicketId, DateTimeOffset At)> opens;
            TaskCompletionSource done;
            lock (sync)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }
                (batch, pending) = (pending, []);
                (opens, pendingOpens) = (pendingOpens, []);
                (done, nextWrite) = (nextWrite!, null);
            }
            try
            {
                await WriteAsync(batch, opens);
                foreach (var (agentId, ticketId) in batch.Keys)
                {
                    notifier.Publish(new TicketSeen(agentId, ticketId));
                }
                done.SetResult();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not store {Count} seen mark(s)", batch.Count);
                done.SetException(ex);
            }
        }
    }

    private async Task WriteAsync(
        Dictionary<(string AgentId, int TicketId), DateTimeOffset> batch, List<(string AgentId, int TicketId, DateTimeOffset At)> opens)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var ((agentId, ticketId), seenAt) in batch)
        {
            // SeenAt is stored as UTC ticks (the app's DateTimeOffset converter); a mark never moves back.
            var ticks = seenAt.UtcTicks;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "TicketReads" ("AgentId", "TicketId", "SeenAt") SELECT {agentId}, {ticketId}, {ticks}
                WHERE EXISTS (SELECT 1 FROM "Tickets" WHERE "Id" = {ticketId})
                ON CONFLICT ("AgentId", "TicketId") DO UPDATE SET "SeenAt" =
                    CASE WHEN excluded."SeenAt" > "TicketReads"."SeenAt" THEN excluded."SeenAt" ELSE "TicketReads"."SeenAt" END
                """);
        }
        foreach (var (agentId, ticketId, at) in opens)
        {
            var ticks = at.UtcTicks;
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"TicketOpens\" (\"AgentId\", \"TicketId\", \"OpenedAt\") VALUES ({agentId}, {ticketId}, {ticks})");
        }
        await transaction.CommitAsync();
    }
}
