using System.Text;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// Stores an inbound e-mail as a ticket message, through <see cref="TicketService"/> (history, search, live inboxes),
/// once: its Message-ID is recorded in the same transaction, so reading it again stores nothing.
/// Threading: a reply joins the ticket its In-Reply-To/References name; failing that, a "[#1234]" in the subject, but
/// only from that ticket's own customer's address (anyone can type a number); otherwise it opens a ticket. A message for
/// a closed ticket opens a follow-up (the ticket service's rule). Automatic mail (auto-replies, bounces, newsletters) is
/// kept but never answered; an auto-reply or bounce on a thread is a note for agents that changes nothing.
/// </summary>
public sealed class MailIngest(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, EmailOutbox outbox,
    IOptionsMonitor<EmailOptions> options, TimeProvider clock, ILogger<MailIngest> log)
{
    private const string NoText = "(no text)";

    public async Task<IngestOutcome> IngestAsync(MimeMessage message, MailboxOptions mailbox, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var mail = InboundMail.Read(message, settings.MaxAttachmentBytes);
        if (await IsStoredAsync(mail.MessageId, cancellationToken))
        {
            return IngestOutcome.AlreadyStored;
        }
        if (IsOurOwn(mail, settings))
        {
            log.LogInformation("Mailbox {Mailbox}: skipped {MessageId}, sent by this app (a loop)", mailbox.Name, mail.MessageId);
            return IngestOutcome.Skipped;
        }
        try
        {
            if (mail.Kind == MailKind.Bounce && await BouncedAsync(mail, mailbox) is { } bounced)
            {
                return bounced;
            }
            return await StoreAsync(mail, mailbox, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Read at the same time from two mailboxes (or two readers): the other one stored it.
            if (await IsStoredAsync(mail.MessageId, CancellationToken.None))
            {
                return IngestOutcome.AlreadyStored;
            }
            throw;
        }
    }

    private async Task<IngestOutcome> StoreAsync(InboundMail mail, MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        var body = Body(mail);
        var extra = body.Extra;
        var thread = await ThreadAsync(mail, cancellationToken);
        if (thread is not null && mail.Kind is MailKind.AutoReply or MailKind.Bounce)
        {
            var note = await tickets.AddSystemNoteAsync(thread.Id, $"Automatic e-mail from {mail.FromAddress ?? mail.FromName}: {mail.Subject}\n\n{body.Text}",
                mail.ClientMessageId, Store(mail, mailbox, extra));
            return note.Succeeded ? IngestOutcome.Stored : throw new InvalidOperationException(note.Error);
        }
        if (thread is not null)
        {
            var reply = await tickets.AddCustomerMessageAsync(thread.Id, thread.CustomerId, body.Text, mail.ClientMessageId, Store(mail, mailbox, extra));
            return reply.Succeeded ? IngestOutcome.Stored : throw new InvalidOperationException(reply.Error);
        }

        var language = LanguageDetector.Detect(mail.Subject + "\n" + body.Text);
        var customerId = await CustomerAsync(mail, language, cancellationToken);
        var teamId = await TeamAsync(mailbox, cancellationToken);
        var subject = TextInput.Line(mail.Subject, "The subject", int.MaxValue).Value ?? "(no subject)";
        var created = await tickets.CreateTicketAsync(
            new NewTicket(customerId, subject.Length > MessageLimits.MaxSubjectLength ? subject[..MessageLimits.MaxSubjectLength] : subject,
                body.Text, TicketChannel.Email, TeamId: teamId, Language: language, ClientMessageId: mail.ClientMessageId),
            async (db, ticket, message) =>
            {
                await Store(mail, mailbox, extra)(db, ticket, message);
                if (mail.Kind == MailKind.Personal && mail.FromAddress is not null)
                {
                    await outbox.ReceivedAsync(db, ticket);
                }
            });
        return created.Succeeded ? IngestOutcome.Stored : throw new InvalidOperationException(created.Error);
    }

    /// <summary>A bounce of one of our e-mails: the outbox entry is marked bounced and agents get a note on its ticket.</summary>
    private async Task<IngestOutcome?> BouncedAsync(InboundMail mail, MailboxOptions mailbox)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var original = await db.EmailMessages.AsNoTracking()
            .Where(e => e.Direction == EmailDirection.Outbound && mail.ReportedMessageIds.Contains(e.InternetMessageId))
            .Select(e => new { e.Id, e.TicketId }).FirstOrDefaultAsync();
        if (original is null)
        {
            return null;
        }
        var reason = mail.Text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? mail.Subject;
        var recipient = await db.OutboxEmails.Where(o => o.EmailMessageId == original.Id).Select(o => o.Recipient).FirstOrDefaultAsync();
        var note = await tickets.AddSystemNoteAsync(original.TicketId,
            $"The e-mail to {recipient ?? "the customer"} could not be delivered: {reason}", mail.ClientMessageId,
            async (context, ticket, message) =>
            {
                await Store(mail, mailbox, [])(context, ticket, message);
                await context.OutboxEmails.Where(o => o.EmailMessageId == original.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxStatus.Bounced).SetProperty(o => o.LastError, reason.Length > 1000 ? reason[..1000] : reason));
            });
        return note.Succeeded ? IngestOutcome.Stored : throw new InvalidOperationException(note.Error);
    }

    private StoreWithMessage Store(InboundMail mail, MailboxOptions mailbox, IReadOnlyList<InboundAttachment> extra) => (db, ticket, message) =>
    {
        var now = clock.GetUtcNow();
        db.EmailMessages.Add(new EmailMessage
        {
            InternetMessageId = mail.MessageId,
            Direction = EmailDirection.Inbound,
            Ticket = ticket,
            Message = message,
            FromAddress = mail.FromAddress,
            Subject = mail.Subject.Length > MessageLimits.MaxSubjectLength ? mail.Subject[..MessageLimits.MaxSubjectLength] : mail.Subject,
            Mailbox = mailbox.Name,
            Kind = mail.Kind,
            QuotedText = mail.Quoted is { Length: > EmailLimits.MaxQuotedLength } quoted ? quoted[..EmailLimits.MaxQuotedLength] : mail.Quoted,
            CreatedAt = now,
        });
        foreach (var file in mail.Attachments.Concat(extra))
        {
            db.MessageAttachments.Add(new MessageAttachment
            {
                Ticket = ticket,
                Message = message,
                FileName = file.FileName,
                ContentType = file.ContentType,
                DeclaredContentType = file.DeclaredType.Length > 200 ? file.DeclaredType[..200] : file.DeclaredType,
                Size = file.Content.LongLength,
                Content = file.Content,
                CreatedAt = now,
            });
        }
        return Task.CompletedTask;
    };

    /// <summary>The message text as stored: never empty, never over the limit (the whole text is then attached), refused files named.</summary>
    private static (string Text, IReadOnlyList<InboundAttachment> Extra) Body(InboundMail mail)
    {
        var text = new StringBuilder(mail.Text.Trim());
        if (mail.RefusedAttachments.Count > 0)
        {
            text.Append("\n\n_Attachments not stored (over the size limit): ").Append(string.Join(", ", mail.RefusedAttachments)).Append("_");
        }
        var cleaned = MessageLimits.Clean(text.ToString());
        if (cleaned.Problem == TextProblem.TooLong)
        {
            const string shortened = "\n\n… (shortened: the whole text is attached as message.txt)";
            var cut = MessageLimits.MaxBodyLength - shortened.Length - 10;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }
            var full = Encoding.UTF8.GetBytes(mail.Text);
            return (MessageLimits.Clean(text.ToString(0, cut) + shortened).Value ?? NoText, [new InboundAttachment("message.txt", "text/plain", "text/plain", full)]);
        }
        return (cleaned.IsValid ? cleaned.Value! : NoText, []);
    }

    /// <summary>The ticket this e-mail continues, if its headers or subject say so and it comes from that ticket's customer.</summary>
    private async Task<ThreadTicket?> ThreadAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        if (mail.NormalizedFrom is not { } sender)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ThreadTicket? found = null;
        if (mail.ThreadIds.Count > 0)
        {
            var known = await db.EmailMessages.AsNoTracking().Where(e => mail.ThreadIds.Contains(e.InternetMessageId))
                .Select(e => new { e.InternetMessageId, e.TicketId }).ToListAsync(cancellationToken);
            var ticketId = mail.ThreadIds.Select(id => known.FirstOrDefault(k => k.InternetMessageId == id)?.TicketId).FirstOrDefault(id => id is not null);
            if (ticketId is not null)
            {
                found = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).OfCustomerWithEmail(db, sender)
                    .Select(t => new ThreadTicket(t.Id, t.CustomerId, t.Status)).FirstOrDefaultAsync(cancellationToken);
            }
        }
        if (found is null && mail.SubjectTicketNumber is { } number)
        {
            found = await db.Tickets.AsNoTracking().Where(t => t.Number == number).OfCustomerWithEmail(db, sender)
                .Select(t => new ThreadTicket(t.Id, t.CustomerId, t.Status)).FirstOrDefaultAsync(cancellationToken);
        }
        // A closed ticket whose follow-up is already open: the conversation goes on there, not in another follow-up.
        for (var hops = 0; found is { Status: TicketStatus.Closed } && hops < 10; hops++)
        {
            var closedId = found.Id;
            var next = await db.Tickets.AsNoTracking().Where(t => t.FollowUpOfId == closedId).OrderByDescending(t => t.Id)
                .Select(t => new ThreadTicket(t.Id, t.CustomerId, t.Status)).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }
            found = next;
        }
        return found;
    }

    /// <summary>
    /// The sender as a customer: an unverified one with the same normalized address (primary or further), else a new one. Like the widget, an
    /// address alone never joins a customer a site verified (a From header proves nothing).
    /// </summary>
    private async Task<int> CustomerAsync(InboundMail mail, string language, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (mail.NormalizedFrom is { } normalized
            && await db.Customers.WithEmail(db, normalized).Where(c => !c.IsVerified && c.ExternalId == null)
                .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var name = TextInput.Line(mail.FromName, "The name", 200).Value ?? mail.FromAddress?.Split('@')[0] ?? "Unknown sender";
        var customer = new Customer { Name = name, Email = mail.FromAddress, Language = language, CreatedAt = clock.GetUtcNow() };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return customer.Id;
    }

    private async Task<int?> TeamAsync(MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(mailbox.Team))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Name == mailbox.Team).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            log.LogWarning("Mailbox {Mailbox}: there is no team named {Team}; its tickets go to the triage queue", mailbox.Name, mailbox.Team);
        }
        return team;
    }

    private async Task<bool> IsStoredAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EmailMessages.AnyAsync(e => e.InternetMessageId == messageId, cancellationToken);
    }

    /// <summary>Mail this app sent, or sent from one of its own addresses, coming back in: never a customer's.</summary>
    private static bool IsOurOwn(InboundMail mail, EmailOptions settings) =>
        mail.FromThisApp
        || mail.NormalizedFrom is { } from && settings.Mailboxes.Select(m => m.Address).Append(settings.FromAddress)
            .Any(own => CustomerEmail.Normalize(own) == from);

    private sealed record ThreadTicket(int Id, int CustomerId, TicketStatus Status);
}

public enum IngestOutcome
{
    Stored,

    /// <summary>Its Message-ID is stored already: read again after a restart, or from a second mailbox.</summary>
    AlreadyStored,

    /// <summary>Not for a ticket (our own e-mail coming back).</summary>
    Skipped,
}
