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
    private readonly ConcurrentDictionary<int, DateTimeOffset> customerTyping = new();
    private readonly WorkspaceNotifier notifier;
    private readonly TimeProvider clock;
    private readonly ITimer sweeper;

    public TicketPresence(WorkspaceNotifier notifier, TimeProvider clock)
    {
        this.notifier = notifier;
        this.clock = clock;
        sweeper = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    /// <summary>Registers one open ticket page; dispose it when the page closes.</summary>
    public IDisposable Watch(int ticketId, string agentId, string agentName)
    {
        var key = Guid.NewGuid();
        byTicket.GetOrAdd(ticketId, _ => new())[key] = new Viewer(agentId, agentName, null);
        Publish(ticketId);
        return new Registration(this, ticketId, key);
    }

    /// <summary>Typing, and what: the customer's widget shows only agents typing a public reply, never a note.</summary>
    public void SetTyping(IDisposable registration, bool typing, MessageVisibility visibility = MessageVisibility.Public)
    {
        if (registration is not Registration r || !byTicket.TryGetValue(r.TicketId, out var viewers) || !viewers.TryGetValue(r.Key, out var viewer))
        {
            return;
        }
        var was = IsTyping(viewer) ? viewer.TypingAs : null;
        viewers[r.Key] = viewer with { TypingAt = typing ? clock.GetUtcNow() : null, TypingAs = typing ? visibility : null };
        if (was != (typing ? visibility : null))
        {
            Publish(r.TicketId);
        }
    }

    /// <summary>The customer is typing in the widget (expires like an agent's typing).</summary>
    public void SetCustomerTyping(int ticketId, bool typing)
    {
        var wasTyping = IsCustomerTyping(ticketId);
        if (typing)
        {
            customerTyping[ticketId] = clock.GetUtcNow();
        }
        else
        {
            customerTyping.TryRemove(ticketId, out _);
        }
        if (wasTyping != typing)
        {
            Publish(ticketId);
        }
    }

    public bool IsCustomerTyping(int ticketId) =>
        customerTyping.TryGetValue(ticketId, out var at) && clock.GetUtcNow() - at < TypingTimeout;

    /// <summary>Everyone on the ticket, one entry per agent (several tabs count once), typing if any tab types.</summary>
    public IReadOnlyList<TicketViewer> Viewers(int ticketId) =>
        byTicket.TryGetValue(ticketId, out var viewers)
            ? viewers.Values.GroupBy(v => v.AgentId)
                .Select(g => new TicketViewer(g.Key, g.First().AgentName, TypingAs(g)))
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

    /// <summary>A reply wins over a note when one agent types in several tabs: the customer may see "typing", never note content.</summary>
    private MessageVisibility? TypingAs(IEnumerable<Viewer> tabs)
    {
        var typing = tabs.Where(IsTyping).Select(v => v.TypingAs).ToList();
        return typing.Contains(MessageVisibility.Public) ? MessageVisibility.Public
            : typing.Contains(MessageVisibility.Internal) ? MessageVisibility.Internal
            : null;
    }

    private void Sweep()
    {
        var cutoff = clock.GetUtcNow() - TypingTimeout;
        foreach (var (ticketId, viewers) in byTicket)
        {
            var expired = false;
            foreach (var (key, viewer) in viewers)
            {
                if (viewer.TypingAt is { } at && at <= cutoff)
                {
                    viewers[key] = viewer with { TypingAt = null, TypingAs = null };
                    expired = true;
                }
            }
            if (expired)
            {
                notifier.Publish(new TicketViewersChanged(ticketId));
            }
        }
        foreach (var (ticketId, at) in customerTyping)
        {
            if (at <= cutoff && customerTyping.TryRemove(new KeyValuePair<int, DateTimeOffset>(ticketId, at)))
            {
                notifier.Publish(new TicketViewersChanged(ticketId));
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

    private void Publish(int ticketId) => notifier.Publish(new TicketViewersChanged(ticketId));

    public void Dispose() => sweeper.Dispose();

    private sealed record Viewer(string AgentId, string AgentName, DateTimeOffset? TypingAt, MessageVisibility? TypingAs = null);

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

/// <summary>One agent on a ticket; <paramref name="TypingVisibility"/> says whether they are typing a reply, a note, or nothing.</summary>
public sealed record TicketViewer(string AgentId, string AgentName, MessageVisibility? TypingVisibility)
{
    public bool IsTyping => TypingVisibility is not null;
}
