using System.Net;
using System.Net.Sockets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.E2E;

/// <summary>Stops the server under an open page and starts it again: its own app hosts, so it runs apart from the shared one.</summary>
[Collection(ReconnectCollection.Name)]
public sealed class ReconnectTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
    private readonly int port = FreePort();
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    [Fact]
    public async Task ServerRestart_UnderAnOpenPage_RecoversWithoutAnUncaughtError()
    {
        var first = WorkspaceAppFactory.Create(seedDemoData: true, dataDirectory, port);
        var address = first.ServerAddress;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        var agent = new AgentPage(context, page);
        await agent.SignInAsync(DemoAgents.BenEmail);
        await Expect(page.GetByTestId("agent-name")).ToHaveTextAsync("Ben Carter");

        await first.DisposeAsync();
        // Blazor noticed the loss and shows its reconnect dialog.
        await Expect(page.Locator("#components-reconnect-modal")).ToBeAttachedAsync();
        await page.EvaluateAsync("() => delete document.documentElement.dataset.circuit");

        await using var second = WorkspaceAppFactory.Create(seedDemoData: true, dataDirectory, port);
        second.ServerAddress.Port.ShouldBe(port);

        // The old circuit is gone with the old process: the page must reload itself (or reconnect) and come back live.
        // Blazor retries at once ten times, then every 5 s, later every 30 s: allow for that while the new host starts.
        await Expect(page.Locator("html[data-circuit='up']")).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("agent-name")).ToHaveTextAsync("Ben Carter");
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        pageErrors.ShouldBeEmpty();
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ReconnectCollection
{
    public const string Name = "Reconnect";
}
