using System.Security.Claims;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentWorkspace.Features.Api;

/// <summary>REST API v1: tickets. Reads and creation here; changes and messages in TicketsEndpoints.Changes.cs.</summary>
public static partial class TicketsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapGet("", ListAsync).WithName("ListTickets").WithSummary("List and filter tickets, newest activity first, a page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tickets.MapPost("", CreateAsync).WithName("CreateTicket").WithSummary("Open a ticket for a customer (found or created by email).")
            .Accepts<CreateTicketRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tickets.MapGet("/{number:int}", GetAsync).WithName("GetTicket").WithSummary("A ticket with its tags, SLA and whole conversation, internal notes included.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tickets.MapPatch("/{number:int}", PatchAsync).WithName("UpdateTicket").WithSummary("Change status, priority or assignee.")
            .Accepts<PatchTicketRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{number:int}/messages", AddMessageAsync).WithName("AddMessage").WithSummary("Add a reply, an internal note or a customer message.")
            .Accepts<AddMessageRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<TicketListResponse>, ProblemHttpResult>> ListAsync(
        [AsParameters] TicketListQuery query, ClaimsPrincipal user, InboxQuery inbox, ApiTicketStore store, TimeProvider clock)
    {
        var caller = ApiCaller.From(user);
        var (filter, limit, errors) = query.Parse(clock.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(query.Assignee))
        {
            if (await store.ResolveAgentAsync(query.Assignee) is { } agentId)
                filter = filter with { AssigneeId = agentId };
            else
                errors["assignee"] = ["No agent has that id or email."];
        }
        int? team = null;
        if (!string.IsNullOrWhiteSpace(query.Team))
        {
            team = await store.ResolveTeamAsync(query.Team);
            if (team is null)
                errors["team"] = ["No team has that id or name."];
        }
        if (errors.Count > 0)
        {
            return ApiRequests.Invalid(errors);
        }
        if (caller.TeamId is { } keyTeam && team is { } asked && asked != keyTeam)
        {
            // A team key sees only its own team: another team's list is empty, not an error that confirms the team.
            return TypedResults.Ok(new TicketListResponse([], null));
        }
        filter = filter with { TeamId = caller.TeamId ?? team };
        var page = await inbox.ListAsync(caller.Scope, filter, query.Cursor, limit);
        var slas = await store.SlaOfAsync(page.Rows.Select(r => r.Id).ToList());
        var owners = await store.OwnersOfAsync(page.Rows.Select(r => r.Id).ToList());
        var items = page.Rows.Select(r => new TicketSummaryResponse(
            r.Number, r.Subject, r.Status, r.Priority, r.Channel, r.CustomerName,
            r.AssigneeId is { } id ? new NamedRef(id, r.AssigneeName ?? "") : null,
            r.TeamId is { } teamId ? new TeamRef(teamId, r.TeamName ?? "") : null,
            r.CreatedAt, r.LastActivityAt, r.WaitingSince,
            slas.GetValueOrDefault(r.Id).FirstResponseAt, slas.GetValueOrDefault(r.Id).Sla) { Owner = owners.GetValueOrDefault(r.Id) }).ToList();
        return TypedResults.Ok(new TicketListResponse(items, page.Next));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(int number, ClaimsPrincipal user, ApiTicketStore store) =>
        await store.GetAsync(ApiCaller.From(user), number) is { } ticket
            ? TypedResults.Ok(ticket)
            : ApiRequests.NotFound(number);

    private static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, ClaimsPrincipal user, TicketService tickets, ApiTicketStore store)
    {
        var (input, problem) = await ApiRequests.ReadJsonAsync<CreateTicketRequest>(http);
        if (input is null)
        {
            return problem!;
        }
        var (form, errors) = Validate(input);
        if (errors.Count > 0)
        {
            return ApiRequests.Invalid(errors);
        }
        var caller = ApiCaller.From(user);
        var customerId = await store.FindOrCreateCustomerAsync(form.Email, form.Name, form.Language);
        var result = await tickets.CreateTicketAsync(new NewTicket(
            customerId, form.Subject, form.Body, input.Channel ?? TicketChannel.Api,
            input.Priority ?? TicketPriority.Normal, caller.TeamId, form.Language));
        if (!result.Succeeded || result.TicketNumber is not { } number)
        {
            return ApiRequests.FromOutcome(result.Outcome, result.Error, 0);
        }
        var created = await store.GetAsync(caller, number);
        return TypedResults.Created($"/api/v1/tickets/{number}", created);
    }

    /// <summary>The request as it will be stored, through the same text policy and e-mail rule as the widget.</summary>
    private static (NewTicketForm Form, Dictionary<string, string[]> Errors) Validate(CreateTicketRequest input)
    {
        var errors = new Dictionary<string, string[]>();
        var subject = TextInput.Line(input.Subject, "The subject", MessageLimits.MaxSubjectLength);
        if (!subject.IsValid)
            errors["subject"] = [subject.Error!];
        var body = MessageLimits.Clean(input.Body);
        if (!body.IsValid)
            errors["body"] = [body.Error!];
        var email = CustomerEmail.Clean(input.Customer?.Email, required: true);
        if (!email.IsValid)
            errors["customer.email"] = [email.Problem == TextProblem.Empty ? "The customer's email address is required." : email.Error!];
        var name = TextInput.Line(input.Customer?.Name, "The customer's name", MaxCustomerNameLength, required: false);
        if (!name.IsValid)
            errors["customer.name"] = [name.Error!];
        var language = input.Customer?.Language?.Trim().ToLowerInvariant() ?? "en";
        if (language is not ("en" or "es"))
            errors["customer.language"] = ["en or es."];
        return (new NewTicketForm(subject.Value ?? "", body.Value ?? "", email.Value ?? "", name.Value, language), errors);
    }

    private const int MaxCustomerNameLength = 200;

    private sealed record NewTicketForm(string Subject, string Body, string Email, string? Name, string Language);
}
