using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentWorkspace.Realtime.Cluster;

/// <summary>
/// Work that must run on one node at a time and has no database claim of its own (sending the e-mail outbox, reading a
/// mailbox) asks for a lease first. One node: always granted. Several nodes: a Redis key holding the node's id with an
/// expiry, renewed by its holder on each call; when the holder dies, another node takes it after the expiry. When Redis
/// is unreachable nobody is granted it: the work waits rather than runs twice.
/// </summary>
public sealed class ClusterLeases(ClusterNode node, IOptions<ClusterOptions> options, ILogger<ClusterLeases> logger, IConnectionMultiplexer? redis = null)
{
    private const string TakeOrRenew = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          redis.call('pexpire', KEYS[1], ARGV[2])
          return 1
        end
        if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return 1
        end
        return 0
        """;

    /// <summary>Whether this node holds (or now took) the lease <paramref name="name"/> for the next <paramref name="duration"/>.</summary>
    public async Task<bool> HoldAsync(string name, TimeSpan duration)
    {
        if (redis is null)
        {
            return true;
        }
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(
                TakeOrRenew, [(RedisKey)$"{options.Value.Prefix}:lease:{name}"], [node.Id, (long)duration.TotalMilliseconds]);
            return (long)result == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not take the lease {Lease} ({Error}); the work waits for Redis", name, ex.Message);
            return false;
        }
    }
}
