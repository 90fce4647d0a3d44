using System.Collections.Concurrent;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;

namespace AgentWorkspace.Features.Presence;

/// <summary>What an agent is doing where they are; when one agent is there in several tabs, the highest value wins.</summary>
public enum PresenceActivity
{
    Present,
    Editing,
    TypingNote,
    TypingReply,
}

/// <summary>One agent somewhere (the workspace, a ticket, an article): several tabs count once.</summary>
public sealed record PresenceEntry(string AgentId, string AgentName, PresenceActivity Activity);

/// <summary>Who is where changed: the workspace (<see cref="Topic.Team"/>), a ticket or an article.</summary>
public sealed record PresenceMoved(Topic Subject) : WorkspaceEvent
{
    /// <summary>
    /// The place itself; for articles also the KB list, which marks who is editing. (Inbox screens follow the tickets of
    /// their rows instead, so a keystroke on one ticket wakes only the screens that show it.)
    /// </summary>
    public override IReadOnlyList<Topic> Topics => Subject.Kind == TopicKind.Article ? [Subject, Topic.Kb] : [Subject];

    /// <summary>Each node publishes it locally when its view of the place changed, its own tabs' or another node's.</summary>
    public override bool CrossesNodes => false;
}

/// <summary>
/// The one presence mechanism: who is in the workspace, who has a ticket or an article open, and who is typing or
/// editing there. In memory (momentary state, gone with the server); each open page or circuit holds a registration
/// and disposes it when it closes. Momentary activities (typing) expire on their own a few seconds after the last
/// keystroke, so a closed laptop never leaves a ghost typist. Every change is published as <see cref="PresenceMoved"/>.
/// With several app nodes, the board holds this node's tabs and a copy of every other node's places (kept by the Redis
/// relay: each node sends its own places when they change and a heartbeat; a node not heard from for
/// <see cref="NodeTimeout"/> is dropped with its agents), so everyone sees the same people everywhere.
/// </summary>
public sealed class PresenceBoard : IDisposable
{
    public static readonly TimeSpan TypingTimeout = TimeSpan.FromSeconds(6);

    /// <summary>How long another node's places count without a heartbeat from it (also its Redis key's lifetime).</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Topic, ConcurrentDictionary<Guid, Tab>> bySubject = new();
    private readonly ConcurrentDictionary<string, OtherNode> otherNodes = new(StringComparer.Ordinal);
    private readonly WorkspaceNotifier notifier;
    private readonly TimeProvider clock;
    private readonly ClusterOutbox? cluster;
    private readonly ITimer sweeper;

