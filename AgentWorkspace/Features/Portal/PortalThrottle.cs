using System.Collections.Concurrent;
using AgentWorkspace.Realtime.Cluster;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// Counts attempts per key (an e-mail address, a client address, a ticket) in a sliding window on the app's clock. A key
/// over its limit is refused without the attempt being counted again, so waiting always frees it. One node keeps them in
/// memory (a restart forgets them, which only ever lets a few more through); with Redis configured the windows are
/// Redis's, shared by every node (<see cref="SharedRateLimits"/>), and memory is the fallback when Redis fails.
/// </summary>
public sealed class PortalThrottle(TimeProvider clock, SharedRateLimits shared)
{
    private const int MaxKeys = 100_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> attempts = new(StringComparer.Ordinal);

    /// <summary>True, and counted, when every key is under its limit; false (nothing counted) when one is over.</summary>
    public bool TryAcquire(TimeSpan window, params (string Key, int Limit)[] keys)
    {
        if (shared.TryAcquireWindow(window, keys) is { } sharedAnswer)
        {
            return sharedAnswer;
        }
        var now = clock.GetUtcNow();
        if (attempts.Count > MaxKeys)
        {
            Prune(now - window);
        }
        var queues = keys.Select(k => (Queue: attempts.GetOrAdd(k.Key, _ => new Queue<DateTimeOffset>()), k.Limit)).ToList();
        // One lock order for all callers (the queues are taken in key order), so two requests can't deadlock.
        var ordered = queues.Select((q, i) => (q.Queue, q.Limit, Key: keys[i].Key)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        return Locked(ordered, 0, now, window);
    }

    private static bool Locked(List<(Queue<DateTimeOffset> Queue, int Limit, string Key)> queues, int index, DateTimeOffset now, TimeSpan window)
    {
        if (index == queues.Count)
        {
            if (queues.Any(q => Trim(q.Queue, now - window).Count >= q.Limit))
            {
                return false;
            }
            foreach (var (queue, _, _) in queues)
            {
                queue.Enqueue(now);
            }
            return true;
        }
        lock (queues[index].Queue)
        {
            return Locked(queues, index + 1, now, window);
        }
    }

    private static Queue<DateTimeOffset> Trim(Queue<DateTimeOffset> queue, DateTimeOffset since)
    {
        while (queue.TryPeek(out var oldest) && oldest <= since)
        {
            queue.Dequeue();
        }
        return queue;
    }

    private void Prune(DateTimeOffset since)
    {
        foreach (var (key, queue) in attempts)
        {
            lock (queue)
            {
                if (Trim(queue, since).Count == 0)
                {
                    attempts.TryRemove(key, out _);
                }
            }
        }
    }
}
