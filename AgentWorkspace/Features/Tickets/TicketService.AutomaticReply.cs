using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketService
{
    /// <summary>
    /// A public reply sent by the workspace itself (an automation rule's canned reply), with no agent behind it. It is
    /// stored as an agent-kind public message without an author agent, because only agents' public messages are what
    /// <c>CustomerView</c> lets reach a customer (system lines never do): the widget and e-mail show it as "Support".
    /// It goes out like an agent's reply (live to the widget, queued for e-mail in the same transaction) but changes no
    /// status, owner or first-response time: nobody has worked on the ticket yet. A retry with the same
    /// <paramref name="clientMessageId"/> returns the first message instead of posting twice.
    /// </summary>
    public async Task<MessageResult> AddAutomaticReplyAsync(int ticketId, string body, string clientMessageId, StoreWithMessage? storeWith = null)
    {
        var cleaned = MessageLimits.Clean(body);
        if (!cleaned.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, cleaned.Error, null, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ticket = await db.Tickets.Include(t => t.Customer).FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null)
        {
            return new MessageResult(CommandOutcome.NotFound, CommandResult.NotFound.Error, null, null);
        }
        if (await FindRetryAsync(db, ticketId, clientMessageId) is { } earlier)
        {
            return new MessageResult(CommandOutcome.Ok, null, earlier, ticket.Number);
        }
        if (ticket.Status == TicketStatus.Closed)
        {
            return new MessageResult(CommandOutcome.Invalid, "This ticket is closed: replies can't be sent on it.", null, ticket.Number);
        }
        var message = Append(db, ticket, clock.GetUtcNow(), cleaned.Value!, MessageVisibility.Public, clientMessageId);
        message.AuthorKind = AuthorKind.Agent;
        message.AuthorAgentId = null;
        await QueueCustomerUpdatesAsync(db, ticket, message, ticket.Status);
        if (storeWith is not null)
        {
            await storeWith(db, ticket, message);
        }
        await db.SaveChangesAsync();
        await TicketSearchIndex.AppendMessageAsync(db, ticket.Id, message.Body);
        await transaction.CommitAsync();
        PublishMessage(ticket, message);
        return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
    }
}
