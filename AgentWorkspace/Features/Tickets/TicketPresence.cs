using System.Collections.Concurrent;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// Collision detection: who has a ticket open and who is typing a reply on it, in memory (it is
/// momentary state, gone with the server). Changes are published as <see cref="TicketViewersChanged"/>.
/// Typing expires a few seconds after the last keystroke, so a closed tab never leaves a ghost typist.
/// </summary>
public sealed class TicketPresence : IDisposable
{
    public static readonly TimeSpan TypingTimeout = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Viewer>> byTicket = new();
    private readonly WorkspaceNotifier notifier;
    private readonly TimeProvider clock;
    private readonly ITimer sweeper;

    public TicketPresence(WorkspaceNotifier notifier, TimeProvider clock)
    {
        this.notifier = notifier;
        this.clock = clock;
        sweeper = clock.CreateTimer(_ => _ = SweepAsync(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    /// <summary>Registers one open ticket page; dispose it when the page closes.</summary>
    public IDisposable Watch(int ticketId, string agentId, string agentName)
    {
        var key = Guid.NewGuid();
        byTicket.GetOrAdd(ticketId, _ => new())[key] = new Viewer(agentId, agentName, null);
        Publish(ticketId);
        return new Registration(this, ticketId, key);
    }

    public void SetTyping(IDisposable registration, bool typing)
    {
        if (registration is not Registration r || !byTicket.TryGetValue(r.TicketId, out var viewers) || !viewers.TryGetValue(r.Key, out var viewer))
        {
            return;
        }
        var wasTyping = IsTyping(viewer);
        viewers[r.Key] = viewer with { TypingAt = typing ? clock.GetUtcNow() : null };
        if (wasTyping != typing)
        {
            Publish(r.TicketId);
        }
    }

    /// <summary>Everyone on the ticket, one entry per agent (several tabs count once), typing if any tab types.</summary>
    public IReadOnlyList<TicketViewer> Viewers(int ticketId) =>
        byTicket.TryGetValue(ticketId, out var viewers)
            ? viewers.Values.GroupBy(v => v.AgentId)
                .Select(g => new TicketViewer(g.Key, g.First().AgentName, g.Any(IsTyping)))
                .OrderBy(v => v.AgentName).ToList()
            : [];

    /// <summary>Tickets someone other than <paramref name="agentId"/> is viewing, for the inbox's markers.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<TicketViewer>> ViewedBy(IEnumerable<int> ticketIds, string agentId)
    {
        var result = new Dictionary<int, IReadOnlyList<TicketViewer>>();
        foreach (var id in ticketIds)
        {
            var others = Viewers(id).Where(v => v.AgentId != agentId).ToList();
            if (others.Count > 0)
            {
                result[id] = others;
            }
        }
        return result;
    }

    private bool IsTyping(Viewer viewer) => viewer.TypingAt is { } at && clock.GetUtcNow() - at < TypingTimeout;

    private async Task SweepAsync()
    {
        var cutoff = clock.GetUtcNow() - TypingTimeout;
        foreach (var (ticketId, viewers) in byTicket)
        {
            var expired = false;
            foreach (var (key, viewer) in viewers)
            {
                if (viewer.TypingAt is { } at && at <= cutoff)
                {
                    viewers[key] = viewer with { TypingAt = null };
                    expired = true;
                }
            }
            if (expired)
            {
                await notifier.PublishAsync(new TicketViewersChanged(ticketId));
            }
        }
    }

    private void Leave(int ticketId, Guid key)
    {
        if (byTicket.TryGetValue(ticketId, out var viewers) && viewers.TryRemove(key, out _))
        {
            if (viewers.IsEmpty)
            {
                byTicket.TryRemove(new KeyValuePair<int, ConcurrentDictionary<Guid, Viewer>>(ticketId, viewers));
            }
            Publish(ticketId);
        }
    }

    private void Publish(int ticketId) => _ = notifier.PublishAsync(new TicketViewersChanged(ticketId));

    public void Dispose() => sweeper.Dispose();

    private sealed record Viewer(string AgentId, string AgentName, DateTimeOffset? TypingAt);

    private sealed class Registration(TicketPresence owner, int ticketId, Guid key) : IDisposable
    {
        private int disposed;
        public int TicketId => ticketId;
        public Guid Key => key;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(ticketId, key);
            }
        }
    }
}

public sealed record TicketViewer(string AgentId, string AgentName, bool IsTyping);
