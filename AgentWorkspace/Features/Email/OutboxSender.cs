using System.Threading.Channels;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// Sends the outbox over SMTP. Wakes when a ticket changes (the bus publishes only after commit, so what the change
/// queued is there to read) and when a retry falls due; a failed attempt is tried again after 30 s, 1 min, 2 min...
/// (Email:Outbox), until it is sent or given up and shown to admins as failed. Every attempt sends the same Message-ID.
/// With no SMTP server configured it sends nothing and the e-mails wait, queued.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, CustomerMailComposer composer,
    IOptionsMonitor<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> log,
    IEnumerable<ICustomerTicketLinks> ticketLinks, IEnumerable<ICustomerSurveyLinks> surveyLinks, ClusterLeases leases) : BackgroundService
{
    private const int BatchSize = 20;
    private const string LeaseName = "outbox";

    /// <summary>Longer than a batch takes to send; renewed before each batch.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>Looked at again at least this often, whatever else happens (a missed wake-up costs at most this).</summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Look at the outbox now (after a change was committed, or an admin asked to retry).</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(Topic.Tickets, _ =>
        {
            Wake();
            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The outbox could not be read");
                sleep = LongestSleep;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(sleep);
            try
            {
                await wake.Reader.WaitToReadAsync(timeout.Token);
                wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>Sends what is due; returns how long until the next retry falls due.</summary>
    internal async Task<TimeSpan> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            return LongestSleep;
        }
        // Several app nodes: one sends (the outbox rows have no claim of their own), the others look again later.
        if (!await leases.HoldAsync(LeaseName, LeaseDuration))
        {
            return LeaseDuration / 2;
        }
        while (true)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.OutboxEmails.Where(o => o.State == OutboxStatus.Queued && o.NextAttemptAt <= now)
                .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id).Take(BatchSize).Select(o => o.Id).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                var next = await db.OutboxEmails.Where(o => o.State == OutboxStatus.Queued)
                    .OrderBy(o => o.NextAttemptAt).Select(o => (DateTimeOffset?)o.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
                return next is { } at ? Clamp(at - now) : LongestSleep;
            }
            if (!await leases.HoldAsync(LeaseName, LeaseDuration))
            {
                return LeaseDuration / 2;
            }
            await SendBatchAsync(due, settings, cancellationToken);
        }
    }

    private async Task SendBatchAsync(IReadOnlyList<long> ids, EmailOptions settings, CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient { Timeout = 30_000 };
        Exception? connectFailure = null;
        try
        {
            await smtp.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.User))
            {
                await smtp.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            connectFailure = e;
        }
        foreach (var id in ids)
        {
            await SendOneAsync(id, smtp, connectFailure, settings, cancellationToken);
        }
        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, cancellationToken);
        }
    }

    private async Task SendOneAsync(long id, SmtpClient smtp, Exception? connectFailure, EmailOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboxEmails.Include(o => o.EmailMessage)
            .Include(o => o.Ticket).ThenInclude(t => t.Customer)
            .Include(o => o.Message).ThenInclude(m => m!.AuthorAgent)
            .FirstAsync(o => o.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        var mail = CustomerView.Mail(row.Ticket, row.Kind, row.Message, row.Message?.AuthorAgent?.DisplayName);
        if (mail is null)
        {
            row.State = OutboxStatus.Failed;
            row.LastError = row.Ticket.Customer.Email is null ? "The customer has no e-mail address." : "Nothing in it may be sent to the customer.";
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        row.Recipient = mail.RecipientAddress;
        try
        {
            if (connectFailure is not null)
            {
                throw connectFailure;
            }
            var link = row.Kind == CustomerMailKind.Survey
                ? await SurveyLinkAsync(row.TicketId)
                : ticketLinks.Select(l => l.For(row.TicketId, row.Ticket.Number, row.Ticket.CustomerId)).FirstOrDefault(l => l is not null);
            if (row.Kind == CustomerMailKind.Survey && link is null)
            {
                // Answered in the widget or the portal meanwhile, or expired: nothing left to ask.
                row.State = OutboxStatus.Failed;
                row.LastError = "The survey was answered or expired before it was sent, or no public address is configured.";
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            var message = composer.Compose(mail, await SenderAsync(db, row, settings), settings.FromName, await ThreadAsync(db, row), link);
            row.EmailMessage.Subject = Truncate(message.Subject ?? "", Tickets.MessageLimits.MaxSubjectLength);
            row.EmailMessage.FromAddress = message.From.Mailboxes.First().Address;
            await smtp.SendAsync(message, cancellationToken);
            row.State = OutboxStatus.Sent;
            row.SentAt = now;
            row.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            row.Attempts++;
            row.LastError = Truncate(e.Message, 1000);
            var permanent = e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } || e is InvalidOperationException { Message: NoSender };
            if (permanent || row.Attempts >= settings.Outbox.MaxAttempts)
            {
                row.State = OutboxStatus.Failed;
                log.LogWarning("E-mail {OutboxId} for ticket {TicketId} failed for good after {Attempts} attempts: {Error}", row.Id, row.TicketId, row.Attempts, e.Message);
            }
            else
            {
                row.NextAttemptAt = now + Backoff(row.Attempts, settings.Outbox);
                log.LogInformation("E-mail {OutboxId} not sent (attempt {Attempts}), retrying at {Next}: {Error}", row.Id, row.Attempts, row.NextAttemptAt, e.Message);
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<Uri?> SurveyLinkAsync(int ticketId)
    {
        foreach (var links in surveyLinks)
        {
            if (await links.OpenSurveyAsync(ticketId) is { } link)
            {
                return link;
            }
        }
        return null;
    }

    private const string NoSender = "No sender address is configured (Email:FromAddress or the mailbox's Address).";

    /// <summary>The mailbox the ticket's e-mails came to answers them; otherwise Email:FromAddress.</summary>
    private static async Task<MailboxAddress> SenderAsync(AppDbContext db, OutboxEmail row, EmailOptions settings)
    {
        var mailboxName = await db.EmailMessages.Where(e => e.TicketId == row.TicketId && e.Direction == EmailDirection.Inbound && e.Mailbox != null)
            .OrderByDescending(e => e.Id).Select(e => e.Mailbox).FirstOrDefaultAsync();
        var address = settings.Mailboxes.FirstOrDefault(m => m.Name == mailboxName)?.Address
            ?? settings.FromAddress
            ?? settings.Mailboxes.Select(m => m.Address).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))
            ?? throw new InvalidOperationException(NoSender);
        return new MailboxAddress(settings.FromName, address);
    }

    /// <summary>In-Reply-To the customer's latest e-mail (else our latest); References: the ticket's thread, oldest first.</summary>
    private static async Task<MailThread> ThreadAsync(AppDbContext db, OutboxEmail row)
    {
        var thread = await db.EmailMessages.Where(e => e.TicketId == row.TicketId && e.Id != row.EmailMessageId)
            .OrderBy(e => e.Id).Select(e => new { e.InternetMessageId, e.Direction }).ToListAsync();
        var inReplyTo = thread.LastOrDefault(e => e.Direction == EmailDirection.Inbound)?.InternetMessageId ?? thread.LastOrDefault()?.InternetMessageId;
        var references = thread.Count <= 20 ? thread : thread.Take(1).Concat(thread.TakeLast(19)).ToList();
        return new MailThread(row.EmailMessage.InternetMessageId, inReplyTo, references.Select(e => e.InternetMessageId).ToList());
    }

    internal static TimeSpan Backoff(int attempts, OutboxOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(settings.FirstRetry.Ticks * factor, settings.MaxRetry.Ticks));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestSleep ? LongestSleep : wait;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
