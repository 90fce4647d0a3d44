using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace AgentWorkspace.Realtime;

/// <summary>
/// The one live backbone. Services publish only after their database commit succeeded, so a subscriber never sees a
/// change that could still roll back. Subscribers follow topics (a ticket, the inbox, an agent, an article...) and
/// receive only those events. Publishing never waits for anyone: each subscriber has its own bounded queue, drained
/// by its own loop in batches (so a burst costs a busy screen one refresh, not one per event); when a queue
/// overflows, its events are dropped and the subscriber gets one <see cref="ReloadRequired"/> instead, so it reloads
/// rather than silently missing an update. A slow or failing subscriber delays nobody else.
/// </summary>
public sealed class WorkspaceNotifier(ILogger<WorkspaceNotifier> logger)
{
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<Topic, ImmutableArray<Subscriber>> byTopic = new();
    private readonly Lock changing = new();
    private readonly ILogger log = logger;

    public IDisposable Subscribe(Topic topic, Func<IReadOnlyList<WorkspaceEvent>, Task> handler, int capacity = DefaultCapacity) =>
        Subscribe([topic], handler, capacity);

    public IDisposable Subscribe(IReadOnlyCollection<Topic> topics, Func<IReadOnlyList<WorkspaceEvent>, Task> handler, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscriber = new Subscriber(this, topics.Distinct().ToArray(), handler, capacity);
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

    /// <summary>Queues the event for every subscriber of its topics and returns at once.</summary>
    public void Publish(WorkspaceEvent workspaceEvent)
    {
        var topics = workspaceEvent.Topics;
        if (topics.Count == 1)
        {
            if (byTopic.TryGetValue(topics[0], out var only))
            {
                foreach (var subscriber in only)
                {
                    subscriber.Post(workspaceEvent);
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
                if ((reached ??= []).Add(subscriber))
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

    private sealed class Subscriber(WorkspaceNotifier owner, Topic[] topics, Func<IReadOnlyList<WorkspaceEvent>, Task> handler, int capacity)
        : IDisposable
    {
        private readonly Channel<WorkspaceEvent> queue = Channel.CreateBounded<WorkspaceEvent>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        private int overflowed;
        private int disposed;

        public Topic[] Topics => topics;

        public void Start() => _ = Task.Run(PumpAsync);

        public void Post(WorkspaceEvent workspaceEvent)
        {
            if (!queue.Writer.TryWrite(workspaceEvent) && Volatile.Read(ref disposed) == 0)
            {
                Interlocked.Exchange(ref overflowed, 1);
            }
        }

        private async Task PumpAsync()
        {
            var reader = queue.Reader;
            while (await reader.WaitToReadAsync())
            {
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
