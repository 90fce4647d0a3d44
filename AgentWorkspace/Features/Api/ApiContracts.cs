using System.ComponentModel;
using System.Text.Json;
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

    [Description("The ticket's version as you read it: if it changed since, nothing is applied and the answer is 409.")]
    public long? ExpectedVersion { get; init; }
}

public sealed record TicketListResponse(IReadOnlyList<TicketSummaryResponse> Items, string? Next);

public sealed record TicketSummaryResponse(
    int Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
    string CustomerName, NamedRef? Assignee, TeamRef? Team,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince);

public sealed record TicketResponse(
    int Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
    string? Category, string Language, int Tier, long Version,
    CustomerResponse Customer, NamedRef? Assignee, TeamRef? Team, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, int? FollowUpOf,
    IReadOnlyList<MessageResponse> Messages);

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
