using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketService
{
    /// <summary>What the ticket's history says when a customer marked their own ticket solved (the timeline words it).</summary>
    public const string CustomerSolvedReason = "The customer marked it solved";

    /// <summary>
    /// The customer says their problem is solved (the help-centre portal): the ticket becomes Resolved, recorded in its
    /// history with the reason, live for agents, and the SLA clock stops like for any resolution. A resolved ticket stays
    /// as it is; a closed one is final and is refused. The customer is not e-mailed about what they just did themselves.
    /// </summary>
    public async Task<CommandResult> ResolveByCustomerAsync(int ticketId, int customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.CustomerId == customerId);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }
        if (ticket.Status == TicketStatus.Resolved)
        {
            return CommandResult.Ok(ticket.Id, ticket.Number) with { Version = ticket.Version };
        }
        if (ticket.Status == TicketStatus.Closed)
        {
            return CommandResult.Invalid("Closed tickets are final.") with { TicketId = ticket.Id, TicketNumber = ticket.Number };
        }
        var now = clock.GetUtcNow();
        new TicketHistory(db, ticket, null, now).Record("Status", ticket.Status.Label(), TicketStatus.Resolved.Label(), CustomerSolvedReason);
        TicketLifecycle.Apply(ticket, TicketStatus.Resolved, now);
        ticket.UpdatedAt = now;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, null));
        return CommandResult.Ok(ticket.Id, ticket.Number) with { Version = ticket.Version };
    }
}
