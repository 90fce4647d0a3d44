using AgentWorkspace.Data;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>One change an automatic decision makes, with the reason its history line carries.</summary>
public sealed record SystemStep(TicketCommand Command, string? Reason);

public sealed partial class TicketService
{
    /// <summary>
    /// A change the workspace decides by itself from what the database says right now (routing: who is under capacity).
    /// <paramref name="decide"/> runs inside the ticket's write transaction, declared as the ticket in the routing area,
    /// so its reads and the change it returns are one atomic step against the ticket's other writers and every other
    /// routing decision (two new tickets never both take an agent's last free slot; SQLite runs one writer at a time anyway).
    /// It may also add its own rows to <paramref name="decide"/>'s context; they are saved in the same transaction.
    /// Each step is recorded as the system's with its reason; notifications and live updates follow the commit.
    /// </summary>
    public async Task<CommandResult> DecideAsSystemAsync(int ticketId, Func<AppDbContext, Ticket, Task<IReadOnlyList<SystemStep>>> decide)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.BeginWriteAsync(WriteScope.TicketIn(ticketId, WriteArea.Routing));
        var ticket = await db.Tickets.Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }
        var steps = await decide(db, ticket);
        var now = clock.GetUtcNow();
        var previousAssignee = ticket.AssigneeId;
        var previousTeam = ticket.TeamId;
        var previousOwner = ticket.OwnerId;
        var previousStatus = ticket.Status;
        var changed = false;
        TicketHistory? last = null;
        foreach (var step in steps)
        {
            last = new TicketHistory(db, ticket, null, now, step.Reason);
            if (await ApplyAsync(db, ticket, step.Command, last) is { } error)
            {
                return error with { Version = ticket.Version };
            }
            changed |= last.Changed;
        }
        if (changed)
        {
            ticket.UpdatedAt = now;
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (changed && last is not null)
        {
            notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, null)
            {
                PreviousTeamId = previousTeam,
                PreviousAssigneeId = previousAssignee,
                OwnerId = ticket.OwnerId,
                PreviousOwnerId = previousOwner,
            });
            await NotifyChangeAsync(db, ticket, null, last, previousAssignee, previousOwner, previousStatus);
        }
        return CommandResult.Ok(ticket.Id, ticket.Number) with { Version = ticket.Version };
    }
}
