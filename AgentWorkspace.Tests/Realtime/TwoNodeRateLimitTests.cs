using AgentWorkspace.Features.Chat;
using AgentWorkspace.Tests.Features.Chat;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Realtime;

/// <summary>A customer's limits count on every node they reach, through the proxy address they come from.</summary>
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeRateLimitTests(TwoNodeFixture nodes) : IAsyncLifetime
{
    private WidgetDriver onA = null!;
    private WidgetDriver onB = null!;

    public async Task InitializeAsync()
    {
        onA = await WidgetDriver.StartAsync(nodes.NodeA.ServerAddress);
        onB = await WidgetDriver.StartAsync(nodes.NodeB.ServerAddress);
    }

    public async Task DisposeAsync()
    {
        await onA.DisposeAsync();
        await onB.DisposeAsync();
    }

    [Fact]
    public async Task NewConversationsFromOneAddress_AreLimitedOnce_ForBothNodesTogether()
    {
        var burst = new WidgetRateLimits().StartsPerAddressBurst;
        // One customer network behind the balancer (the app trusts X-Forwarded-For from a loopback proxy); its own address,
        // so the other tests' widgets keep theirs.
        var address = new Dictionary<string, string> { ["X-Forwarded-For"] = $"203.0.113.{Random.Shared.Next(1, 255)}" };
        var run = Guid.NewGuid().ToString("N")[..6];
        var accepted = 0;
        var refused = new List<string>();
        for (var i = 0; i < burst; i++)
        {
            foreach (var (driver, node) in new[] { (onA, "a"), (onB, "b") })
            {
                var connection = $"{run}-{node}-{i}";
                await driver.ConnectAsync(connection, address);
                try
                {
                    await driver.InvokeAsync(connection, "Start", WidgetHubTests.StartForm($"{run}-{node}-{i}"));
                    accepted++;
                }
                catch (WidgetDriverException e)
                {
                    refused.Add(e.Message);
                }
                await driver.StopAsync(connection);
            }
        }

        // Alone, each node would let its own burst through (twice the limit); a refill (4 a minute) may add a few.
        accepted.ShouldBeInRange(burst, burst + new WidgetRateLimits().StartsPerAddressPerMinute);
        refused.ShouldNotBeEmpty();
        refused.ShouldAllBe(message => message.Contains(WidgetRateLimitFilter.TooManyStarts));
    }
}
