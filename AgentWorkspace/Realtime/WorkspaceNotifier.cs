using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using AgentWorkspace.Realtime.Cluster;

namespace AgentWorkspace.Realtime;

/// <summary>
/// The one live backbone. Services publish only after their database commit succeeded, so a subscriber never sees a
/// change that could still roll back. Subscribers follow topics (a ticket, the inbox, an agent, an article...) and
/// receive only those events. Publishing never waits for anyone: each subscriber has its own bounded queue, drained
/// by its own loop in batches (so a burst costs a busy screen one refresh, not one per event); when a queue
/// overflows, its events are dropped and the subscriber gets one <see cref="ReloadRequired"/> instead, so it reloads
/// rather than silently missing an update. A slow or failing subscriber delays nobody else.
/// With several app nodes, every event that <see cref="WorkspaceEvent.CrossesNodes"/> is also handed to the
/// <see cref="ClusterOutbox"/> (the Redis relay publishes it for the other nodes, without waiting here) and the relay
/// brings the other nodes' events in through <see cref="DeliverFromOtherNode"/>. Work an event causes (automation,
/// routing, SLA...) subscribes with <see cref="Origins.ThisNode"/>, so it is done once, by the node that committed it.
/// </summary>
public sealed class WorkspaceNotifier(ILogger<WorkspaceNotifier> logger, ClusterOutbox? cluster = null)
{
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<Topic, ImmutableArray<Subscriber>> byTopic = new();
    private readonly Lock changing = new();
    private readonly ILogger log = logger;

    public IDisposable Subscribe(Topic topic, Func<IReadOnlyList<WorkspaceEvent>, Task> handler, int capacity = DefaultCapacity, Origins origins = Origins.AnyNode) =>
        Subscribe([topic], handler, capacity, origins);

