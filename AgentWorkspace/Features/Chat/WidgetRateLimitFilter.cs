using System.Threading.RateLimiting;
using AgentWorkspace.Realtime.Cluster;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// Rate limits for hub invocations, per connection and per client address (ASP.NET Core's rate limiter sees only
/// HTTP requests; a WebSocket is one request carrying any number of calls). A refused call gets a clear error and
/// stores nothing; the widget keeps the unsent text and retries later. The per-address limits hold across app nodes
/// (<see cref="SharedRateLimits"/>); a connection lives on one node, so its own limits stay in that node's memory.
/// </summary>
public sealed class WidgetRateLimitFilter : IHubFilter, IDisposable
{
    public const string TooManyCalls = "You are sending too fast. Please wait a few seconds and try again.";
    public const string TooManyStarts = "Too many new conversations from your network. Please try again in a minute.";

    private static readonly HashSet<string> Storing = [nameof(WidgetHub.Send), nameof(WidgetHub.Start), nameof(WidgetHub.LeaveMessage)];
    private static readonly HashSet<string> Starting = [nameof(WidgetHub.Start), nameof(WidgetHub.LeaveMessage)];

    private readonly PartitionedRateLimiter<string> callsPerConnection;
    private readonly PartitionedRateLimiter<string> messagesPerConnection;
    private readonly PartitionedRateLimiter<string> callsPerAddress;
    private readonly PartitionedRateLimiter<string> messagesPerAddress;
    private readonly PartitionedRateLimiter<string> startsPerAddress;

    public WidgetRateLimitFilter(IOptions<WidgetOptions> options, SharedRateLimits shared)
    {
        var limits = options.Value.RateLimits;
        callsPerConnection = Bucket(limits.CallsPerConnectionBurst, limits.CallsPerConnectionPerSecond, TimeSpan.FromSeconds(1));
        messagesPerConnection = Bucket(limits.MessagesPerConnectionBurst, limits.MessagesPerConnectionPerSecond, TimeSpan.FromSeconds(1));
        callsPerAddress = shared.TokenBuckets("widget-calls", limits.CallsPerAddressBurst, limits.CallsPerAddressPerSecond, TimeSpan.FromSeconds(1));
        messagesPerAddress = shared.TokenBuckets("widget-messages", limits.MessagesPerAddressBurst, limits.MessagesPerAddressPerSecond, TimeSpan.FromSeconds(1));
        startsPerAddress = shared.TokenBuckets("widget-starts", limits.StartsPerAddressBurst, limits.StartsPerAddressPerMinute, TimeSpan.FromMinutes(1));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = context.Context.ConnectionId;
        var address = context.Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var method = context.HubMethodName;

        using var leases = new Leases();
        if (!await leases.TakeAsync(callsPerConnection, connection) || !await leases.TakeAsync(callsPerAddress, address))
        {
            throw new HubException(TooManyCalls);
        }
        if (Storing.Contains(method) && (!await leases.TakeAsync(messagesPerConnection, connection) || !await leases.TakeAsync(messagesPerAddress, address)))
        {
            throw new HubException(TooManyCalls);
        }
        if (Starting.Contains(method) && !await leases.TakeAsync(startsPerAddress, address))
        {
            throw new HubException(TooManyStarts);
        }
        return await next(context);
    }

    private static PartitionedRateLimiter<string> Bucket(int burst, int perPeriod, TimeSpan period) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = Math.Max(1, perPeriod),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        callsPerConnection.Dispose();
        messagesPerConnection.Dispose();
        callsPerAddress.Dispose();
        messagesPerAddress.Dispose();
        startsPerAddress.Dispose();
    }

    private sealed class Leases : IDisposable
    {
        private readonly List<RateLimitLease> taken = [];

        /// <summary>Never queues (the buckets' queue limit is 0): an empty bucket answers at once.</summary>
        public async ValueTask<bool> TakeAsync(PartitionedRateLimiter<string> limiter, string key)
        {
            var lease = await limiter.AcquireAsync(key);
            taken.Add(lease);
            return lease.IsAcquired;
        }

        public void Dispose() => taken.ForEach(l => l.Dispose());
    }
}
