using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A collection's real mail server (smtp4dev), the app the collection configures against it, and one Chromium: started
/// once for the collection, stopped in reverse order.
/// </summary>
public abstract class MailAppFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public MailServer Mail { get; } = new();
    public WorkspaceAppFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The collection's app, configured for <see cref="Mail"/> (which is running by then).</summary>
    protected abstract WorkspaceAppFactory CreateApp();

    public async Task InitializeAsync()
    {
        await Mail.StartAsync();
        App = CreateApp();
        _ = App.ServerAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public async Task<AgentPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString() });
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
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await Mail.DisposeAsync();
    }
}
