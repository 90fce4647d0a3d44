using System.Threading.Channels;

namespace AgentWorkspace.Realtime.Cluster;

/// <summary>
/// What this node tells the other nodes, queued for the Redis relay: the notifier's events and presence changes, in the
/// order they happened here. Sending never waits: the queue is bounded, and when it overflows (Redis is slow or down)
/// the rest is dropped and the other nodes are told to reload once the relay catches up. Registered only when
/// <c>Redis:Connection</c> is set; without it the notifier has none and nothing leaves the process.
/// </summary>
public sealed class ClusterOutbox
{
    public const int Capacity = 10_000;

    private readonly Channel<object> queue = Channel.CreateBounded<object>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private int lost;

    public void Send(WorkspaceEvent workspaceEvent) => Post(workspaceEvent);

    /// <summary>This node's presence at one place changed (see <see cref="RedisRelay"/>).</summary>
    public void SendPresence(Topic subject) => Post(new PresenceNote(subject));

    internal ChannelReader<object> Reader => queue.Reader;

    /// <summary>Whether something was dropped since the last call (then the other nodes must reload).</summary>
    internal bool TakeLost() => Interlocked.Exchange(ref lost, 0) == 1;

    /// <summary>Drops what waits (Redis is unreachable: the other nodes reload when it is back).</summary>
    internal void MarkLost() => Interlocked.Exchange(ref lost, 1);

    private void Post(object item)
    {
        if (!queue.Writer.TryWrite(item))
        {
            MarkLost();
        }
    }

    internal sealed record PresenceNote(Topic Subject);
}
