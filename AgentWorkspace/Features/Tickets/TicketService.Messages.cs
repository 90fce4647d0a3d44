using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketService
{
    /// <summary>A reply or an internal note from the composer (or the API).</summary>
    public Task<MessageResult> AddAgentMessageAsync(AgentScope scope, int ticketId, AgentMessage input) =>
        DatabaseErrors.RetryAsync(() => AddAgentMessageOnceAsync(scope, ticketId, input));

    private async Task<MessageResult> AddAgentMessageOnceAsync(AgentScope scope, int ticketId, AgentMessage input)
    {
        var cleaned = MessageLimits.Clean(input.Body);
        if (!cleaned.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, cleaned.Error, null, null);
        }
        var body = cleaned.Value!;
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.BeginWriteAsync(WriteScope.Ticket(ticketId));
        var ticket = await db.Tickets.VisibleTo(scope).FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null)
        {
            return new MessageResult(CommandOutcome.NotFound, CommandResult.NotFound.Error, null, null);
        }
        if (await FindRetryAsync(db, ticketId, input.ClientMessageId) is { } earlier)
        {
            return new MessageResult(CommandOutcome.Ok, null, earlier, ticket.Number);
        }
        if (ticket.Status == TicketStatus.Closed && input.Visibility == MessageVisibility.Public)
        {
            return new MessageResult(CommandOutcome.Invalid, "This ticket is closed: replies can't be sent on it. Internal notes are still possible.", null, ticket.Number);
        }

        var now = clock.GetUtcNow();
        var statusBefore = ticket.Status;
        TicketStatus? chosenStatus = null;
        var message = Append(db, ticket, now, body, input.Visibility, input.ClientMessageId);
        message.AuthorKind = AuthorKind.Agent;
        message.AuthorAgentId = scope.AgentId;
        if (input.Visibility == MessageVisibility.Public)
        {
            ticket.FirstResponseAt ??= now;
            ticket.WaitingSince = null;
            await TicketOwnership.DefaultOwnerAsync(db, ticket, scope.AgentId, new TicketHistory(db, ticket, scope.AgentId, now));
            if (ticket.Status == TicketStatus.Open)
            {
                // Someone is working on it now.
                var history = new TicketHistory(db, ticket, scope.AgentId, now);
                history.Record("Status", ticket.Status.Label(), TicketStatus.InProgress.Label());
                TicketLifecycle.Apply(ticket, TicketStatus.InProgress, now);
            }
        }
        if (input.StatusAfter is { } statusAfter && statusAfter != ticket.Status)
        {
            var history = new TicketHistory(db, ticket, scope.AgentId, now);
            if (TicketLifecycle.ChangeStatus(ticket, statusAfter, history) is { } refused)
            {
                return new MessageResult(refused.Outcome, refused.Error, null, ticket.Number);
            }
            chosenStatus = statusAfter;
        }
        if (input.Visibility == MessageVisibility.Public || ticket.Status != statusBefore)
        {
            await QueueCustomerUpdatesAsync(db, ticket, input.Visibility == MessageVisibility.Public ? message : null, statusBefore);
        }
        await db.SaveChangesAsync();
        await TicketSearchIndex.AppendMessageAsync(db, ticket.Id, message.Body);
        await transaction.CommitAsync();
        PublishMessage(ticket, message);
        if (input.Visibility == MessageVisibility.Internal)
        {
            await NotifyMentionsAsync(db, scope.AgentId, ticket, message.Body);
        }
        if (chosenStatus is { } chosen)
        {
            // The status the agent chose with the reply; the automatic "in progress" of a first reply is no news.
            await NotifyWatchersAsync(db, ticket, scope.AgentId, NotificationText.StatusChanged(ticket.Number, NotificationText.Status(chosen.ToString())), ticket.Subject);
        }
        return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
    }

    /// <summary>Teammates @mentioned in a note get a notification (live in their bell), never the author.</summary>
    private async Task NotifyMentionsAsync(AppDbContext db, string authorId, Ticket ticket, string body)
    {
        if (!body.Contains('@'))
        {
            return;
        }
        var agents = await db.Users.AsNoTracking().Where(a => a.IsActive)
            .Select(a => new { a.Id, a.DisplayName, a.Email }).ToListAsync();
        var mentioned = Mentions.Find(body, agents.Select(a => (a.Id, a.DisplayName, a.Email)));
        var author = agents.FirstOrDefault(a => a.Id == authorId)?.DisplayName ?? "A teammate";
        var excerpt = body.Length > 140 ? body[..140] + "…" : body;
        foreach (var agentId in mentioned.Where(id => id != authorId))
        {
            await notifications.NotifyAsync(agentId, NotificationText.Mentioned(author, ticket.Number), excerpt, $"/tickets/{ticket.Number}");
        }
    }

    /// <summary>
    /// An agent corrects their own reply or note. The visibility never changes (a note stays a note); the previous
    /// wording is kept in the ticket's history; widgets showing the reply get the new text.
    /// </summary>
    public Task<MessageResult> EditAgentMessageAsync(AgentScope scope, int ticketId, long messageId, string body) =>
        DatabaseErrors.RetryAsync(() => EditAgentMessageOnceAsync(scope, ticketId, messageId, body));

    private async Task<MessageResult> EditAgentMessageOnceAsync(AgentScope scope, int ticketId, long messageId, string body)
    {
        var cleaned = MessageLimits.Clean(body);
        if (!cleaned.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, cleaned.Error, null, null);
        }
        body = cleaned.Value!;
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.BeginWriteAsync(WriteScope.Ticket(ticketId));
        var ticket = await db.Tickets.VisibleTo(scope).FirstOrDefaultAsync(t => t.Id == ticketId);
        var message = ticket is null ? null : await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.TicketId == ticketId);
        if (ticket is null || message is null)
        {
            return new MessageResult(CommandOutcome.NotFound, "There is no such message, or it is not visible to you.", null, null);
        }
        if (message.AuthorKind != AuthorKind.Agent || message.AuthorAgentId != scope.AgentId)
        {
            return new MessageResult(CommandOutcome.Invalid, "Only the agent who wrote a message can edit it.", null, ticket.Number);
        }
        if (message.Body == body)
        {
            return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
        }
        var now = clock.GetUtcNow();
        var previous = message.Body.Length > 280 ? message.Body[..280] + "…" : message.Body;
        new TicketHistory(db, ticket, scope.AgentId, now).Record(message.IsInternal ? $"Note #{message.Seq}" : $"Reply #{message.Seq}", previous, "(edited)");
        message.Body = body;
        message.EditedAt = now;
        ticket.UpdatedAt = now;
        await db.SaveChangesAsync();
        await TicketSearchIndex.ReindexTicketAsync(db, ticket.Id);
        await transaction.CommitAsync();
        notifier.Publish(new MessageEdited(ticket.Id, message.Id, message.Seq, message.Visibility));
        return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
    }

    /// <summary>
    /// A customer wrote on their ticket (widget, email, API). A ticket waiting on them or resolved reopens;
    /// on a closed ticket the message opens a follow-up ticket linked to it.
    /// </summary>
    public Task<MessageResult> AddCustomerMessageAsync(int ticketId, int customerId, string body, string? clientMessageId, StoreWithMessage? storeWith = null) =>
        DatabaseErrors.RetryAsync(() => AddCustomerMessageOnceAsync(ticketId, customerId, body, clientMessageId, storeWith));

    private async Task<MessageResult> AddCustomerMessageOnceAsync(int ticketId, int customerId, string body, string? clientMessageId, StoreWithMessage? storeWith)
    {
        var cleaned = MessageLimits.Clean(body);
        if (!cleaned.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, cleaned.Error, null, null);
        }
        body = cleaned.Value!;
        await using var db = await dbFactory.CreateDbContextAsync();
        // This ticket's rows (and a follow-up only this transaction knows yet); the ticket-number counter is a locked row.
        await using var transaction = await db.BeginWriteAsync(WriteScope.Ticket(ticketId, customerId));
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.CustomerId == customerId);
        if (ticket is null)
        {
            return new MessageResult(CommandOutcome.NotFound, CommandResult.NotFound.Error, null, null);
        }
        if (await FindRetryAsync(db, ticketId, clientMessageId) is { } earlier)
        {
            return new MessageResult(CommandOutcome.Ok, null, earlier, ticket.Number);
        }
        if (ticket.Status == TicketStatus.Closed && await FindFollowUpRetryAsync(db, ticketId, clientMessageId) is { } stored)
        {
            // A retry of the message that opened a follow-up: same message, no second follow-up.
            return new MessageResult(CommandOutcome.Ok, null, stored.Message, stored.Number);
        }
        var now = clock.GetUtcNow();
        var created = false;
        if (ticket.Status == TicketStatus.Closed)
        {
            var followUp = await NewTicketAsync(db, ticket.CustomerId, $"Follow-up to #{ticket.Number}: {ticket.Subject}", ticket.Channel, now);
            followUp.FollowUpOfId = ticket.Id;
            followUp.TeamId = ticket.TeamId;
            // Whoever was responsible for the customer's matter stays so for its follow-up.
            followUp.OwnerId = ticket.OwnerId;
            followUp.Priority = ticket.Priority;
            followUp.Category = ticket.Category;
            followUp.Language = ticket.Language;
            await db.SaveChangesAsync();
            await TicketSearchIndex.AddTicketAsync(db, followUp.Id);
            new TicketHistory(db, followUp, null, now).Record("Created", null, $"Follow-up to #{ticket.Number}");
            ticket = followUp;
            created = true;
        }
        else if (TicketLifecycle.StatusAfterCustomerMessage(ticket.Status) is { } reopened)
        {
            new TicketHistory(db, ticket, null, now).Record("Status", ticket.Status.Label(), reopened.Label(), "The customer replied");
            TicketLifecycle.Apply(ticket, reopened, now);
        }
        var message = Append(db, ticket, now, body, MessageVisibility.Public, clientMessageId);
        message.AuthorKind = AuthorKind.Customer;
        message.AuthorCustomerId = customerId;
        ticket.WaitingSince ??= now;
        if (storeWith is not null)
        {
            await storeWith(db, ticket, message);
        }
        await db.SaveChangesAsync();
        await TicketSearchIndex.AppendMessageAsync(db, ticket.Id, message.Body);
        await transaction.CommitAsync();
        if (created)
        {
            notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, null, Created: true) { OwnerId = ticket.OwnerId });
        }
        PublishMessage(ticket, message);
        await NotifyWatchersAsync(db, ticket, null, NotificationText.CustomerReplied(ticket.Number), body.Length > 140 ? body[..140] + "…" : body);
        return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
    }

    /// <summary>Opens a ticket for a customer with its first message (widget, web form, API).</summary>
    public Task<MessageResult> CreateTicketAsync(NewTicket input, StoreWithMessage? storeWith = null) =>
        DatabaseErrors.RetryAsync(() => CreateTicketOnceAsync(input, storeWith));

    private async Task<MessageResult> CreateTicketOnceAsync(NewTicket input, StoreWithMessage? storeWith)
    {
        var subject = TextInput.Line(input.Subject, "The subject", MessageLimits.MaxSubjectLength);
        if (!subject.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, subject.Error, null, null);
        }
        var body = MessageLimits.Clean(input.Body);
        if (!body.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, body.Error, null, null);
        }
        var category = TextInput.Line(input.Category, "The category", MessageLimits.MaxCategoryLength, required: false);
        if (!category.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, category.Error, null, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        // The customer's key keeps per-customer checks (the hourly cap on "we received it" e-mails) one at a time.
        await using var transaction = await db.BeginWriteAsync(WriteScope.NewTicket(input.CustomerId));
        if (!await db.Customers.AnyAsync(c => c.Id == input.CustomerId))
        {
            return new MessageResult(CommandOutcome.Invalid, "Unknown customer.", null, null);
        }
        if (input.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId))
        {
            return new MessageResult(CommandOutcome.Invalid, "That team does not exist.", null, null);
        }
        var now = clock.GetUtcNow();
        var ticket = await NewTicketAsync(db, input.CustomerId, subject.Value!, input.Channel, now);
        ticket.Priority = input.Priority;
        ticket.TeamId = input.TeamId;
        ticket.Category = category.Value;
        ticket.Language = input.Language is "es" ? "es" : "en";
        await db.SaveChangesAsync();
        await TicketSearchIndex.AddTicketAsync(db, ticket.Id);
        new TicketHistory(db, ticket, null, now).Record("Created", null, ticket.Channel.Label());
        var message = Append(db, ticket, now, body.Value!, MessageVisibility.Public, input.ClientMessageId);
        message.AuthorKind = AuthorKind.Customer;
        message.AuthorCustomerId = input.CustomerId;
        ticket.WaitingSince = now;
        if (storeWith is not null)
        {
            await storeWith(db, ticket, message);
        }
        await db.SaveChangesAsync();
        await TicketSearchIndex.AppendMessageAsync(db, ticket.Id, message.Body);
        await transaction.CommitAsync();
        notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, null, Created: true));
        PublishMessage(ticket, message);
        return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
    }

    private static async Task<Ticket> NewTicketAsync(AppDbContext db, int customerId, string subject, TicketChannel channel, DateTimeOffset now)
    {
        var number = (await db.Database
            .SqlQuery<long>($"UPDATE \"Counters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {Counter.TicketNumber} RETURNING \"Value\"")
            .ToListAsync()).Single();
        var ticket = new Ticket
        {
            Number = checked((int)number),
            // A follow-up's "Follow-up to #n: " prefix can push a long subject over the limit; never cut a character in two.
            Subject = subject.Length <= MessageLimits.MaxSubjectLength ? subject
                : subject[..(char.IsHighSurrogate(subject[MessageLimits.MaxSubjectLength - 1]) ? MessageLimits.MaxSubjectLength - 1 : MessageLimits.MaxSubjectLength)],
            Channel = channel,
            CustomerId = customerId,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        };
        db.Tickets.Add(ticket);
        return ticket;
    }

    private static Message Append(AppDbContext db, Ticket ticket, DateTimeOffset now, string body, MessageVisibility visibility, string? clientMessageId)
    {
        ticket.LastMessageSeq++;
        ticket.LastActivityAt = now;
        ticket.UpdatedAt = now;
        var message = new Message
        {
            Ticket = ticket,
            Seq = ticket.LastMessageSeq,
            Body = body,
            Visibility = visibility,
            CreatedAt = now,
            ClientMessageId = string.IsNullOrWhiteSpace(clientMessageId) ? null : clientMessageId.Trim(),
        };
        db.Messages.Add(message);
        return message;
    }

    /// <summary>A retry of a message already stored (same client id on the same ticket) returns the stored one.</summary>
    private static async Task<Message?> FindRetryAsync(AppDbContext db, int ticketId, string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId))
        {
            return null;
        }
        var id = clientMessageId.Trim();
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.TicketId == ticketId && m.ClientMessageId == id);
    }

    private static async Task<(Message Message, int Number)?> FindFollowUpRetryAsync(AppDbContext db, int closedTicketId, string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId))
        {
            return null;
        }
        var id = clientMessageId.Trim();
        var found = await db.Messages.AsNoTracking()
            .Where(m => m.ClientMessageId == id && m.Ticket.FollowUpOfId == closedTicketId)
            .Select(m => new { Message = m, m.Ticket.Number })
            .FirstOrDefaultAsync();
        return found is null ? null : (found.Message, found.Number);
    }

    private void PublishMessage(Ticket ticket, Message message) =>
        notifier.Publish(new MessageAdded(ticket.Id, ticket.Number, message.Id, message.Seq, message.AuthorKind, message.Visibility, message.AuthorAgentId));
}

public sealed record NewTicket(
    int CustomerId, string Subject, string Body, TicketChannel Channel,
    TicketPriority Priority = TicketPriority.Normal, int? TeamId = null, string? Language = null, string? ClientMessageId = null,
    string? Category = null);
