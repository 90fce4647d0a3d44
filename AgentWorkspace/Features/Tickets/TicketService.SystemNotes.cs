using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketService
{
    /// <summary>
    /// A line for agents only, written by the system (an automatic reply that came in, a bounced e-mail): stored as an
    /// internal note, so it never reaches the customer, and without reopening the ticket or changing who waits on whom.
    /// </summary>
    public async Task<MessageResult> AddSystemNoteAsync(int ticketId, string body, string? clientMessageId = null, StoreWithMessage? storeWith = null)
    {
        var cleaned = MessageLimits.Clean(body);
        if (!cleaned.IsValid)
        {
            return new MessageResult(CommandOutcome.Invalid, cleaned.Error, null, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null)
        {
            return new MessageResult(CommandOutcome.NotFound, CommandResult.NotFound.Error, null, null);
        }
        if (await FindRetryAsync(db, ticketId, clientMessageId) is { } earlier)
        {
            return new MessageResult(CommandOutcome.Ok, null, earlier, ticket.Number);
        }
        var message = Append(db, ticket, clock.GetUtcNow(), cleaned.Value!, MessageVisibility.Internal, clientMessageId);
        message.AuthorKind = AuthorKind.System;
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
