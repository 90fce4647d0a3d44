using AgentWorkspace.Components.Text;
using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// What a customer does on a ticket page: reply and "this is solved". Both go through <see cref="TicketService"/> like the
/// widget's messages (stored, sequenced, published after commit: agents see them live; a reply reopens a ticket waiting on
/// the customer or resolved, and on a closed ticket opens a linked follow-up), after the same session check as reading.
/// </summary>
public sealed class PortalCommands(PortalQueries queries, TicketService tickets, PortalThrottle throttle, IOptionsMonitor<PortalOptions> options)
{
    public async Task<PortalPostResult> ReplyAsync(PortalSession session, int number, string? body, string? clientMessageId, string client)
    {
        if (await queries.TicketAsync(session, number) is not { } ticket)
        {
            return new PortalPostResult(PortalPostOutcome.NotFound);
        }
        var cleaned = MessageLimits.Clean(body);
        if (!cleaned.IsValid)
        {
            return new PortalPostResult(PortalPostOutcome.Invalid, Problem: cleaned.Problem, Length: body?.Length ?? 0);
        }
        if (!Throttled(ticket, client))
        {
            return new PortalPostResult(PortalPostOutcome.TooMany);
        }
        // The form's id for this reply: a double click or a resent form stores it once.
        var clientId = clientMessageId is { Length: > 0 and <= 64 } id ? "portal-" + id : null;
        var result = await tickets.AddCustomerMessageAsync(ticket.TicketId, ticket.CustomerId, cleaned.Value!, clientId);
        if (!result.Succeeded)
        {
            return new PortalPostResult(result.Outcome == CommandOutcome.NotFound ? PortalPostOutcome.NotFound : PortalPostOutcome.Invalid, Problem: TextProblem.Malformed);
        }
        return result.Message!.TicketId == ticket.TicketId
            ? new PortalPostResult(PortalPostOutcome.Done, number)
            : new PortalPostResult(PortalPostOutcome.FollowUp, result.TicketNumber, new TicketGrant(result.Message.TicketId, ticket.CustomerId));
    }

    public async Task<PortalPostResult> SolvedAsync(PortalSession session, int number, string client)
    {
        if (await queries.TicketAsync(session, number) is not { } ticket)
        {
            return new PortalPostResult(PortalPostOutcome.NotFound);
        }
        if (!Throttled(ticket, client))
        {
            return new PortalPostResult(PortalPostOutcome.TooMany);
        }
        var result = await tickets.ResolveByCustomerAsync(ticket.TicketId, ticket.CustomerId);
        return result.Outcome switch
        {
            CommandOutcome.Ok => new PortalPostResult(PortalPostOutcome.Done, number),
            CommandOutcome.NotFound => new PortalPostResult(PortalPostOutcome.NotFound),
            _ => new PortalPostResult(PortalPostOutcome.Closed, number),
        };
    }

    private bool Throttled(PortalTicket ticket, string client)
    {
        var limits = options.CurrentValue.RateLimits;
        return throttle.TryAcquire(limits.Window, ($"post:ticket:{ticket.TicketId}", limits.PostsPerTicket), ("post:client:" + client, limits.PostsPerClient));
    }
}

public enum PortalPostOutcome
{
    Done,

    /// <summary>The ticket was closed: the reply opened a follow-up ticket (its number and a grant for it).</summary>
    FollowUp,
    NotFound,
    Invalid,
    TooMany,

    /// <summary>"Solved" on a closed ticket: closed tickets are final.</summary>
    Closed,
}

public sealed record PortalPostResult(PortalPostOutcome Outcome, int? Number = null, TicketGrant? Grant = null, TextProblem Problem = TextProblem.None, int Length = 0);
