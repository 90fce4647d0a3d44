using AgentWorkspace.Realtime.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// Two app nodes as a scaled-out install runs them: two hosts on two loopback ports, one SQLite database (shared across
/// hosts like across processes on one machine: WAL, busy timeout, BEGIN IMMEDIATE), one keys folder, one Redis that
/// the fixture starts itself; and one Chromium. Node A seeds the demo data, node B starts on it.
/// </summary>
public sealed class TwoNodeFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
    private readonly string prefix = "aw-test-" + Guid.NewGuid().ToString("N")[..8];
    private IPlaywright? playwright;

    public RedisServer Redis { get; private set; } = null!;
    public WorkspaceAppFactory NodeA { get; private set; } = null!;
    public WorkspaceAppFactory NodeB { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        NodeA = await StartNodeAsync(seedDemoData: true);
        NodeB = await StartNodeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    /// <summary>One more node on the same database and Redis (the caller disposes it: that is the node dying).</summary>
    public async Task<WorkspaceAppFactory> StartNodeAsync(bool seedDemoData = false)
    {
        var node = WorkspaceAppFactory.Create(seedDemoData, dataDirectory, settings: new Dictionary<string, string?>
        {
            ["Redis:Connection"] = Redis.Connection,
            ["Redis:Prefix"] = prefix,
        });
        _ = node.ServerAddress;
        await node.Services.GetRequiredService<RedisRelay>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return node;
    }

    /// <summary>A browser context (its own cookies) on one node's address.</summary>
    public async Task<AgentPage> NewPageAsync(Uri node)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = node.ToString() });
        context.SetDefaultTimeout(15_000);
        return new AgentPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (NodeB is not null)
        {
            await NodeB.DisposeAsync();
        }
        if (NodeA is not null)
        {
            await NodeA.DisposeAsync();
        }
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
    }
}

/// <summary>The two-node tests: their own nodes, Redis and browser.</summary>
[CollectionDefinition(Name)]
public sealed class TwoNodeCollection : ICollectionFixture<TwoNodeFixture>
{
    public const string Name = "TwoNodes";
}
