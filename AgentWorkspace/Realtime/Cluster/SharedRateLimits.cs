using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentWorkspace.Realtime.Cluster;

/// <summary>
/// Rate limits that hold for the whole install: one node keeps them in memory (ASP.NET Core's token buckets); with
/// <c>Redis:Connection</c> set, a customer's limit is one Redis counter per key, whichever node they reach, on Redis's
/// clock. If Redis fails, the node falls back to its own in-memory buckets (each node then limits on its own) rather
/// than refusing everyone or letting everyone through.
/// </summary>
public sealed class SharedRateLimits(IOptions<ClusterOptions> options, ILogger<SharedRateLimits> logger, IConnectionMultiplexer? redis = null)
    : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PartitionedRateLimiter<string>>> named = new(StringComparer.Ordinal);

    /// <summary>
    /// The one set of buckets named <paramref name="name"/> (created on first use, disposed with this service), for
    /// ASP.NET Core's rate-limiting policies, which ask per request.
    /// </summary>
    public RateLimiter ForKey(string name, string key, int burst, int perPeriod, TimeSpan period) =>
        new KeyLimiter(named.GetOrAdd(name, _ => new(() => TokenBuckets(name, burst, perPeriod, period))).Value, key);

    public void Dispose()
    {
        foreach (var buckets in named.Values.Where(b => b.IsValueCreated))
        {
            buckets.Value.Dispose();
        }
    }

    /// <summary>Token buckets (the caller owns and disposes them) named <paramref name="name"/>: <paramref name="burst"/> at most, <paramref name="perPeriod"/> back every <paramref name="period"/>.</summary>
    public PartitionedRateLimiter<string> TokenBuckets(string name, int burst, int perPeriod, TimeSpan period)
    {
        var local = LocalBuckets(burst, perPeriod, period);
        return redis is null
            ? local
            : new RedisTokenBuckets(redis, $"{options.Value.Prefix}:rate:{name}:", Math.Max(1, burst), Math.Max(1, perPeriod), period, local, logger);
    }

    /// <summary>
    /// Sliding windows for several keys at once: true, and counted for every key, when each is under its limit within
    /// <paramref name="window"/>; false, counting nothing, when one is over. Null when there is no Redis (the caller
    /// keeps its own in-memory window) or Redis failed.
    /// </summary>
    public bool? TryAcquireWindow(TimeSpan window, IReadOnlyList<(string Key, int Limit)> keys)
    {
        if (redis is null)
        {
            return null;
        }
        try
        {
            var result = redis.GetDatabase().ScriptEvaluate(SlidingWindows,
                [.. keys.Select(k => (RedisKey)$"{options.Value.Prefix}:window:{k.Key}")],
                [(long)window.TotalMilliseconds, Guid.NewGuid().ToString("N"), .. keys.Select(k => (RedisValue)k.Limit)]);
            return (long)result == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Shared rate limits are unavailable ({Error}); this node limits on its own", ex.Message);
            return null;
        }
    }

    private static PartitionedRateLimiter<string> LocalBuckets(int burst, int perPeriod, TimeSpan period) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = Math.Max(1, perPeriod),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    // Refills whole periods since the last one, like the in-memory bucket; the key expires once it would be full anyway.
    private const string TokenBucket = """
        local now = redis.call('TIME')
        local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local capacity = tonumber(ARGV[1])
        local perPeriod = tonumber(ARGV[2])
        local period = tonumber(ARGV[3])
        local wanted = tonumber(ARGV[4])
        local state = redis.call('HMGET', KEYS[1], 't', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = capacity
          at = nowMs
        end
        local periods = math.floor((nowMs - at) / period)
        if periods > 0 then
          tokens = math.min(capacity, tokens + periods * perPeriod)
          at = at + periods * period
        end
        local granted = 0
        if tokens >= wanted then
          tokens = tokens - wanted
          granted = 1
        end
        redis.call('HSET', KEYS[1], 't', tokens, 'at', at)
        redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perPeriod + 1) * period)
        return granted
        """;

    private const string SlidingWindows = """
        local now = redis.call('TIME')
        local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local window = tonumber(ARGV[1])
        for i, key in ipairs(KEYS) do
          redis.call('ZREMRANGEBYSCORE', key, '-inf', nowMs - window)
          if redis.call('ZCARD', key) >= tonumber(ARGV[i + 2]) then
            return 0
          end
        end
        for i, key in ipairs(KEYS) do
          redis.call('ZADD', key, nowMs, ARGV[2])
          redis.call('PEXPIRE', key, window)
        end
        return 1
        """;

    private sealed class RedisTokenBuckets(
        IConnectionMultiplexer redis, string prefix, int capacity, int perPeriod, TimeSpan period, PartitionedRateLimiter<string> fallback, ILogger logger)
        : PartitionedRateLimiter<string>
    {
        public override RateLimiterStatistics? GetStatistics(string resource) => null;

        protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
        {
            if (permitCount == 0)
            {
                return Lease.Granted;
            }
            try
            {
                return Lease.Of((long)redis.GetDatabase().ScriptEvaluate(TokenBucket, [(RedisKey)(prefix + resource)], Arguments(permitCount)) == 1);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Shared rate limits are unavailable ({Error}); this node limits on its own", ex.Message);
                return fallback.AttemptAcquire(resource, permitCount);
            }
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount == 0)
            {
                return Lease.Granted;
            }
            try
            {
                var result = await redis.GetDatabase().ScriptEvaluateAsync(TokenBucket, [(RedisKey)(prefix + resource)], Arguments(permitCount));
                return Lease.Of((long)result == 1);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Shared rate limits are unavailable ({Error}); this node limits on its own", ex.Message);
                return await fallback.AcquireAsync(resource, permitCount, cancellationToken);
            }
        }

        private RedisValue[] Arguments(int permitCount) => [capacity, perPeriod, (long)period.TotalMilliseconds, permitCount];

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                fallback.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>One key of a partitioned limiter as a plain limiter; holds no state, so dropping it when idle costs nothing.</summary>
    private sealed class KeyLimiter(PartitionedRateLimiter<string> buckets, string key) : RateLimiter
    {
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => buckets.AttemptAcquire(key, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            buckets.AcquireAsync(key, permitCount, cancellationToken);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        private static readonly Lease Refused = new(false);

        public static Lease Of(bool acquired) => acquired ? Granted : Refused;

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
