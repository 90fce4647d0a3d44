using AgentWorkspace.Data;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>Tests that start and stop their own mail server and app hosts: apart from the shared e-mail fixture.</summary>
[CollectionDefinition(Name)]
public sealed class EmailRestartCollection
{
    public const string Name = "EmailRestarts";
}

/// <summary>Nothing is lost when the mail server or the app stops: the outbox retries, the mailbox is re-read harmlessly.</summary>
[Collection(EmailRestartCollection.Name)]
public sealed class EmailRestartTests
{
    [Fact]
    public async Task WhileTheMailServerIsDown_TheOutboxRetriesWithBackoff_ThenDeliversTheReplyExactlyOnce()
    {
        var smtpPort = LoopbackPorts.Free();
        await using var mail = new MailServer(smtpPort);
        await using var app = WorkspaceAppFactory.Create(settings: new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtpPort.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:FromAddress"] = MailServer.SupportAddress,
            ["Email:Outbox:FirstRetry"] = "00:00:00.200",
            ["Email:Outbox:MaxRetry"] = "00:00:01",
            // Attempts a second apart must outlast smtp4dev's start on a busy machine (the default 10 gave up first there).
            ["Email:Outbox:MaxAttempts"] = "1000",
        });
        _ = app.ServerAddress;
        var data = new TicketTestData(app.Services);
        var address = $"olga-{Guid.NewGuid():N}@customer.example";
        int customerId;
        await using (var db = await data.DbAsync())
        {
            var customer = new Customer { Name = "Olga", Email = address, CreatedAt = DateTimeOffset.UtcNow };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            customerId = customer.Id;
        }
        var created = await data.Tickets.CreateTicketAsync(new NewTicket(customerId, "Card declined", "My card is declined.", TicketChannel.Email));
        var ticketId = created.Message!.TicketId;
        var admin = await data.ScopeAsync(DemoAgents.AdminEmail);
        (await data.Tickets.AddAgentMessageAsync(admin, ticketId, new AgentMessage("Please try again now.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();

        // Nothing listens on the SMTP port: attempts fail and are spaced out, the e-mail stays queued.
        var failing = await WaitForOutboxAsync(data, ticketId, o => o.Attempts >= 3);
        failing.State.ShouldBe(OutboxStatus.Queued);
        failing.LastError.ShouldNotBeNullOrEmpty();

        await mail.StartAsync();
        var sent = await WaitForOutboxAsync(data, ticketId, o => o.State == OutboxStatus.Sent);
        sent.Recipient.ShouldBe(address);
        var delivered = await mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address));
        delivered.Single().Message.MessageId.ShouldBe(sent.EmailMessage.InternetMessageId);
        delivered.Single().Text.ShouldContain("Please try again now.");
    }

    [SqliteOnlyFact] // holds SQLite's write lock from a second connection
    public async Task AMessageTheAppCouldNotStore_StaysUnseen_AndIsStoredOnceWhenItCan()
    {
        await using var mail = new MailServer();
        await mail.StartAsync();
        await using var app = WorkspaceAppFactory.Create(seedDemoData: false, settings: CrashMailbox(mail, read: true));
        _ = app.ServerAddress;

        // Another writer holds the database: every store fails (SQLite busy) until it lets go.
        var holder = new SqliteConnection($"Data Source={app.DatabasePath}");
        await holder.OpenAsync();
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
        }
        var message = Mail.From($"pia-{Guid.NewGuid():N}@customer.example", "Locked out", "I cannot sign in.", to: MailServer.CrashAddress);
        await mail.SendAsync(message);
        var board = app.Services.GetRequiredService<MailboxStatusBoard>();
        await WaitUntilAsync(() => board.All.Any(s => s.Name == "crash" && s.LastError is not null), "the reader to fail on the locked database");
        (await mail.ReadAsync("crash")).Single(m => m.Message.MessageId == message.MessageId).Seen.ShouldBeFalse();

