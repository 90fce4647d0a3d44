using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A test that stops the server under an open browser and starts it again: its own Chromium, and app hosts it starts
/// itself on one loopback port and one database folder, so a restarted host is the same address and the same data.
/// </summary>
public abstract class RestartTest : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
    private readonly int port = LoopbackPorts.Free();
    private IPlaywright playwright = null!;

    protected IBrowser Browser { get; private set; } = null!;

    /// <summary>An app host with the demo data on this test's port and database; a second one is the restart.</summary>
    protected WorkspaceAppFactory StartApp() => WorkspaceAppFactory.Create(seedDemoData: true, dataDirectory, port);

    protected int Port => port;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
    }
}
