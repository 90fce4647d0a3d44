using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Email;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Features.WebForm;

[CollectionDefinition(Name)]
public sealed class WebFormCollection : ICollectionFixture<WebFormFixture>
{
    public const string Name = "WebForm";
}

/// <summary>
/// The demo app sending its e-mail to a real smtp4dev, and Chromium. The spam brakes are wide open here (every test
/// posts from 127.0.0.1, at test speed): <see cref="WebFormSpamTests"/> closes them in apps of its own.
/// </summary>
public sealed class WebFormFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public MailServer Mail { get; } = new();
    public WorkspaceAppFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public TicketTestData Tickets => new(App.Services);
    public KbTestData Kb => new(App.Services);

    /// <summary>What Email:MaxAttachmentBytes is in this app (EmailFixture's settings).</summary>
    public const int MaxFileBytes = 200_000;

    public async Task InitializeAsync()
    {
        await Mail.StartAsync();
        var settings = EmailFixture.Settings(Mail, Mail.SmtpPort, readMailbox: false);
        settings["WebForm:MinimumFillTime"] = "00:00:00";
        settings["WebForm:RateLimits:PerAddressBurst"] = "10000";
        settings["WebForm:RateLimits:PerEmailBurst"] = "10000";
        settings["WebForm:RateLimits:SuggestionsBurst"] = "10000";
        App = WorkspaceAppFactory.Create(settings: settings);
        _ = App.ServerAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public WebFormClient NewClient() => new(App.ServerAddress);

    public async Task<AgentPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return new AgentPage(context, await context.NewPageAsync());
    }

    /// <summary>The web-form tickets of the customers with this address (all of them: a test's address is its own).</summary>
    public async Task<List<Ticket>> TicketsOfAsync(string email)
    {
        var normalized = AgentWorkspace.Features.Customers.CustomerEmail.Normalize(email);
        await using var db = await Tickets.DbAsync();
        return await db.Tickets.AsNoTracking().Include(t => t.Customer).Include(t => t.Team)
            .Where(t => t.Customer.NormalizedEmail == normalized).OrderBy(t => t.Id).ToListAsync();
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
