using AgentWorkspace.Data;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Email;

[CollectionDefinition(Name)]
public sealed class EmailCollection : ICollectionFixture<EmailFixture>
{
    public const string Name = "Email";
}

/// <summary>
/// A real mail server (smtp4dev) and the app reading its support mailbox over IMAP and sending over its SMTP, with the
/// demo data; Chromium for what agents see. One of each for the collection.
/// </summary>
public sealed class EmailFixture : MailAppFixture
{
    public const string Team = "Billing & Accounts";

    public TicketTestData Data => new(App.Services);

    protected override WorkspaceAppFactory CreateApp() => WorkspaceAppFactory.Create(settings: Settings(Mail, smtpPort: Mail.SmtpPort));

    /// <summary>The app's e-mail settings for a mail server: the support mailbox read over IMAP, sending over SMTP.</summary>
    public static Dictionary<string, string?> Settings(MailServer mail, int smtpPort, string mailboxUser = "support", string mailboxAddress = MailServer.SupportAddress, bool readMailbox = true) => new()
    {
        ["Email:Mailboxes:0:Name"] = mailboxUser,
        ["Email:Mailboxes:0:Enabled"] = readMailbox ? "true" : "false",
        ["Email:Mailboxes:0:Host"] = "127.0.0.1",
        ["Email:Mailboxes:0:Port"] = mail.ImapPort.ToString(),
        ["Email:Mailboxes:0:Security"] = "None",
        ["Email:Mailboxes:0:User"] = mailboxUser,
        ["Email:Mailboxes:0:Password"] = MailServer.Password,
        ["Email:Mailboxes:0:Team"] = Team,
        ["Email:Mailboxes:0:Address"] = mailboxAddress,
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtpPort.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:FromName"] = "Nimbus Support",
        ["Email:MaxAttachmentBytes"] = "200000",
        ["Email:PollInterval"] = "00:00:01",
        // smtp4dev offers IDLE but only tells of new mail on the next command, not during IDLE (real servers push it):
        // renewing IDLE every second still exercises the IDLE path and sees new mail within a second.
        ["Email:IdleRefresh"] = "00:00:01",
        ["Email:Outbox:FirstRetry"] = "00:00:00.300",
        ["Email:Outbox:MaxRetry"] = "00:00:01",
    };

    /// <summary>Waits until the app stored the e-mail with this Message-ID; returns its ticket's number.</summary>
    public Task<StoredMail> WaitForStoredAsync(string? messageId, int seconds = 30) => WaitForStoredAsync(App, messageId ?? throw new ArgumentNullException(nameof(messageId)), seconds);

    public static async Task<StoredMail> WaitForStoredAsync(WorkspaceAppFactory app, string messageId, int seconds = 30)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var stored = await db.EmailMessages.AsNoTracking().Where(e => e.InternetMessageId == messageId)
                    .Select(e => new StoredMail(e.TicketId, e.Ticket.Number, e.MessageId, e.Kind, e.Message == null ? null : e.Message.Body,
                        e.Message == null ? null : e.Message.Visibility, e.QuotedText))
                    .FirstOrDefaultAsync();
                if (stored is not null)
                {
                    return stored;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                var board = app.Services.GetRequiredService<MailboxStatusBoard>().All;
                throw new TimeoutException($"The app did not store {messageId} within {seconds} s; mailboxes: " + string.Join("; ", board));
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The outbox entries of a ticket, oldest first.</summary>
    public async Task<List<OutboxEmail>> OutboxAsync(int ticketId)
    {
        await using var db = await Data.DbAsync();
        return await db.OutboxEmails.AsNoTracking().Include(o => o.EmailMessage).Where(o => o.TicketId == ticketId).OrderBy(o => o.Id).ToListAsync();
    }

}

public sealed record StoredMail(int TicketId, int Number, long? MessageId, MailKind Kind, string? Body, AgentWorkspace.Features.Tickets.MessageVisibility? Visibility, string? Quoted);
