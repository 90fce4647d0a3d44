using AgentWorkspace.Data;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// A feature that tells customers about their tickets outside the widget (e-mail). <see cref="TicketService"/> calls it
/// inside an agent's change, before saving: what it adds to <c>db</c> (an outbox row) commits with the change or not at
/// all, so a customer is never told of a change that rolled back, and no committed change goes untold.
/// </summary>
public interface ICustomerUpdates
{
    /// <param name="publicReply">The agent's public reply in this change (null for a note or a property change).</param>
    /// <param name="statusBefore">The status before the change; the ticket holds the status after it.</param>
    Task QueueAsync(AppDbContext db, Ticket ticket, Message? publicReply, TicketStatus statusBefore);

    /// <summary>A customer's request became a ticket and is waiting to be answered outside the widget (an e-mail, an offline message).</summary>
    Task ReceivedAsync(AppDbContext db, Ticket ticket);
}

/// <summary>
/// More to store with a customer's message in the same transaction (an e-mail's headers, its attachments). Runs once
/// the ticket (a follow-up, when the message reopened a closed one) and the message exist, before they are saved.
/// </summary>
public delegate Task StoreWithMessage(AppDbContext db, Ticket ticket, Message message);
