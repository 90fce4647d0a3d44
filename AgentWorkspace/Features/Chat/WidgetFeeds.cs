using System.Collections.Concurrent;
using System.Collections.Immutable;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// Pushes ticket activity to the widgets watching it, through <see cref="CustomerView"/> only. Follows each watched
/// ticket's topic on the one <see cref="WorkspaceNotifier"/>, so pushes follow database commits. Per ticket, messages go out in sequence order
/// and without gaps: a push sends everything stored since the previous push, under a per-ticket lock, so two replies
/// committed back to back can't overtake each other and a widget's highest seq is always a safe resume point.
/// Tickets nobody watches cost nothing.
/// Pushes go to the watching connections of this node by their ids, written directly to them: with several app nodes
/// every node receives every ticket's events, so each node serves its own widgets (a push to the ticket's cluster-wide
/// <see cref="Group"/> would go through Redis and reach each widget once per node), and they keep getting pushes while
/// Redis is unreachable.
/// </summary>
public sealed class WidgetFeeds(
    IDbContextFactory<AppDbContext> dbFactory, IHubContext<WidgetHub, IWidgetClient> hub, TicketPresence presence,
    WorkspaceNotifier notifier, ILogger<WidgetFeeds> logger) : IHostedService
{
    private readonly ConcurrentDictionary<int, Feed> feeds = new();
    private readonly Lock sync = new();

    /// <summary>Every widget on the ticket, on every node: for a push made once per cluster (a survey job's).</summary>
    public static string Group(int ticketId) => $"ticket:{ticketId}";

    public int WatchedTickets => feeds.Count;

    /// <summary>A widget connection joined the ticket's group. The first watcher marks where live pushes start.</summary>
    public async Task WatchAsync(int ticketId, string connectionId)
    {
        Feed feed;
        lock (sync)
        {
            feed = feeds.GetOrAdd(ticketId, _ => new Feed());
            feed.Connections = [.. feed.Connections, connectionId];
            if (feed.Connections.Count == 1)
            {
                feed.Subscription = notifier.Subscribe(Topic.Ticket(ticketId), batch => OnEventsAsync(ticketId, feed, batch));
            }
        }
        await feed.Gate.WaitAsync();
        try
        {
            if (!feed.Started)
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                feed.LastPushedSeq = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.LastMessageSeq).FirstOrDefaultAsync();
                feed.Started = true;
            }
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    public void Unwatch(int ticketId, string connectionId)
    {
        lock (sync)
        {
            if (feeds.TryGetValue(ticketId, out var feed) && (feed.Connections = feed.Connections.Remove(connectionId)).Count == 0)
            {
                feeds.TryRemove(ticketId, out _);
                feed.Subscription?.Dispose();
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var feed in feeds.Values)
        {
            feed.Subscription?.Dispose();
        }
        return Task.CompletedTask;
    }

    /// <summary>One ticket's events, in order. A burst of messages is one read of everything stored since the last push.</summary>
    private async Task OnEventsAsync(int ticketId, Feed feed, IReadOnlyList<WorkspaceEvent> batch)
    {
        var overflowed = batch is [ReloadRequired];
        // Internal notes never start a push; the projection would drop them anyway.
        if (overflowed || batch.Any(e => e is MessageAdded { Visibility: MessageVisibility.Public }))
        {
            await PushMessagesAsync(ticketId, feed);
        }
        else if (batch.Any(e => e is TicketChanged or MessageAdded))
        {
            await PushTicketAsync(ticketId, feed);
        }
        foreach (var edited in batch.OfType<MessageEdited>().Where(e => e.Visibility == MessageVisibility.Public))
        {
            await PushEditAsync(feed, edited);
        }
        if (overflowed || batch.Any(e => e is PresenceMoved))
        {
            await PushTypingAsync(ticketId, feed);
        }
    }

    private async Task PushMessagesAsync(int ticketId, Feed feed)
    {
        await feed.Gate.WaitAsync();
        try
        {
            if (!feed.Started)
            {
                return; // the first watcher is still reading where to start; its own read includes this message
            }
            await using var db = await dbFactory.CreateDbContextAsync();
            var stored = await db.Messages.AsNoTracking()
                .Where(m => m.TicketId == ticketId && m.Seq > feed.LastPushedSeq)
                .OrderBy(m => m.Seq)
                .Select(m => new { Message = m, AgentName = m.AuthorAgent == null ? null : m.AuthorAgent.DisplayName })
                .ToListAsync();
            foreach (var row in stored)
            {
                feed.LastPushedSeq = row.Message.Seq;
                if (CustomerView.Message(row.Message, row.AgentName) is { } visible)
                {
                    await hub.Clients.Clients(feed.Connections).Message(visible);
                }
            }
            // A message can move the status on its own (a reply starts work, a customer message reopens).
            await PushTicketAsync(ticketId, feed);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push messages of ticket {TicketId} to widgets", ticketId);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    private async Task PushEditAsync(Feed feed, MessageEdited edited)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.Messages.AsNoTracking().Where(m => m.Id == edited.MessageId)
            .Select(m => new { Message = m, AgentName = m.AuthorAgent == null ? null : m.AuthorAgent.DisplayName }).FirstOrDefaultAsync();
        if (row is not null && CustomerView.Message(row.Message, row.AgentName) is { } visible)
        {
            await hub.Clients.Clients(feed.Connections).MessageUpdated(visible);
        }
    }

    private async Task PushTicketAsync(int ticketId, Feed feed)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId) is not { } ticket)
        {
            return;
        }
        var view = CustomerView.Ticket(ticket);
        if (Interlocked.Exchange(ref feed.LastStatus, view.Status) != view.Status)
        {
            await hub.Clients.Clients(feed.Connections).Ticket(view);
        }
    }

    private async Task PushTypingAsync(int ticketId, Feed feed)
    {
        var view = CustomerView.Typing(presence.Viewers(ticketId));
        var key = view.IsTyping ? view.AgentName ?? "" : null;
        if (Interlocked.Exchange(ref feed.LastTyping, key) != key)
        {
            await hub.Clients.Clients(feed.Connections).Typing(view);
        }
    }

    private sealed class Feed
    {
        /// <summary>Replaced, never changed in place (under the lock), so a push can read it while others join or leave.</summary>
        public ImmutableList<string> Connections = [];
        public bool Started;
        public int LastPushedSeq;
        public string? LastStatus;
        public string? LastTyping;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public IDisposable? Subscription;
    }
}