    /// <param name="pace">
    /// The shortest time from the start of one batch to the next (zero: none). The first event after a quiet spell is
    /// handed over at once; what arrives within <paramref name="pace"/> of it waits and comes as one batch. A screen
    /// passes its render pace here, so a burst of changes costs it a bounded number of renders per second.
    /// </param>
    public IDisposable Subscribe(
        IReadOnlyCollection<Topic> topics, Func<IReadOnlyList<WorkspaceEvent>, Task> handler, int capacity = DefaultCapacity,
        Origins origins = Origins.AnyNode, TimeSpan pace = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pace, TimeSpan.Zero);
        var subscriber = new Subscriber(this, topics.Distinct().ToArray(), handler, capacity, origins, pace);
        lock (changing)
        {
            foreach (var topic in subscriber.Topics)
            {
                byTopic[topic] = byTopic.TryGetValue(topic, out var list) ? list.Add(subscriber) : [subscriber];
            }
        }
        subscriber.Start();
        return subscriber;
    }

    /// <summary>Queues the event for every subscriber of its topics (on every node) and returns at once.</summary>
    public void Publish(WorkspaceEvent workspaceEvent)
    {
        Deliver(workspaceEvent, fromOtherNode: false);
        if (cluster is not null && workspaceEvent.CrossesNodes)
        {
            cluster.Send(workspaceEvent);
        }
    }

    /// <summary>An event another node committed and published: delivered here to everyone but <see cref="Origins.ThisNode"/> subscribers.</summary>
    public void DeliverFromOtherNode(WorkspaceEvent workspaceEvent) => Deliver(workspaceEvent, fromOtherNode: true);

    /// <summary>
    /// Other nodes' events may have been lost (Redis was unreachable, or a node's outbox overflowed): every subscriber
    /// that follows other nodes gets one <see cref="ReloadRequired"/>, as after an overflow of its own queue.
    /// </summary>
    public void ReloadFollowersOfOtherNodes()
    {
        foreach (var list in byTopic.Values)
        {
            foreach (var subscriber in list)
            {
                if (subscriber.Origins == Origins.AnyNode)
                {
                    subscriber.Overflow();
                }
            }
        }
    }

    private void Deliver(WorkspaceEvent workspaceEvent, bool fromOtherNode)
    {
        var topics = workspaceEvent.Topics;
        if (topics.Count == 1)
        {
            if (byTopic.TryGetValue(topics[0], out var only))
            {
                foreach (var subscriber in only)
                {
                    if (!fromOtherNode || subscriber.Origins == Origins.AnyNode)
                    {
                        subscriber.Post(workspaceEvent);
                    }
                }
            }
            return;
        }
        HashSet<Subscriber>? reached = null;
        foreach (var topic in topics)
        {
            if (!byTopic.TryGetValue(topic, out var list))
            {
                continue;
            }
            foreach (var subscriber in list)
            {
                // A subscriber of two of the event's topics receives it once.
                if ((!fromOtherNode || subscriber.Origins == Origins.AnyNode) && (reached ??= []).Add(subscriber))
                {
                    subscriber.Post(workspaceEvent);
                }
            }
        }
    }

    /// <summary>How many subscriptions follow a topic (for tests and diagnostics).</summary>
    public int SubscriberCount(Topic topic) => byTopic.TryGetValue(topic, out var list) ? list.Length : 0;

    private void Remove(Subscriber subscriber)
    {
        lock (changing)
        {
            foreach (var topic in subscriber.Topics)
            {
                if (byTopic.TryGetValue(topic, out var list))
                {
                    list = list.Remove(subscriber);
                    if (list.IsEmpty)
                        byTopic.TryRemove(topic, out _);
                    else
                        byTopic[topic] = list;
                }
            }
        }
    }

    private sealed class Subscriber(
        WorkspaceNotifier owner, Topic[] topics, Func<IReadOnlyList<WorkspaceEvent>, Task> handler, int capacity, Origins origins, TimeSpan pace)
        : IDisposable
    {
        private readonly Channel<WorkspaceEvent> queue = Channel.CreateBounded<WorkspaceEvent>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        private int overflowed;
        private int disposed;

        public Topic[] Topics => topics;

        public Origins Origins => origins;

        public void Start() => _ = Task.Run(PumpAsync);

        public void Post(WorkspaceEvent workspaceEvent)
        {
            if (!queue.Writer.TryWrite(workspaceEvent) && Volatile.Read(ref disposed) == 0)
            {
                Interlocked.Exchange(ref overflowed, 1);
            }
        }

        /// <summary>Makes the next batch one <see cref="ReloadRequired"/>; the write wakes the loop (a full queue is awake already).</summary>
        public void Overflow()
        {
            if (Volatile.Read(ref disposed) == 0)
            {
                Interlocked.Exchange(ref overflowed, 1);
                queue.Writer.TryWrite(ReloadRequired.Instance);
            }
        }

        private async Task PumpAsync()
        {
            var reader = queue.Reader;
            while (await reader.WaitToReadAsync())
            {
                var started = pace > TimeSpan.Zero ? Stopwatch.GetTimestamp() : 0;
                List<WorkspaceEvent> batch = [];
                if (Interlocked.Exchange(ref overflowed, 0) == 1)
                {
                    // What is queued is incomplete: drop it and read afresh instead.
                    while (reader.TryRead(out _))
                    {
                    }
                    batch.Add(ReloadRequired.Instance);
                }
                else
                {
                    while (batch.Count < capacity && reader.TryRead(out var next))
                    {
                        batch.Add(next);
                    }
                }
                try
                {
                    await handler(batch);
                }
                catch (Exception ex) when (Volatile.Read(ref disposed) == 1)
                {
                    owner.log.LogDebug(ex, "A subscriber failed while it was being disposed");
                }
                catch (Exception ex)
                {
                    owner.log.LogWarning(ex, "A subscriber of {Topics} failed to handle {Count} event(s)", string.Join(", ", topics), batch.Count);
                }
                if (pace > TimeSpan.Zero && Volatile.Read(ref disposed) == 0 && pace - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } rest)
                {
                    // Events that arrive meanwhile stay queued and come as the next batch (an overflow still becomes one reload).
                    await Task.Delay(rest);
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Remove(this);
                queue.Writer.TryComplete();
            }
        }
    }
}

/// <summary>Which nodes' events a subscription receives.</summary>
public enum Origins
{
    /// <summary>Every node's: what a screen or a per-node cache (the inbox rows, the suggestion index) shows.</summary>
    AnyNode,

    /// <summary>
    /// Only the events committed on this node: for work an event causes that must be done once per cluster (every
    /// event is committed on exactly one node).
    /// </summary>
    ThisNode,
}
