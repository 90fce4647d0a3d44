using System.Text.Json;
using System.Text.Json.Serialization;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Automation;

/// <summary>What a condition looks at.</summary>
public enum ConditionField
{
    Channel,
    Language,
    Category,
    Tag,
    Subject,
    Message,
    SubjectOrMessage,
    CustomerVip,
    Company,
    Priority,
    Status,
    Team,

    /// <summary>Whether the trigger happened inside the opening hours of the ticket team's calendar (or the default one).</summary>
    BusinessHours,
}

public enum ConditionOperator
{
    Is,
    IsNot,

    /// <summary>Tags: has the tag. Text: contains one of the comma-separated words or phrases.</summary>
    Contains,

    /// <summary>Tags: lacks the tag. Text: contains none of the words or phrases.</summary>
    NotContains,

    /// <summary>Priority: this one or more urgent.</summary>
    AtLeast,
}

/// <summary>
/// One test on a ticket. <see cref="Value"/> is stored as text: an enum name (Channel, Priority, Status), "en"/"es",
/// a team id, "true"/"false" (VIP, inside business hours), a tag, a category or company name, or comma-separated keywords.
/// </summary>
public sealed record RuleCondition(ConditionField Field, ConditionOperator Operator, string Value);

/// <summary>One thing a rule does: an action kind (<see cref="IRuleAction.Kind"/>) and its value (a team id, a priority...).</summary>
public sealed record RuleActionSpec(string Kind, string? Value = null);

/// <summary>The stored JSON form of a rule's conditions and actions: enums by name, so the rows read well.</summary>
public static class RuleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(IReadOnlyList<RuleCondition> conditions) => JsonSerializer.Serialize(conditions, Options);

    public static string Write(IReadOnlyList<RuleActionSpec> actions) => JsonSerializer.Serialize(actions, Options);

    /// <summary>Throws <see cref="JsonException"/> on a damaged row: a rule whose conditions can't be read must not match everything.</summary>
    public static IReadOnlyList<RuleCondition> Conditions(string json) =>
        JsonSerializer.Deserialize<List<RuleCondition>>(json, Options) ?? throw new JsonException("The conditions are empty.");

    public static IReadOnlyList<RuleActionSpec> Actions(string json) =>
        JsonSerializer.Deserialize<List<RuleActionSpec>>(json, Options) ?? throw new JsonException("The actions are empty.");
}

/// <summary>
/// A ticket as the rules see it at one trigger: its properties after the rules before (same code for live runs and the
/// preview). <see cref="Message"/> is the customer message the trigger is about (the opening one for a new ticket, the
/// latest customer message otherwise).
/// </summary>
public sealed record RuleTicket(
    int Id, int Number, string Subject, string Message, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
    string? Category, string Language, int? TeamId, string? AssigneeId, IReadOnlySet<string> Tags, bool CustomerIsVip, string? Company,
    bool InBusinessHours);

/// <summary>Whether a rule's conditions hold for a ticket. Pure: the engine and the preview call the same code.</summary>
public static class RuleMatcher
{
    public static bool Matches(RuleMatch match, IReadOnlyList<RuleCondition> conditions, RuleTicket ticket) =>
        conditions.Count == 0 || (match == RuleMatch.All ? conditions.All(c => Holds(c, ticket)) : conditions.Any(c => Holds(c, ticket)));

