using System.Security.Claims;
using System.Text.Json;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentWorkspace.Features.Api;

public static partial class TicketsEndpoints
{
    /// <summary>
    /// The fields become TicketService commands applied as one change: all or none, one new version. Each command's
    /// Expected value is the one read just before, so a concurrent change to the same field answers 409 instead of
    /// being overwritten; with expectedVersion, any change since that version answers 409, checked in the same
    /// transaction as the write.
    /// </summary>
    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> PatchAsync(
        int number, HttpContext http, ClaimsPrincipal user, TicketService tickets, ApiTicketStore store)
    {
        var (input, problem) = await ApiRequests.ReadJsonAsync<PatchTicketRequest>(http);
        if (input is null)
        {
            return problem!;
        }
        if (input.Assignee.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return ApiRequests.Invalid("assignee", "An agent id or email, or null to unassign.");
        }
        if (input.Owner.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return ApiRequests.Invalid("owner", "An agent id or email, or null to clear the owner.");
        }
        var caller = ApiCaller.From(user);
        var current = await store.FindAsync(caller, number);
        if (current is null)
        {
            return ApiRequests.NotFound(number);
        }

        var commands = new List<TicketCommand>();
        if (input.Status is { } status && status != current.Status)
        {
            commands.Add(new SetStatus(current.Status, status));
        }
        if (input.Priority is { } priority && priority != current.Priority)
        {
            commands.Add(new SetPriority(current.Priority, priority));
        }
        if (input.Assignee.ValueKind != JsonValueKind.Undefined)
        {
            string? assignee = null;
            if (input.Assignee.GetString() is { Length: > 0 } wanted
                && (assignee = await store.ResolveAgentAsync(wanted)) is null)
            {
                return ApiRequests.Invalid("assignee", "No agent has that id or email.");
            }
            if (assignee != current.AssigneeId)
            {
                commands.Add(new Assign(current.AssigneeId, assignee));
            }
        }
        if (input.Owner.ValueKind != JsonValueKind.Undefined)
        {
            string? owner = null;
            if (input.Owner.GetString() is { Length: > 0 } wanted
                && (owner = await store.ResolveAgentAsync(wanted)) is null)
            {
                return ApiRequests.Invalid("owner", "No agent has that id or email.");
            }
            if (owner != current.OwnerId)
            {
                commands.Add(new SetOwner(current.OwnerId, owner));
            }
        }

        if (commands.Count > 0 || input.ExpectedVersion is not null)
        {
            // Also with no field to change: a stale expectedVersion is a 409, as the README promises.
            var result = await tickets.ExecuteAsync(caller.Scope, current.Id, commands, input.ExpectedVersion);
            if (!result.Succeeded)
            {
                return ApiRequests.FromOutcome(result.Outcome, result.Error, number,
                    result is { Outcome: CommandOutcome.Conflict, Version: { } now } ? new Dictionary<string, object?> { ["currentVersion"] = now } : null);
            }
        }
        return await store.GetAsync(caller, number) is { } ticket ? TypedResults.Ok(ticket) : ApiRequests.NotFound(number);
    }

    private static async Task<Results<Created<MessageCreatedResponse>, ProblemHttpResult>> AddMessageAsync(
        int number, HttpContext http, ClaimsPrincipal user, TicketService tickets, ApiTicketStore store)
    {
        var (input, problem) = await ApiRequests.ReadJsonAsync<AddMessageRequest>(http);
        if (input is null)
        {
            return problem!;
        }
        var author = input.Author ?? MessageAuthor.Agent;
        var visibility = input.Visibility ?? MessageVisibility.Public;
        var errors = new Dictionary<string, string[]>();
        if (MessageLimits.ValidateBody(input.Body) is { } invalidBody)
            errors["body"] = [invalidBody];
        if (author == MessageAuthor.Customer && visibility == MessageVisibility.Internal)
            errors["visibility"] = ["Customer messages are public; internal notes are written by agents."];
        if (input.ClientMessageId is { Length: > 64 })
            errors["clientMessageId"] = ["At most 64 characters."];
        if (errors.Count > 0)
        {
            return ApiRequests.Invalid(errors);
        }
        var caller = ApiCaller.From(user);
        var ticket = await store.FindAsync(caller, number);
        if (ticket is null)
        {
            return ApiRequests.NotFound(number);
        }
        var result = author == MessageAuthor.Agent
            ? await tickets.AddAgentMessageAsync(caller.Scope, ticket.Id, new AgentMessage(input.Body!, visibility, input.ClientMessageId))
            : await tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, input.Body!, input.ClientMessageId);
        if (!result.Succeeded || result.Message is null || result.TicketNumber is not { } ticketNumber)
        {
            return ApiRequests.FromOutcome(result.Outcome, result.Error, number);
        }
        var message = await store.GetMessageAsync(result.Message.Id);
        return TypedResults.Created($"/api/v1/tickets/{ticketNumber}", new MessageCreatedResponse(ticketNumber, message));
    }
}
