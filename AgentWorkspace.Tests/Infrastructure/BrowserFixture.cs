using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// One app host and one Chromium per test collection. Uses the system Chromium (/usr/bin/chromium, as CI
/// installs it) when present; otherwise Playwright's own browser, installed on first use, so an ordinary
/// developer machine works too.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string SystemChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public WorkspaceAppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = App.ServerAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Headless Chromium as every browser test launches it, with the waiting budget a cold circuit needs.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        // A cold circuit on a 2-core machine (first Razor and EF use) can take several seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        var options = new BrowserTypeLaunchOptions
        {
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        };
        if (File.Exists(SystemChromium))
        {
            options.ExecutablePath = SystemChromium;
        }
        else if (Microsoft.Playwright.Program.Main(["install", "chromium"]) != 0)
        {
            throw new InvalidOperationException("No Chromium: install Debian's chromium or let Playwright download its browser.");
        }
        return await playwright.Chromium.LaunchAsync(options);
    }

    /// <summary>A fresh browser context (its own cookies), with a page that records script dialogs and console errors.</summary>
    public async Task<AgentPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new AgentPage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A page in its own context, with what it logged: any dialog (alert/confirm) and console errors.</summary>
public sealed class AgentPage : IAsyncDisposable
{
    public AgentPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];
    public List<string> Dialogs { get; } = [];

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

public static class AgentPageExtensions
{
    /// <summary>Signs in through the real form and waits until the interactive shell is up (the circuit is live).</summary>
    public static async Task SignInAsync(this AgentPage agent, string email, string password = DemoAgents.Password)
    {
        var page = agent.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitForCircuitAsync(page);
    }

    /// <summary>Loads a workspace page and waits until its circuit is live, so typing is not lost to a prerendered form.</summary>
    public static async Task OpenAsync(this AgentPage agent, string path)
    {
        await agent.Page.GotoAsync(path);
        await WaitForCircuitAsync(agent.Page);
    }

    /// <summary>The layout marks the document once its interactive circuit has rendered (see wwwroot/app.js).</summary>
    public static Task WaitForCircuitAsync(Microsoft.Playwright.IPage page) =>
        Microsoft.Playwright.Assertions.Expect(page.Locator("html[data-circuit='up']")).ToHaveCountAsync(1);
}
