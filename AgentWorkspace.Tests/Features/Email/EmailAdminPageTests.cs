using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>The admins' e-mail page on the real outbox (a SQLite file): what waits or failed, and sending a failed one again.</summary>
public sealed class EmailAdminPageTests : ComponentTest
{
    private readonly TempDatabase database = new();
    private readonly long failedId;

    public EmailAdminPageTests()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.Configure<EmailOptions>(_ => { });
        // One node, no Redis: the outbox sender's lease is always granted.
        Services.AddCluster(new ConfigurationBuilder().Build());
        Services.AddSingleton<CustomerMailComposer>();
        Services.AddSingleton<OutboxSender>();
        Services.AddSingleton<OutboxAdmin>();
        Services.AddSingleton<MailboxStatusBoard>();
        using var db = database.CreateContext();
        db.Database.Migrate();
        var customer = new Customer { Name = "Ola", Email = "ola@customer.example" };
        var ticket = new Ticket { Number = 4321, Subject = "Refund", Channel = TicketChannel.Email, Customer = customer };
        db.Tickets.Add(ticket);
        var failed = Row(ticket, OutboxStatus.Failed, "550 mailbox unavailable");
        db.OutboxEmails.AddRange(failed, Row(ticket, OutboxStatus.Sent, null));
        db.SaveChanges();
        failedId = failed.Id;
    }

    private static OutboxEmail Row(Ticket ticket, OutboxStatus state, string? error) => new()
    {
        Ticket = ticket,
        Kind = CustomerMailKind.Reply,
        State = state,
        Attempts = state == OutboxStatus.Failed ? 10 : 1,
        LastError = error,
        Recipient = "ola@customer.example",
        EmailMessage = new EmailMessage { InternetMessageId = Guid.NewGuid().ToString("N") + "@aw.test", Ticket = ticket },
        CreatedAt = DateTimeOffset.UtcNow,
        SentAt = state == OutboxStatus.Sent ? DateTimeOffset.UtcNow : null,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public async Task AFailedEmail_IsShownWithItsError_AndSendingItAgainQueuesIt()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<EmailAdminPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=outbox-row]").Count.ShouldBe(2));
        page.Find("[data-testid=smtp-missing]").TextContent.ShouldContain("No SMTP server is configured");
        page.Find("[data-testid=no-mailboxes]");
        var failed = page.Find("[data-testid=outbox-row][data-state=Failed]");
        failed.TextContent.ShouldContain("550 mailbox unavailable");
        failed.TextContent.ShouldContain("#4321");
        page.FindAll("[data-testid=retry]").Count.ShouldBe(1);

        page.Find("[data-testid=retry]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=outbox-row][data-state=Queued]").Count.ShouldBe(1));
        page.FindAll("[data-testid=retry]").ShouldBeEmpty();
        await using var db = database.CreateContext();
        var row = await db.OutboxEmails.SingleAsync(o => o.Id == failedId);
        row.State.ShouldBe(OutboxStatus.Queued);
        row.Attempts.ShouldBe(0);
    }

    [Fact]
    public void ThePage_SpeaksSpanish()
    {
        UseLanguage("es");
        var page = Render<EmailAdminPage>();

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Correo"));
        page.Find("[data-testid=smtp-missing]").TextContent.ShouldContain("No hay ningún servidor SMTP configurado");
        page.Find("[data-testid=retry]").TextContent.ShouldBe("Volver a enviar");
        page.Find("[data-testid=outbox-row][data-state=Failed]").TextContent.ShouldContain("Fallido");
    }
}