        using (var command = holder.CreateCommand())
        {
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }
        await holder.DisposeAsync();
        await EmailFixture.WaitForStoredAsync(app, message.MessageId!);
        await WaitUntilAsync(async () => (await mail.ReadAsync("crash")).Single(m => m.Message.MessageId == message.MessageId).Seen, "the message to be marked seen");
        await AssertStoredOnceAsync(app, message.MessageId!);
        await WaitUntilAsync(() => board.All.Single(s => s.Name == "crash").LastError is null, "the error to clear after a clean pass");
    }

    [Fact]
    public async Task AfterACrashBetweenStoringAndMarkingSeen_ReadingTheMailboxAgainStoresNothingTwice()
    {
        await using var mail = new MailServer();
        await mail.StartAsync();
        var message = Mail.From($"quinn-{Guid.NewGuid():N}@customer.example", "Double charge", "Charged twice for one order.", to: MailServer.CrashAddress);
        await mail.SendAsync(message);

        // The first run fetched and stored the message, and stopped before it could flag it \Seen.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
        var first = WorkspaceAppFactory.Create(seedDemoData: false, dataDirectory: dataDirectory, settings: CrashMailbox(mail, read: false));
        try
        {
            _ = first.ServerAddress;
            var fetched = await FetchUnseenAsync(mail, message.MessageId!);
            var mailbox = new MailboxOptions { Name = "crash", Address = MailServer.CrashAddress };
            (await first.Services.GetRequiredService<MailIngest>().IngestAsync(fetched, mailbox)).ShouldBe(IngestOutcome.Stored);
            await first.DisposeAsync();
            (await mail.ReadAsync("crash")).Single(m => m.Message.MessageId == message.MessageId).Seen.ShouldBeFalse();

            // The next run reads the mailbox: the message is still unseen, so it is read again, recognised and flagged.
            await using var second = WorkspaceAppFactory.Create(seedDemoData: false, dataDirectory: dataDirectory, settings: CrashMailbox(mail, read: true));
            _ = second.ServerAddress;
            await WaitUntilAsync(async () => (await mail.ReadAsync("crash")).Single(m => m.Message.MessageId == message.MessageId).Seen, "the message to be marked seen");
            await AssertStoredOnceAsync(second, message.MessageId!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
        }
    }

    private static Dictionary<string, string?> CrashMailbox(MailServer mail, bool read)
    {
        var settings = EmailFixture.Settings(mail, mail.SmtpPort, mailboxUser: "crash", mailboxAddress: MailServer.CrashAddress, readMailbox: read);
        settings["Database:BusyTimeoutMs"] = "200";
        return settings;
    }

    private static async Task<MimeKit.MimeMessage> FetchUnseenAsync(MailServer mail, string messageId)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", mail.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync("crash", MailServer.Password);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        foreach (var uid in await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen))
        {
            var message = await imap.Inbox.GetMessageAsync(uid);
            if (message.MessageId == messageId)
            {
                return message;
            }
        }
        throw new InvalidOperationException($"{messageId} is not unseen in the crash mailbox");
    }

    private static async Task AssertStoredOnceAsync(WorkspaceAppFactory app, string messageId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.EmailMessages.CountAsync(e => e.InternetMessageId == messageId)).ShouldBe(1);
        var ticketId = await db.EmailMessages.Where(e => e.InternetMessageId == messageId).Select(e => e.TicketId).SingleAsync();
        (await db.Messages.CountAsync(m => m.TicketId == ticketId)).ShouldBe(1);
        (await db.Tickets.CountAsync(t => t.Channel == TicketChannel.Email)).ShouldBe(1);
    }

    private static async Task<OutboxEmail> WaitForOutboxAsync(TicketTestData data, int ticketId, Func<OutboxEmail, bool> condition)
    {
        OutboxEmail? found = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = await data.DbAsync();
            found = (await db.OutboxEmails.AsNoTracking().Include(o => o.EmailMessage).Where(o => o.TicketId == ticketId).ToListAsync()).FirstOrDefault(condition);
            return found is not null;
        }, "the outbox entry");
        return found!;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 45 s for {what}");
            }
            await Task.Delay(100);
        }
    }
}