    public static bool Holds(RuleCondition condition, RuleTicket ticket)
    {
        var value = condition.Value;
        return (condition.Field, condition.Operator) switch
        {
            (ConditionField.Channel, var op) => Equality(op, Enum.TryParse<TicketChannel>(value, out var channel) && ticket.Channel == channel),
            (ConditionField.Language, var op) => Equality(op, string.Equals(ticket.Language, value, StringComparison.OrdinalIgnoreCase)),
            (ConditionField.Category, var op) => Equality(op, ticket.Category is { } category && SameText(category, value)),
            (ConditionField.Company, var op) => Equality(op, ticket.Company is { } company && SameText(company, value)),
            (ConditionField.Tag, ConditionOperator.Contains) => HasTag(ticket, value),
            (ConditionField.Tag, ConditionOperator.NotContains) => !HasTag(ticket, value),
            (ConditionField.Subject, var op) => Keywords(op, value, ticket.Subject),
            (ConditionField.Message, var op) => Keywords(op, value, ticket.Message),
            (ConditionField.SubjectOrMessage, ConditionOperator.NotContains) => !ContainsAny(value, ticket.Subject) && !ContainsAny(value, ticket.Message),
            (ConditionField.SubjectOrMessage, var op) => Keywords(op, value, ticket.Subject) || Keywords(op, value, ticket.Message),
            (ConditionField.CustomerVip, var op) => Equality(op, bool.TryParse(value, out var vip) && ticket.CustomerIsVip == vip),
            (ConditionField.BusinessHours, var op) => Equality(op, bool.TryParse(value, out var inside) && ticket.InBusinessHours == inside),
            (ConditionField.Priority, ConditionOperator.AtLeast) => Enum.TryParse<TicketPriority>(value, out var least) && ticket.Priority >= least,
            (ConditionField.Priority, var op) => Equality(op, Enum.TryParse<TicketPriority>(value, out var priority) && ticket.Priority == priority),
            (ConditionField.Status, var op) => Equality(op, Enum.TryParse<TicketStatus>(value, out var status) && ticket.Status == status),
            (ConditionField.Team, var op) => Equality(op, int.TryParse(value, out var team) && ticket.TeamId == team),
            // Combinations the editor never offers (validation refuses them) never hold.
            _ => false,
        };
    }

    /// <summary>The operators each field offers (the first is the default); validation and the editor use this list.</summary>
    public static IReadOnlyList<ConditionOperator> OperatorsFor(ConditionField field) => field switch
    {
        ConditionField.Tag => [ConditionOperator.Contains, ConditionOperator.NotContains],
        ConditionField.Subject or ConditionField.Message or ConditionField.SubjectOrMessage => [ConditionOperator.Contains, ConditionOperator.NotContains],
        ConditionField.Priority => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.AtLeast],
        ConditionField.CustomerVip or ConditionField.BusinessHours => [ConditionOperator.Is],
        _ => [ConditionOperator.Is, ConditionOperator.IsNot],
    };

    private static bool Equality(ConditionOperator op, bool equal) => op switch
    {
        ConditionOperator.Is => equal,
        ConditionOperator.IsNot => !equal,
        _ => false,
    };

    private static bool HasTag(RuleTicket ticket, string value) => TicketService.NormalizeTag(value) is { } tag && ticket.Tags.Contains(tag);

    /// <summary>Names typed by people: the same whatever the case and accents ("Acmé" is "ACME").</summary>
    private static bool SameText(string a, string b) => string.Equals(TextAnalyzer.Fold(a).Trim(), TextAnalyzer.Fold(b).Trim(), StringComparison.Ordinal);

    private static bool Keywords(ConditionOperator op, string keywords, string text) => op switch
    {
        ConditionOperator.Contains => ContainsAny(keywords, text),
        ConditionOperator.NotContains => !ContainsAny(keywords, text),
        _ => false,
    };

    /// <summary>
    /// Whether the text holds one of the comma-separated keywords as whole words, ignoring case and accents (the search
    /// index's folding): "reembolso" matches "Reembolsó", "refund" does not match "refunded", "credit card" matches
    /// "my Credit-Card".
    /// </summary>
    public static bool ContainsAny(string keywords, string text)
    {
        var words = TextAnalyzer.Tokenize(text).Select(t => t.Folded).ToList();
        foreach (var phrase in Phrases(keywords))
        {
            for (var i = 0; i + phrase.Count <= words.Count; i++)
            {
                if (phrase.Select((w, k) => words[i + k] == w).All(same => same))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The keywords as folded word sequences; empty pieces are dropped.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Phrases(string keywords) =>
        keywords.Split(',').Select(p => (IReadOnlyList<string>)TextAnalyzer.Tokenize(p).Select(t => t.Folded).ToList()).Where(p => p.Count > 0).ToList();
}
