using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>
/// A database too busy to take a chat start or a message in time (lock waits cut short here, on a host of its own):
/// the widget gets its clear "try again", not SignalR's bare error, and a retry stores everything once.
/// </summary>
public sealed class WidgetBusyTests : IAsyncLifetime
{
    private readonly WorkspaceAppFactory app = WorkspaceAppFactory.Create(settings: new Dictionary<string, string?>(ChatFixture.Settings)
    {
        ["Database:LockTimeoutMs"] = "300",
        ["Database:BusyTimeoutMs"] = "300",
    });

    private WidgetDriver driver = null!;

    public async Task InitializeAsync() => driver = await WidgetDriver.StartAsync(app.ServerAddress);

    // PostgreSQL only: on SQLite a write that finds the file locked is retried by Microsoft.Data.Sqlite until its command
    // timeout (30 s), whatever the busy timeout, so there the start waits rather than fails.
    [PostgresPassFact]
    public async Task AStartAndASend_ThatFindTheDatabaseBusy_GetTheClearTryAgainError_AndTheirRetriesAreStoredOnce()
    {
        await StartupWrites.DoneAsync(app.Services);
        var data = new TicketTestData(app.Services);
        var (token, number) = await WidgetHubTests.StartAsync(driver, "early", "busy-early");
        await driver.ConnectAsync("late");

        // A write that declares nothing (a report rebuild, an admin change) runs alone, longer than writers wait here.
        await using (var holder = await data.DbAsync())
        {
            await using var transaction = await holder.Database.BeginTransactionAsync();
            await holder.Tickets.Where(t => t.Number == number).ExecuteUpdateAsync(s => s.SetProperty(t => t.Category, "held"));

            (await driver.InvokeExpectingErrorAsync("late", "Start", WidgetHubTests.StartForm("busy-late"))).ShouldContain(WidgetBusyFilter.Busy);
            (await driver.InvokeExpectingErrorAsync("early", "Send", token, "busy-send", "Are you there?")).ShouldContain(WidgetBusyFilter.Busy);

            await transaction.CommitAsync();
        }

        await driver.InvokeAsync("late", "Start", WidgetHubTests.StartForm("busy-late"));
        await driver.InvokeAsync("early", "Send", token, "busy-send", "Are you there?");
        await driver.InvokeAsync("early", "Send", token, "busy-send", "Are you there?");

        await using var db = await data.DbAsync();
        (await db.Messages.CountAsync(m => m.Ticket.Number == number && m.ClientMessageId == "busy-send")).ShouldBe(1);
        (await db.Messages.CountAsync(m => m.ClientMessageId == "start-busy-late" && m.Ticket.Channel == TicketChannel.Chat)).ShouldBe(1);
    }

    public async Task DisposeAsync()
    {
        await driver.DisposeAsync();
        await app.DisposeAsync();
    }
}