    public PresenceBoard(WorkspaceNotifier notifier, TimeProvider clock, ClusterOutbox? cluster = null)
    {
        this.notifier = notifier;
        this.clock = clock;
        this.cluster = cluster;
        sweeper = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    /// <summary>Registers one tab (or circuit) at <paramref name="subject"/>; dispose it when it leaves.</summary>
    public IDisposable Join(Topic subject, string agentId, string agentName, PresenceActivity activity = PresenceActivity.Present)
    {
        var key = Guid.NewGuid();
        bySubject.GetOrAdd(subject, _ => new())[key] = new Tab(agentId, agentName, activity, Lasting: activity, Until: null);
        Publish(subject);
        return new Registration(this, subject, key);
    }

    /// <summary>
    /// A momentary activity (typing) on top of the tab's lasting one; null ends it. It expires after
    /// <see cref="TypingTimeout"/> unless set again.
    /// </summary>
    public void SetMomentary(IDisposable registration, PresenceActivity? activity)
    {
        if (registration is not Registration r || !bySubject.TryGetValue(r.Subject, out var tabs) || !tabs.TryGetValue(r.Key, out var tab))
        {
            return;
        }
        var before = Current(tab);
        var updated = activity is { } now
            ? tab with { Activity = now, Until = clock.GetUtcNow() + TypingTimeout }
            : tab with { Activity = tab.Lasting, Until = null };
        tabs[r.Key] = updated;
        if (Current(updated) != before)
        {
            Publish(r.Subject);
        }
    }

    /// <summary>Everyone at <paramref name="subject"/> (on every node), one entry per agent with their highest activity, by name.</summary>
    public IReadOnlyList<PresenceEntry> Here(Topic subject)
    {
        var local = LocalEntries(subject);
        if (otherNodes.IsEmpty)
        {
            return local;
        }
        var all = local.Concat(otherNodes.Values.SelectMany(n => n.Places.TryGetValue(subject, out var entries) ? entries : []));
        return all.GroupBy(e => e.AgentId, StringComparer.Ordinal)
            .Select(g => new PresenceEntry(g.Key, g.First().AgentName, g.Max(e => e.Activity)))
            .OrderBy(e => e.AgentName, StringComparer.CurrentCulture).ToList();
    }

    public bool IsHere(Topic subject, string agentId) =>
        (bySubject.TryGetValue(subject, out var tabs) && tabs.Values.Any(t => t.AgentId == agentId))
        || otherNodes.Values.Any(n => n.Places.TryGetValue(subject, out var entries) && entries.Any(e => e.AgentId == agentId));

    /// <summary>This node's own tabs at <paramref name="subject"/>, one entry per agent (what it tells the other nodes).</summary>
    public IReadOnlyList<PresenceEntry> LocalEntries(Topic subject) =>
        bySubject.TryGetValue(subject, out var tabs)
            ? tabs.Values.GroupBy(t => t.AgentId)
                .Select(g => new PresenceEntry(g.Key, g.First().AgentName, g.Max(Current)))
                .OrderBy(e => e.AgentName, StringComparer.CurrentCulture).ToList()
            : [];

    /// <summary>The places this node has tabs at (sent whole to the other nodes after Redis was unreachable).</summary>
    public IReadOnlyList<Topic> LocalSubjects() => [.. bySubject.Keys];

    /// <summary>Another node's agents at one place (none: it left).</summary>
    public void ApplyFromOtherNode(string node, Topic subject, IReadOnlyList<PresenceEntry> entries)
    {
        var other = otherNodes.GetOrAdd(node, _ => new OtherNode());
        other.LastSeen = clock.GetUtcNow();
        if (entries.Count == 0)
        {
            other.Places.TryRemove(subject, out _);
        }
        else
        {
            other.Places[subject] = entries;
        }
        notifier.Publish(new PresenceMoved(subject));
    }

    /// <summary>Another node is alive (its heartbeat).</summary>
    public void SeenOtherNode(string node) => otherNodes.GetOrAdd(node, _ => new OtherNode()).LastSeen = clock.GetUtcNow();

    /// <summary>Another node stopped (or was not heard from in time): its agents are nowhere any more.</summary>
    public void DropOtherNode(string node)
    {
        if (otherNodes.TryRemove(node, out var other))
        {
            foreach (var subject in other.Places.Keys)
            {
                notifier.Publish(new PresenceMoved(subject));
            }
        }
    }

    private PresenceActivity Current(Tab tab) => tab.Until is { } until && until <= clock.GetUtcNow() ? tab.Lasting : tab.Activity;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (node, other) in otherNodes)
        {
            if (other.LastSeen + NodeTimeout <= now)
            {
                DropOtherNode(node);
            }
        }
        foreach (var (subject, tabs) in bySubject)
        {
            var expired = false;
            foreach (var (key, tab) in tabs)
            {
                if (tab.Until is { } until && until <= now)
                {
                    tabs[key] = tab with { Activity = tab.Lasting, Until = null };
                    expired |= tab.Activity != tab.Lasting;
                }
            }
            if (expired)
            {
                Publish(subject);
            }
        }
    }

    private void Leave(Topic subject, Guid key)
    {
        if (bySubject.TryGetValue(subject, out var tabs) && tabs.TryRemove(key, out _))
        {
            if (tabs.IsEmpty)
            {
                bySubject.TryRemove(new KeyValuePair<Topic, ConcurrentDictionary<Guid, Tab>>(subject, tabs));
            }
            Publish(subject);
        }
    }

    private void Publish(Topic subject)
    {
        notifier.Publish(new PresenceMoved(subject));
        cluster?.SendPresence(subject);
    }

    public void Dispose() => sweeper.Dispose();

    private sealed class OtherNode
    {
        public DateTimeOffset LastSeen { get; set; }
        public ConcurrentDictionary<Topic, IReadOnlyList<PresenceEntry>> Places { get; } = new();
    }

    private sealed record Tab(string AgentId, string AgentName, PresenceActivity Activity, PresenceActivity Lasting, DateTimeOffset? Until);

    private sealed class Registration(PresenceBoard owner, Topic subject, Guid key) : IDisposable
    {
        private int disposed;
        public Topic Subject => subject;
        public Guid Key => key;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(subject, key);
            }
        }
    }
}
