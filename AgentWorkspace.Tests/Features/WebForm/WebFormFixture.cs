using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Email;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
public sealed class WebFormFixture : MailAppFixture
{
    public TicketTestData Tickets => new(App.Services);
    public KbTestData Kb => new(App.Services);

    /// <summary>What Email:MaxAttachmentBytes is in this app (EmailFixture's settings).</summary>
    public const int MaxFileBytes = 200_000;

    protected override WorkspaceAppFactory CreateApp()
    {
        var settings = EmailFixture.Settings(Mail, Mail.SmtpPort, readMailbox: false);
        settings["WebForm:MinimumFillTime"] = "00:00:00";
        settings["WebForm:RateLimits:PerAddressBurst"] = "10000";
        settings["WebForm:RateLimits:PerEmailBurst"] = "10000";
        settings["WebForm:RateLimits:SuggestionsBurst"] = "10000";
        return WorkspaceAppFactory.Create(settings: settings);
    }

    public WebFormClient NewClient() => new(App.ServerAddress);

    /// <summary>The web-form tickets of the customers with this address (all of them: a test's address is its own).</summary>
    public async Task<List<Ticket>> TicketsOfAsync(string email)
    {
        var normalized = AgentWorkspace.Features.Customers.CustomerEmail.Normalize(email);
        await using var db = await Tickets.DbAsync();
        return await db.Tickets.AsNoTracking().Include(t => t.Customer).Include(t => t.Team)
            .Where(t => t.Customer.NormalizedEmail == normalized).OrderBy(t => t.Id).ToListAsync();
    }

}
