using System.Net;
using AgentWorkspace.Features.Chat;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace AgentWorkspace.Realtime.Cluster;

public static class ClusterServiceExtensions
{
    /// <summary>
    /// Several app nodes through Redis when <c>Redis:Connection</c> is set: the notifier's events and presence (the relay),
    /// the widget hub (SignalR's Redis backplane), leases for single-runner work and shared rate-limit counters. Unset:
    /// one process, none of it is registered and Redis is never contacted.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        // Behind a proxy (nginx in deploy/), the client's address and scheme come from X-Forwarded-*: rate limits are per
        // customer, not per proxy. Only proxies on loopback (the default) or listed in ForwardedHeaders:KnownProxies count.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.Configure<ClusterOptions>(configuration.GetSection(ClusterOptions.Section));
        services.AddSingleton<ClusterNode>();
        services.AddSingleton<ClusterLeases>();
        services.AddSingleton<SharedRateLimits>();
        var settings = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(settings.Connection))
        {
            return services;
        }
        var redisOptions = ConfigurationOptions.Parse(settings.Connection);
        // Start without Redis and keep trying; a command while it is down fails at once instead of queueing (Publish
        // must never wait, and the relay tells the other nodes to reload afterwards).
        redisOptions.AbortOnConnectFail = false;
        redisOptions.BacklogPolicy = BacklogPolicy.FailFast;
        redisOptions.ClientName ??= "agentworkspace";
        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(redisOptions));
        services.AddSingleton<ClusterOutbox>();
        services.AddSingleton<RedisRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisRelay>());

        // The backplane for the widget hub only: a send to a ticket's group (a survey, from whichever node ran the job)
        // reaches widgets on every node. Blazor's circuit hub stays local: circuits are sticky (see deploy/nginx).
        services.Configure<RedisOptions>(options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal($"{settings.Prefix}:signalr");
            options.ConnectionFactory = _ => Task.FromResult(ConnectionMultiplexer.Connect(CloneFor(redisOptions)) as IConnectionMultiplexer);
        });
        services.AddSingleton<HubLifetimeManager<WidgetHub>, RedisHubLifetimeManager<WidgetHub>>();
        return services;
    }

    private static ConfigurationOptions CloneFor(ConfigurationOptions options)
    {
        var copy = options.Clone();
        copy.ClientName = options.ClientName + "-signalr";
        return copy;
    }
}
