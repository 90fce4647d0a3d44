namespace AgentWorkspace.Features.Tickets;

/// <summary>The status rules, in one place.</summary>
internal static class TicketLifecycle
{
    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);

    /// <summary>An agent's status change. Closed is final: a later customer message opens a follow-up ticket instead.</summary>
    public static CommandResult? ChangeStatus(Ticket ticket, TicketStatus value, TicketHistory history)
    {
        if (ticket.Status == value)
        {
            return null;
        }
        if (ticket.Status == TicketStatus.Closed)
        {
            return CommandResult.Invalid("Closed tickets are final. If the customer writes again, a follow-up ticket is opened.");
        }
        history.Record("Status", ticket.Status.Label(), value.Label());
        Apply(ticket, value, history.Now);
        return null;
    }

    /// <summary>A customer wrote: a ticket waiting on them, or resolved, comes back to the agents.</summary>
    public static TicketStatus? StatusAfterCustomerMessage(TicketStatus status) => status switch
    {
        TicketStatus.WaitingOnCustomer or TicketStatus.Resolved => TicketStatus.Open,
        _ => null,
    };

    public static void Apply(Ticket ticket, TicketStatus value, DateTimeOffset now)
    {
        ticket.Status = value;
        ticket.ResolvedAt = value is TicketStatus.Resolved or TicketStatus.Closed ? ticket.ResolvedAt ?? now : null;
        ticket.ClosedAt = value == TicketStatus.Closed ? now : null;
        if (!IsOpen(value))
        {
            ticket.WaitingSince = null;
        }
    }
}
