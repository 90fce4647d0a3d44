using System.Collections.Concurrent;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// Pushes ticket activity to the widgets watching it, through <see cref="CustomerView"/> only. Listens to the one
/// <see cref="WorkspaceNotifier"/>, so pushes follow database commits. Per ticket, messages go out in sequence order
/// and without gaps: a push sends everything stored since the previous push, under a per-ticket lock, so two replies
/// committed back to back can't overtake each other and a widget's highest seq is always a safe resume point.
/// Tickets nobody watches cost nothing.
/// </summary>
public sealed class WidgetFeeds(
    IDbContextFactory<AppDbContext> dbFactory, IHubContext<WidgetHub, IWidgetClient> hub, TicketPresence presence,
    WorkspaceNotifier notifier, ILogger<WidgetFeeds> logger) : IHostedService
{
    private readonly ConcurrentDictionary<int, Feed> feeds = new();
    private readonly Lock sync = new();
    private IDisposable? subscription;

    public static string Group(int ticketId) => $"ticket:{ticketId}";

    public int WatchedTickets => feeds.Count;

    /// <summary>A widget connection joined the ticket's group. The first watcher marks where live pushes start.</summary>
    public async Task WatchAsync(int ticketId)
    {
        Feed feed;
        lock (sync)
        {
            feed = feeds.GetOrAdd(ticketId, _ => new Feed());
            feed.Watchers++;
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

    public void Unwatch(int ticketId)
    {
        lock (sync)
        {
            if (feeds.TryGetValue(ticketId, out var feed) && --feed.Watchers <= 0)
            {
                feeds.TryRemove(ticketId, out _);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(OnEventAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task OnEventAsync(WorkspaceEvent e) => e switch
    {
        // Internal notes never start a push; the projection would drop them anyway.
        MessageAdded { Visibility: MessageVisibility.Public } added when feeds.TryGetValue(added.TicketId, out var feed) => PushMessagesAsync(added.TicketId, feed),
        MessageEdited { Visibility: MessageVisibility.Public } edited when feeds.ContainsKey(edited.TicketId) => PushEditAsync(edited),
        TicketChanged changed when feeds.TryGetValue(changed.TicketId, out var feed) => PushTicketAsync(changed.TicketId, feed),
        TicketViewersChanged viewers when feeds.TryGetValue(viewers.TicketId, out var feed) => PushTypingAsync(viewers.TicketId, feed),
        _ => Task.CompletedTask,
    };

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
                    await hub.Clients.Group(Group(ticketId)).Message(visible);
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

    private async Task PushEditAsync(MessageEdited edited)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.Messages.AsNoTracking().Where(m => m.Id == edited.MessageId)
            .Select(m => new { Message = m, AgentName = m.AuthorAgent == null ? null : m.AuthorAgent.DisplayName }).FirstOrDefaultAsync();
        if (row is not null && CustomerView.Message(row.Message, row.AgentName) is { } visible)
        {
            await hub.Clients.Group(Group(edited.TicketId)).MessageUpdated(visible);
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
            await hub.Clients.Group(Group(ticketId)).Ticket(view);
        }
    }

    private async Task PushTypingAsync(int ticketId, Feed feed)
    {
        var view = CustomerView.Typing(presence.Viewers(ticketId));
        var key = view.IsTyping ? view.AgentName ?? "" : null;
        if (Interlocked.Exchange(ref feed.LastTyping, key) != key)
        {
            await hub.Clients.Group(Group(ticketId)).Typing(view);
        }
    }

    private sealed class Feed
    {
        public int Watchers;
        public bool Started;
        public int LastPushedSeq;
        public string? LastStatus;
        public string? LastTyping;
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
