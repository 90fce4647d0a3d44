using System.ComponentModel;
using System.Text.Json;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Api;

// The JSON shapes of REST API v1. Enums travel as their names (case-insensitive on input).

// Requests are classes with optional properties: positional records would all be "required" in the OpenAPI schema.

public sealed class CreateTicketRequest
{
    [Description("1 to 300 characters.")]
    public string? Subject { get; init; }

    [Description("The customer's first message, Markdown, up to 10,000 characters.")]
    public string? Body { get; init; }

    [Description("Default Api.")]
    public TicketChannel? Channel { get; init; }

    [Description("Default Normal.")]
    public TicketPriority? Priority { get; init; }

    public CustomerInput? Customer { get; init; }
}

public sealed class CustomerInput
{
    [Description("Required. Finds the customer (case-insensitive); a new customer is created when none has this email.")]
    public string? Email { get; init; }

    [Description("Used only when the customer is new; default: the part of the email before '@'.")]
    public string? Name { get; init; }

    [Description("en or es; default en.")]
    public string? Language { get; init; }
}

public enum MessageAuthor
{
    Agent,
    Customer,
}

public sealed class AddMessageRequest
{
    [Description("Markdown, up to 10,000 characters.")]
    public string? Body { get; init; }

    [Description("Public (default) or Internal. Customer messages are always public.")]
    public MessageVisibility? Visibility { get; init; }

    [Description("Agent (default: the admin who issued the key) or Customer (the ticket's customer).")]
    public MessageAuthor? Author { get; init; }

    [Description("Up to 64 characters. A retry with the same id on the same ticket returns the stored message instead of adding another.")]
    public string? ClientMessageId { get; init; }
}

public sealed class PatchTicketRequest
{
    public TicketStatus? Status { get; init; }

    public TicketPriority? Priority { get; init; }

    [Description("Agent id or email; null unassigns; leave it out to keep the assignee.")]
    public JsonElement Assignee { get; init; }

    [Description("The agent responsible for the ticket (id or email); null clears it; leave it out to keep the owner.")]
    public JsonElement Owner { get; init; }

    [Description("The ticket's version as you read it: if it changed since, nothing is applied and the answer is 409.")]
    public long? ExpectedVersion { get; init; }
}

public sealed record TicketListResponse(IReadOnlyList<TicketSummaryResponse> Items, string? Next);

public sealed record TicketSummaryResponse(
    int Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
    string CustomerName, NamedRef? Assignee, TeamRef? Team,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince,
    [property: Description("When an agent first replied in public; null until then.")] DateTimeOffset? FirstResponseAt,
    [property: Description("The service level: policy, state, next target due. Null when no policy applies.")] SlaResponse? Sla)
{
    [Description("The agent responsible for the ticket.")]
    public NamedRef? Owner { get; init; }
}

public sealed record TicketResponse(
    int Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
    string? Category, string Language, int Tier, long Version,
    CustomerResponse Customer, NamedRef? Assignee, TeamRef? Team, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, int? FollowUpOf,
    [property: Description("When an agent first replied in public; null until then.")] DateTimeOffset? FirstResponseAt,
    [property: Description("Seconds from the ticket's creation to that reply (wall-clock time).")] long? FirstResponseSeconds,
    [property: Description("The service level: policy, state and every target. Null when no policy applies.")] SlaResponse? Sla,
    IReadOnlyList<MessageResponse> Messages)
{
    [Description("The agent responsible for the ticket, who keeps seeing it when it is handed off to another team.")]
    public NamedRef? Owner { get; init; }

    [Description("Agents following the ticket: they may see it and are notified of its changes.")]
    public IReadOnlyList<NamedRef> Followers { get; init; } = [];
}

public sealed record CustomerResponse(int Id, string Name, string? Email, string Language);

public sealed record NamedRef(string Id, string Name);

public sealed record TeamRef(int Id, string Name);

public sealed record MessageResponse(
    long Id, int Seq, AuthorKind AuthorKind, string AuthorName, MessageVisibility Visibility,
    [property: Description("Markdown source.")] string Body,
    [property: Description("The body rendered to safe HTML (raw HTML disabled, unsafe links removed).")] string BodyHtml,
    string? ClientMessageId, DateTimeOffset CreatedAt);

public sealed record MessageCreatedResponse(
    [property: Description("The ticket the message is on: a follow-up ticket when a customer wrote on a closed one.")] int TicketNumber,
    MessageResponse Message);

public sealed record SlaResponse(
    string Policy,
    [property: Description("The business calendar its business-hours targets run on.")] string? Calendar,
    [property: Description("OnTrack, AtRisk, Breached, Paused or Met: the state of the next target due, else of the clock as a whole.")] SlaStatus Status,
    [property: Description("The running target that falls due first; null while paused or when every target is over.")] SlaTargetResponse? Next,
    [property: Description("Since when the clock stands still (a pause status such as WaitingOnCustomer).")] DateTimeOffset? PausedSince,
    IReadOnlyList<SlaTargetResponse> Targets);

public sealed record SlaTargetResponse(
    [property: Description("FirstResponse, NextResponse (after each customer message) or Resolution.")] SlaTargetKind Target,
    int Minutes,
    [property: Description("True: counted in the calendar's opening hours; false: round the clock.")] bool BusinessHours,
    [property: Description("OnTrack, AtRisk, Breached, Paused, Met, or Stopped (resolved before a reply).")] SlaStatus Status,
    DateTimeOffset? StartedAt, DateTimeOffset? DueAt, DateTimeOffset? MetAt, DateTimeOffset? BreachedAt,
    [property: Description("Working time spent on the target, in seconds, as last computed.")] long ElapsedSeconds)
{
    public static SlaResponse? From(TicketSla? sla) => sla?.PolicyName is not { } policy ? null : new SlaResponse(
        policy, sla.CalendarName, sla.Status, sla.Next is { } next ? Of(next) : null, sla.PausedSince, sla.Targets.Select(Of).ToList());

    private static SlaTargetResponse Of(SlaTargetView t) =>
        new(t.Kind, t.Minutes, t.BusinessHours, t.Status, t.StartedAt, t.DueAt, t.MetAt, t.BreachedAt, (long)t.Elapsed.TotalSeconds);
}
