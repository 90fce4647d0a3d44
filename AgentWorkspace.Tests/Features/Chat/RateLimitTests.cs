using AgentWorkspace.Features.Chat;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>Hub invocation limits with the shipped defaults, on a host of their own (the shared one lifts them).</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly WorkspaceAppFactory app = WorkspaceAppFactory.Create();
    private WidgetDriver driver = null!;

    public async Task InitializeAsync() => driver = await WidgetDriver.StartAsync(app.ServerAddress);

    [Fact]
    public async Task AFloodFromOneConnection_IsRefusedWithAClearError_AndOnlyTheAcceptedMessagesAreStored()
    {
        var (token, number) = await WidgetHubTests.StartAsync(driver, "flood", "flood");
        var defaults = new WidgetRateLimits();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 25).Select(async i =>
        {
            try
            {
                await driver.InvokeAsync("flood", "Send", token, $"flood-{i}", $"flood {i}");
                return null;
            }
            catch (WidgetDriverException e)
            {
                return e.Message;
            }
        }));

        var refused = outcomes.Where(o => o is not null).ToList();
        refused.ShouldNotBeEmpty();
        refused.ShouldAllBe(message => message!.Contains(WidgetRateLimitFilter.TooManyCalls));
        var accepted = outcomes.Count(o => o is null);
        accepted.ShouldBeLessThanOrEqualTo(defaults.MessagesPerConnectionBurst + 2); // the bucket refills one a second
        await using var db = await new TicketTestData(app.Services).DbAsync();
        (await db.Messages.CountAsync(m => m.Ticket.Number == number && m.Body.StartsWith("flood "))).ShouldBe(accepted);
    }

    [Fact]
    public async Task ManyNewConversationsFromOneAddress_AreRefusedPastTheBurst()
    {
        var defaults = new WidgetRateLimits();
        var errors = new List<string>();
        for (var i = 0; i < defaults.StartsPerAddressBurst + 3; i++)
        {
            var connection = $"start-{i}";
            await driver.ConnectAsync(connection);
            try
            {
                await driver.InvokeAsync(connection, "Start", WidgetHubTests.StartForm($"burst-{i}"));
            }
            catch (WidgetDriverException e)
            {
                errors.Add(e.Message);
            }
        }

        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.Contains(WidgetRateLimitFilter.TooManyStarts));
        errors.Count.ShouldBeLessThanOrEqualTo(3);
    }

    public async Task DisposeAsync()
    {
        await driver.DisposeAsync();
        await app.DisposeAsync();
    }
}
