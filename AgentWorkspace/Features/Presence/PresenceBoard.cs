using System.Collections.Concurrent;
using AgentWorkspace.Realtime;

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
}

/// <summary>
/// The one presence mechanism: who is in the workspace, who has a ticket or an article open, and who is typing or
/// editing there. In memory (momentary state, gone with the server); each open page or circuit holds a registration
/// and disposes it when it closes. Momentary activities (typing) expire on their own a few seconds after the last
/// keystroke, so a closed laptop never leaves a ghost typist. Every change is published as <see cref="PresenceMoved"/>.
/// </summary>
public sealed class PresenceBoard : IDisposable
{
    public static readonly TimeSpan TypingTimeout = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<Topic, ConcurrentDictionary<Guid, Tab>> bySubject = new();
    private readonly WorkspaceNotifier notifier;
    private readonly TimeProvider clock;
    private readonly ITimer sweeper;

    public PresenceBoard(WorkspaceNotifier notifier, TimeProvider clock)
    {
        this.notifier = notifier;
        this.clock = clock;
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

    /// <summary>Everyone at <paramref name="subject"/>, one entry per agent with their highest activity, by name.</summary>
    public IReadOnlyList<PresenceEntry> Here(Topic subject) =>
        bySubject.TryGetValue(subject, out var tabs)
            ? tabs.Values.GroupBy(t => t.AgentId)
                .Select(g => new PresenceEntry(g.Key, g.First().AgentName, g.Max(Current)))
                .OrderBy(e => e.AgentName, StringComparer.CurrentCulture).ToList()
            : [];

    public bool IsHere(Topic subject, string agentId) =>
        bySubject.TryGetValue(subject, out var tabs) && tabs.Values.Any(t => t.AgentId == agentId);

    private PresenceActivity Current(Tab tab) => tab.Until is { } until && until <= clock.GetUtcNow() ? tab.Lasting : tab.Activity;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
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

    private void Publish(Topic subject) => notifier.Publish(new PresenceMoved(subject));

    public void Dispose() => sweeper.Dispose();

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
