using System.Collections.Concurrent;
using System.Diagnostics;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Realtime;

/// <summary>Redis goes away under two nodes and comes back: each node goes on alone, then both reload what they missed.</summary>
[Collection(TwoNodeCollection.Name)]
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
    private RedisServer redis = null!;
    private WorkspaceAppFactory nodeA = null!;
    private WorkspaceAppFactory nodeB = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        nodeA = await StartNodeAsync(seedDemoData: true);
        nodeB = await StartNodeAsync(seedDemoData: false);
    }

    private async Task<WorkspaceAppFactory> StartNodeAsync(bool seedDemoData)
    {
        var node = WorkspaceAppFactory.Create(seedDemoData, dataDirectory, settings: new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection });
        _ = node.ServerAddress;
        await node.Services.GetRequiredService<RedisRelay>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return node;
    }

    [Fact]
    public async Task WhileRedisIsDown_PublishingStaysLocalAndImmediate_AndWhenItIsBack_TheOtherNodeReloads_ThenHearsEventsAgain()
    {
        var agent = "outage-" + Guid.NewGuid().ToString("N");
        var onA = new ConcurrentQueue<WorkspaceEvent>();
        var onB = new ConcurrentQueue<WorkspaceEvent>();
        using var screenA = nodeA.Services.GetRequiredService<WorkspaceNotifier>().Subscribe(Topic.Agent(agent), Collect(onA));
        using var screenB = nodeB.Services.GetRequiredService<WorkspaceNotifier>().Subscribe(Topic.Agent(agent), Collect(onB));
        var port = redis.Port;
        await redis.DisposeAsync();

        var publishing = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            nodeA.Services.GetRequiredService<WorkspaceNotifier>().Publish(new TicketSeen(agent, i));
        }
        publishing.Stop();

        await WaitUntilAsync(() => onA.Count == 100, TimeSpan.FromSeconds(10));
        publishing.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "publishing never waits for Redis");
        onB.ShouldBeEmpty();

        redis = await RedisServer.StartAsync(port);
        await WaitUntilAsync(() => onB.Any(e => e is ReloadRequired), TimeSpan.FromSeconds(60));
        onB.Where(e => e is not ReloadRequired).ShouldBeEmpty("the events sent while Redis was down are lost; the reload replaces them");

        // Both nodes are back on the channel: a new event crosses again (retried: the first may go out before B resubscribed).
        await WaitUntilAsync(() =>
        {
            nodeA.Services.GetRequiredService<WorkspaceNotifier>().Publish(new AgentChanged(agent));
            return onB.Any(e => e is AgentChanged);
        }, TimeSpan.FromSeconds(30), pause: TimeSpan.FromMilliseconds(200));
    }

    private static Func<IReadOnlyList<WorkspaceEvent>, Task> Collect(ConcurrentQueue<WorkspaceEvent> into) => batch =>
    {
        foreach (var e in batch)
        {
            into.Enqueue(e);
        }
        return Task.CompletedTask;
    };

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience, TimeSpan? pause = null)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {patience.TotalSeconds} s");
            }
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(20));
        }
    }

    public async Task DisposeAsync()
    {
        await nodeB.DisposeAsync();
        await nodeA.DisposeAsync();
        await redis.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
    }
}
