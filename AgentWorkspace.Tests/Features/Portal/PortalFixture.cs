using System.Globalization;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Portal;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Email;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Portal;

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}

/// <summary>
/// The app with the demo data, reading and sending mail through a real smtp4dev, on a fixed loopback port that is also its
/// public address (the links in e-mails point back at it), with a clock the tests can move forward (links expiring), and
/// Chromium for the customer's journey. One of each for the collection.
/// </summary>
public sealed class PortalFixture : MailAppFixture
{
    public const string IdentitySecret = "portal-tests-identity-secret-0123456789";

    public ShiftedClock Clock { get; } = new();
    public Uri BaseAddress => App.ServerAddress;

    /// <summary>Portal:PublicBaseUrl: what links in e-mails start with.</summary>
    public string PublicBase { get; private set; } = "";
    public TicketTestData Data => new(App.Services);
    public TicketLinks Links => App.Services.GetRequiredService<TicketLinks>();

    protected override WorkspaceAppFactory CreateApp()
    {
        var port = LoopbackPorts.Free();
        var settings = EmailFixture.Settings(Mail, smtpPort: Mail.SmtpPort);
        PublicBase = $"http://127.0.0.1:{port}/";
        settings["Portal:PublicBaseUrl"] = PublicBase;
        // Many tests ask for links from 127.0.0.1; the per-client limit has its own test through the service.
        settings["Portal:RateLimits:SignInPerClient"] = "1000";
        settings["Widget:IdentitySecret"] = IdentitySecret;
        return WorkspaceAppFactory.Create(port: port, settings: settings, services: s => s.AddSingleton<TimeProvider>(Clock));
    }

    public PortalClient NewClient() => new(BaseAddress);

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@customer.example";

    /// <summary>A new customer (unverified, with this address) and a ticket of theirs opened by e-mail.</summary>
    public async Task<PortalCustomer> CustomerAsync(string who = "pat", string language = "en", string? externalId = null)
    {
        await using var db = await Data.DbAsync();
        var customer = new Customer
        {
            Name = who,
            Email = NewAddress(who),
            Language = language,
            IsVerified = externalId is not null,
            ExternalId = externalId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return new PortalCustomer(customer.Id, customer.Email!);
    }

    public async Task<PortalTicketRef> TicketAsync(PortalCustomer customer, string? subject = null, string body = "Hello, my invoice is wrong.")
    {
        subject ??= "Invoice question " + Guid.NewGuid().ToString("N")[..8];
        var result = await Data.Tickets.CreateTicketAsync(new NewTicket(customer.Id, subject, body, TicketChannel.Email));
        result.Succeeded.ShouldBeTrue(result.Error);
        return new PortalTicketRef(result.Message!.TicketId, result.TicketNumber!.Value, customer.Id, subject);
    }

    /// <summary>The link a notification e-mail carries for this ticket, as a path.</summary>
    public string LinkPath(PortalTicketRef ticket)
    {
        var link = Links.For(ticket.Id, ticket.Number, ticket.CustomerId) ?? throw new InvalidOperationException("no public address");
        return link.PathAndQuery;
    }

    public async Task<Ticket> ReadAsync(int ticketId) => await Data.ReadAsync(ticketId);

    public async Task<List<Message>> MessagesAsync(int ticketId)
    {
        await using var db = await Data.DbAsync();
        return await db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId).OrderBy(m => m.Seq).ToListAsync();
    }

    public async Task<int> SignInRequestsAsync(string address)
    {
        await using var db = await Data.DbAsync();
        var normalized = CustomerEmail.Normalize(address);
        return await db.PortalSignIns.CountAsync(s => s.NormalizedEmail == normalized);
    }

    /// <summary>The sign-in link e-mailed to this address (the newest), as a path.</summary>
    public async Task<string> SignInLinkAsync(string address, int count = 1)
    {
        var mails = await Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address) && m.Text.Contains("/help/tickets/sign-in?token=", StringComparison.Ordinal), count);
        return PathIn(mails[^1].Text, "/help/tickets/sign-in?token=");
    }

    /// <summary>The first link in a text that starts with our public address and this path.</summary>
    public string PathIn(string text, string pathStart)
    {
        var start = text.IndexOf(PublicBase + pathStart.TrimStart('/'), StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no {pathStart} link in:\n{text}");
        var end = text.IndexOfAny([' ', '\r', '\n', '"', '<'], start);
        return new Uri(text[start..(end < 0 ? text.Length : end)]).PathAndQuery;
    }


    public static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}

public sealed record PortalCustomer(int Id, string Email);

public sealed record PortalTicketRef(int Id, int Number, int CustomerId, string Subject)
{
    public string Path => $"/help/tickets/{Number}";
}

/// <summary>The real clock moved forward by <see cref="Offset"/>: timers keep running in real time, "now" is later.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock for the length of a test step; back to real time when disposed.</summary>
    public IDisposable Shift(TimeSpan by)
    {
        Offset += by;
        return new Restore(this, by);
    }

    private sealed class Restore(ShiftedClock clock, TimeSpan by) : IDisposable
    {
        public void Dispose() => clock.Offset -= by;
    }
}
