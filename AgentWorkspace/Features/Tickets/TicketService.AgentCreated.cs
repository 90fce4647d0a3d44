using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketService
{
    /// <summary>
    /// A ticket an agent opens for a customer who called or came in (the new-ticket screen). The history says which agent
    /// created it. The first message is either the customer's own words, stored as the customer's public message (as a
    /// web form would have), or the agent's call summary, stored as the agent's internal note: a paraphrase is not a
    /// reply the customer received, so it is never sent to them and does not count as the first response for the SLA.
    /// </summary>
    public async Task<MessageResult> CreateByAgentAsync(AgentScope scope, AgentNewTicket input)
    {
        if (input.Channel is not (TicketChannel.Phone or TicketChannel.WalkIn or TicketChannel.Email or TicketChannel.WebForm))
        {
            return new MessageResult(CommandOutcome.Invalid, "An agent opens tickets for phone calls, walk-ins, e-mails or web forms.", null, null);
        }
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
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == input.CustomerId && c.MergedIntoId == null)
            .Select(c => new { c.Id, c.Language }).FirstOrDefaultAsync();
        if (customer is null)
        {
            return new MessageResult(CommandOutcome.Invalid, "Unknown customer (or it was merged into another).", null, null);
        }
        if (input.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId))
        {
            return new MessageResult(CommandOutcome.Invalid, "That team does not exist.", null, null);
        }
        if (await FindAgentCreatedRetryAsync(db, scope.AgentId, input.ClientMessageId) is { } earlier)
        {
            return earlier;
        }
        var now = clock.GetUtcNow();
        var ticket = await NewTicketAsync(db, customer.Id, subject.Value!, input.Channel, now);
        ticket.Priority = input.Priority;
        ticket.TeamId = input.TeamId;
        ticket.Language = customer.Language is "es" ? "es" : "en";
        await db.SaveChangesAsync();
        await TicketSearchIndex.AddTicketAsync(db, ticket.Id);
        var history = new TicketHistory(db, ticket, scope.AgentId, now);
        history.Record("Created", null, ticket.Channel.Label());
        if (input.AssignToMe)
        {
            history.Record("Assignee", null, await AgentNameAsync(db, scope.AgentId));
            ticket.AssigneeId = scope.AgentId;
        }
        var summary = input.FirstMessage == FirstMessageKind.AgentSummary;
        var message = Append(db, ticket, now, body.Value!, summary ? MessageVisibility.Internal : MessageVisibility.Public, input.ClientMessageId);
        if (summary)
        {
            message.AuthorKind = AuthorKind.Agent;
            message.AuthorAgentId = scope.AgentId;
        }
        else
        {
            message.AuthorKind = AuthorKind.Customer;
            message.AuthorCustomerId = customer.Id;
        }
        // Either way the customer is waiting for the team to act on what they asked.
        ticket.WaitingSince = now;
        await db.SaveChangesAsync();
        await TicketSearchIndex.AppendMessageAsync(db, ticket.Id, message.Body);
        await transaction.CommitAsync();
        notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, scope.AgentId, Created: true));
        PublishMessage(ticket, message);
        return new MessageResult(CommandOutcome.Ok, null, message, ticket.Number);
    }

    /// <summary>A retried submit (the form's id for this ticket is stored on its first message) returns the ticket it made.</summary>
    private static async Task<MessageResult?> FindAgentCreatedRetryAsync(AppDbContext db, string agentId, string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId))
        {
            return null;
        }
        var id = clientMessageId.Trim();
        var found = await db.Messages.AsNoTracking()
            .Where(m => m.ClientMessageId == id && m.Seq == 1
                && db.TicketEvents.Any(e => e.TicketId == m.TicketId && e.Field == "Created" && e.ActorAgentId == agentId))
            .Select(m => new { Message = m, m.Ticket.Number }).FirstOrDefaultAsync();
        return found is null ? null : new MessageResult(CommandOutcome.Ok, null, found.Message, found.Number);
    }
}

/// <summary>Whose words the first message of an agent-opened ticket holds.</summary>
public enum FirstMessageKind
{
    /// <summary>What the customer said or wrote, as they put it: the customer's public message.</summary>
    CustomerWords,

    /// <summary>The agent's summary of a call or visit: the agent's internal note.</summary>
    AgentSummary,
}

public sealed record AgentNewTicket(
    int CustomerId, TicketChannel Channel, string? Subject, string? Body, FirstMessageKind FirstMessage,
    TicketPriority Priority = TicketPriority.Normal, int? TeamId = null, bool AssignToMe = false, string? ClientMessageId = null);
