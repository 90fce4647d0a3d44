using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// One change to a ticket's properties. Changes that replace a value carry the value the agent saw
/// (<c>Expected</c>): if someone changed it meanwhile, the command is refused as a conflict instead of
/// silently overwriting their change.
/// </summary>
public abstract record TicketCommand;

public sealed record SetStatus(TicketStatus Expected, TicketStatus Value) : TicketCommand;
public sealed record SetPriority(TicketPriority Expected, TicketPriority Value) : TicketCommand;
public sealed record Assign(string? Expected, string? Value) : TicketCommand;
/// <param name="HandOff">
/// Hand the ticket off to the new team: the assignee is cleared, so it lands in the team's Unassigned view, and the team's
/// members are notified. Without it the assignee keeps working it in the new team.
/// </param>
public sealed record SetTeam(int? Expected, int? Value, bool HandOff = false) : TicketCommand;

/// <summary>Makes another agent (or nobody) responsible for the ticket.</summary>
public sealed record SetOwner(string? Expected, string? Value) : TicketCommand;

/// <summary>Lets an agent see the ticket and hear of its changes, whichever team it is in.</summary>
public sealed record AddFollower(string AgentId) : TicketCommand;
public sealed record RemoveFollower(string AgentId) : TicketCommand;
public sealed record SetCategory(string? Expected, string? Value) : TicketCommand;
public sealed record AddTag(string Tag) : TicketCommand;

/// <summary>
/// Resolves without asking the customer for a satisfaction survey: comes after a <see cref="SetStatus"/> to Resolved in
/// the same change, and is recorded in the history ("Survey": "Skipped"), for this resolution only.
/// </summary>
public sealed record SkipSurvey : TicketCommand;
public sealed record RemoveTag(string Tag) : TicketCommand;

/// <summary>
/// Hands the ticket to another team and/or a higher tier, with the reason recorded in the history; with
/// <paramref name="HandOff"/> the assignee is cleared and the (new) team notified, as for <see cref="SetTeam"/>.
/// </summary>
public sealed record Escalate(int? TeamId, int Tier, string Reason, bool HandOff = false) : TicketCommand;

public enum CommandOutcome
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record CommandResult(CommandOutcome Outcome, string? Error = null, int? TicketId = null, int? TicketNumber = null)
{
    /// <summary>The ticket's version after the command, or when it was refused; null when there is no ticket to speak of.</summary>
    public long? Version { get; init; }

    public bool Succeeded => Outcome == CommandOutcome.Ok;

    public static CommandResult Ok(int ticketId, int number) => new(CommandOutcome.Ok, null, ticketId, number);
    public static readonly CommandResult NotFound = new(CommandOutcome.NotFound, "There is no such ticket, or it is not visible to you.");
    public static CommandResult Invalid(string error) => new(CommandOutcome.Invalid, error);
    public static CommandResult Conflict(string error) => new(CommandOutcome.Conflict, error);
}

/// <summary>What an agent posts from the composer.</summary>
public sealed record AgentMessage(string Body, MessageVisibility Visibility, string? ClientMessageId = null, TicketStatus? StatusAfter = null);

public sealed record MessageResult(CommandOutcome Outcome, string? Error, Message? Message, int? TicketNumber)
{
    public bool Succeeded => Outcome == CommandOutcome.Ok;
}

public static class MessageLimits
{
    /// <summary>Longest message body accepted, in characters; longer input is refused with a clear error, not truncated.</summary>
    public const int MaxBodyLength = 10_000;

    public const int MaxTagLength = 50;
    public const int MaxSubjectLength = 300;
    public const int MaxCategoryLength = 100;

    /// <summary>
    /// A message body as it is stored (the shared text policy: NFC, line breaks and tabs kept, other control characters
    /// dropped), or why it can't be: empty, invisible only, or too long (refused with a clear error, never truncated).
    /// </summary>
    public static CleanText Clean(string? body)
    {
        var text = TextInput.Lines(body, "The message", MaxBodyLength);
        return text.Problem switch
        {
            TextProblem.Empty => text with { Error = "The message is empty." },
            TextProblem.TooLong => text with { Error = $"The message is {body!.Length:N0} characters long; the limit is {MaxBodyLength:N0}." },
            _ => text,
        };
    }

    public static string? ValidateBody(string? body) => Clean(body).Error;
}
