using System.Security.Cryptography;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// Decides which changes a customer hears of by e-mail, and queues them in the change's own transaction: tickets that
/// came by e-mail or through the help centre's web form (it asks for an address and promises the answer there), and chats that started as an offline message (the widget promised an answer by e-mail). An agent's
/// public reply is one e-mail, telling the status it left the ticket in; a change to waiting-on-you or resolved without a
/// reply is a short notification. Each event can be turned off (Email:Notifications).
/// </summary>
public sealed class EmailOutbox(IOptionsMonitor<EmailOptions> options, TimeProvider clock) : ICustomerUpdates
{
    public async Task QueueAsync(AppDbContext db, Ticket ticket, Message? publicReply, TicketStatus statusBefore)
    {
        if (!await AnsweredByEmailAsync(db, ticket))
        {
            return;
        }
        var events = options.CurrentValue.Notifications;
        TicketStatus? told = ticket.Status == statusBefore ? null
            : ticket.Status == TicketStatus.WaitingOnCustomer && events.WaitingOnYou ? ticket.Status
            : ticket.Status == TicketStatus.Resolved && events.Resolved ? ticket.Status
            : null;
        if (publicReply is not null && events.AgentReplied)
        {
            Queue(db, ticket, CustomerMailKind.Reply, publicReply, told);
        }
        else if (told is { } status)
        {
            Queue(db, ticket, status == TicketStatus.Resolved ? CustomerMailKind.Resolved : CustomerMailKind.WaitingOnCustomer, null, status);
        }
    }

    /// <summary>
    /// The "we received your request" e-mail for a new ticket, unless turned off, or this customer already got the hourly
    /// most of them (the loop brake: two auto-responders without the headers that mark automatic mail stop here).
    /// </summary>
    public async Task ReceivedAsync(AppDbContext db, Ticket ticket)
    {
        var settings = options.CurrentValue;
        if (!settings.Notifications.TicketReceived)
        {
            return;
        }
        var since = clock.GetUtcNow() - TimeSpan.FromHours(1);
        var recent = await db.OutboxEmails.CountAsync(o => o.Ticket.CustomerId == ticket.CustomerId && o.Kind == CustomerMailKind.Received && o.CreatedAt > since);
        if (recent < settings.MaxAutomaticRepliesPerHour)
        {
            Queue(db, ticket, CustomerMailKind.Received, null, null);
        }
    }

    /// <summary>The satisfaction survey e-mail (the surveys feature decides when), in the caller's transaction.</summary>
    public void QueueSurvey(AppDbContext db, Ticket ticket) => Queue(db, ticket, CustomerMailKind.Survey, null, null);

    private static async Task<bool> AnsweredByEmailAsync(AppDbContext db, Ticket ticket) =>
        ticket.Channel is TicketChannel.Email or TicketChannel.WebForm
        || ticket.Channel == TicketChannel.Chat && await db.ChatConversations.AnyAsync(c => c.TicketId == ticket.Id && c.StartedOffline);

    private void Queue(AppDbContext db, Ticket ticket, CustomerMailKind kind, Message? reply, TicketStatus? status)
    {
        var now = clock.GetUtcNow();
        var email = new EmailMessage
        {
            InternetMessageId = NewMessageId(),
            Direction = EmailDirection.Outbound,
            Ticket = ticket,
            Message = reply,
            Kind = MailKind.Personal,
            CreatedAt = now,
        };
        db.EmailMessages.Add(email);
        db.OutboxEmails.Add(new OutboxEmail
        {
            Kind = kind,
            Ticket = ticket,
            Message = reply,
            Status = status,
            EmailMessage = email,
            State = OutboxStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }

    /// <summary>Unguessable (a reply's headers are proof of having received the e-mail) and unique.</summary>
    private string NewMessageId()
    {
        var current = options.CurrentValue;
        var domain = current.MessageIdDomain
            ?? current.FromAddress?.Split('@').LastOrDefault()
            ?? current.Mailboxes.Select(m => m.Address?.Split('@').LastOrDefault()).FirstOrDefault(d => d is not null)
            ?? "agentworkspace.local";
        return $"aw.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@{domain}";
    }
}
