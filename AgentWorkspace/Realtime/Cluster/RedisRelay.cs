using AgentWorkspace.Features.Presence;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentWorkspace.Realtime.Cluster;

/// <summary>
/// Carries the live backbone between app nodes on one Redis pub/sub channel, in the order things happened on each node:
/// this node's events (<see cref="ClusterOutbox"/>) go out as ids, other nodes' come in and are delivered to this
/// node's subscribers (never echoed back: a node skips its own messages). This node's presence places are also kept in
/// a Redis hash that expires without heartbeats, so a node that starts later reads who is where, and a dead node's
/// agents vanish after <see cref="PresenceBoard.NodeTimeout"/>.
/// When Redis is unreachable, local delivery goes on; what could not be sent is dropped, and once Redis is back every
/// node is told to reload (and reloads itself, having maybe missed the others' events).
/// </summary>
public sealed class RedisRelay(
    IConnectionMultiplexer redis, ClusterOutbox outbox, WorkspaceNotifier notifier, PresenceBoard board, ClusterNode node,
    IOptions<ClusterOptions> options, ILogger<RedisRelay> logger) : BackgroundService
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);
    private const int MaxBatch = 256;

    private readonly RedisChannel channel = RedisChannel.Literal($"{options.Value.Prefix}:live");
    private readonly string nodesKey = $"{options.Value.Prefix}:presence:nodes";
    private readonly string placesKey = $"{options.Value.Prefix}:presence:{node.Id}";
    private int resync;

    /// <summary>Subscribed and the other nodes' places read (tests wait for it).</summary>
    public Task Ready => ready.Task;

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        var incoming = await SubscribeWhenReachableAsync(subscriber, stoppingToken);
        incoming.OnMessage(message => Receive(message.Message.ToString()));
        redis.ConnectionRestored += (_, _) =>
        {
            // Other nodes' events sent meanwhile are lost here, and ours there.
            logger.LogInformation("Redis is reachable again: this node and the others reload what they show");
            notifier.ReloadFollowersOfOtherNodes();
            outbox.MarkLost();
            Interlocked.Exchange(ref resync, 1);
        };
        await ReadOtherNodesAsync();
        await TrySendAsync(subscriber, ClusterWire.Signal(node.Id, ClusterMessage.HeartbeatKind));
        ready.TrySetResult();

        using var heartbeat = new PeriodicTimer(HeartbeatEvery);
        var beating = BeatAsync(heartbeat, subscriber, stoppingToken);
        try
        {
            var reader = outbox.Reader;
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await CatchUpAsync(subscriber);
                // Everything waiting goes out pipelined on the one connection (in order), one round trip per batch, not per event.
                var sending = new List<Task>();
                while (sending.Count < MaxBatch && reader.TryRead(out var item))
                {
                    var message = item switch
                    {
                        WorkspaceEvent e => ClusterWire.Event(node.Id, e),
                        ClusterOutbox.PresenceNote note => await StorePresenceAsync(note.Subject),
                        _ => null,
                    };
                    if (message is not null)
                    {
                        sending.Add(subscriber.PublishAsync(channel, message));
                    }
                }
                try
                {
                    await Task.WhenAll(sending);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    logger.LogDebug(ex, "Could not publish to Redis");
                    outbox.MarkLost();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await beating;
        await LeaveAsync(subscriber);
    }

    private async Task<ChannelMessageQueue> SubscribeWhenReachableAsync(ISubscriber subscriber, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await subscriber.SubscribeAsync(channel);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis is unreachable ({Error}); this node serves only its own events until it is back", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>After a loss: the others reload, and get this node's places whole.</summary>
    private async Task CatchUpAsync(ISubscriber subscriber)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        if (outbox.TakeLost() && !await TrySendAsync(subscriber, ClusterWire.Signal(node.Id, ClusterMessage.ReloadKind)))
        {
            outbox.MarkLost();
            return;
        }
        if (Interlocked.Exchange(ref resync, 0) == 1)
        {
            await ReadOtherNodesAsync();
            foreach (var subject in board.LocalSubjects())
            {
                outbox.SendPresence(subject);
            }
        }
    }

    private void Receive(string json)
    {
        try
        {
            if (ClusterWire.Read(json) is not { } message || message.Node == node.Id)
            {
                return;
            }
            switch (message.Kind)
            {
                case ClusterMessage.EventKind when ClusterWire.ReadEvent(message) is { } workspaceEvent:
                    notifier.DeliverFromOtherNode(workspaceEvent);
                    break;
                case ClusterMessage.PresenceKind when message.Subject is { } subject:
                    board.ApplyFromOtherNode(message.Node, subject, message.Here ?? []);
                    break;
                case ClusterMessage.HeartbeatKind:
                    board.SeenOtherNode(message.Node);
                    break;
                case ClusterMessage.ReloadKind:
                    notifier.ReloadFollowersOfOtherNodes();
                    break;
                case ClusterMessage.LeftKind:
                    board.DropOtherNode(message.Node);
                    break;
                default:
                    logger.LogDebug("Skipped a cluster message of kind {Kind} from {Node}", message.Kind, message.Node);
                    break;
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not handle a message from another node");
        }
    }

    private async Task<string?> StorePresenceAsync(Topic subject)
    {
        var here = board.LocalEntries(subject);
        var field = ClusterWire.SubjectKey(subject);
        try
        {
            var db = redis.GetDatabase();
            if (here.Count == 0)
            {
                await db.HashDeleteAsync(placesKey, field);
            }
            else
            {
                await db.HashSetAsync(placesKey, field, ClusterWire.PresenceEntries(here));
                await db.KeyExpireAsync(placesKey, PresenceBoard.NodeTimeout);
                await db.SetAddAsync(nodesKey, node.Id);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref resync, 1);
        }
        return ClusterWire.Presence(node.Id, subject, here);
    }

    /// <summary>Who is where on the other nodes (at start and after Redis was unreachable); nodes whose places expired are forgotten.</summary>
    private async Task ReadOtherNodesAsync()
    {
        try
        {
            var db = redis.GetDatabase();
            foreach (var member in await db.SetMembersAsync(nodesKey))
            {
                var other = member.ToString();
                if (other == node.Id)
                {
                    continue;
                }
                var places = await db.HashGetAllAsync($"{options.Value.Prefix}:presence:{other}");
                if (places.Length == 0)
                {
                    await db.SetRemoveAsync(nodesKey, member);
                    continue;
                }
                foreach (var place in places)
                {
                    board.ApplyFromOtherNode(other, ClusterWire.ReadSubjectKey(place.Name.ToString()), ClusterWire.ReadPresenceEntries(place.Value.ToString()));
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not read the other nodes' presence from Redis ({Error}); it is read again when Redis is back", ex.Message);
            Interlocked.Exchange(ref resync, 1);
        }
    }

    private async Task BeatAsync(PeriodicTimer timer, ISubscriber subscriber, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (await TrySendAsync(subscriber, ClusterWire.Signal(node.Id, ClusterMessage.HeartbeatKind)))
                {
                    try
                    {
                        await redis.GetDatabase().KeyExpireAsync(placesKey, PresenceBoard.NodeTimeout);
                    }
                    catch (Exception ex) when (ex is RedisException or TimeoutException)
                    {
                        Interlocked.Exchange(ref resync, 1);
                    }
                }
                // Wakes the sender when Redis came back and nothing else happens.
                if (Volatile.Read(ref resync) == 1)
                {
                    await CatchUpAsync(subscriber);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A clean stop: the other nodes drop this node's agents at once instead of after the timeout.</summary>
    private async Task LeaveAsync(ISubscriber subscriber)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(placesKey);
            await redis.GetDatabase().SetRemoveAsync(nodesKey, node.Id);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Could not remove this node's presence from Redis; it expires");
        }
        await TrySendAsync(subscriber, ClusterWire.Signal(node.Id, ClusterMessage.LeftKind));
    }

    private async Task<bool> TrySendAsync(ISubscriber subscriber, string message)
    {
        try
        {
            await subscriber.PublishAsync(channel, message);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Could not publish to Redis");
            return false;
        }
    }
}
