using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Sla;
using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// The conversation and the ticket's history in time order. History is stored in invariant English (field names and
/// <see cref="TicketLabels"/>' labels, for the API and the audit); it is told here in the agent's language wherever the
/// stored value is a known status, priority or channel. Names, tags and reasons typed by people stay as stored.
/// </summary>
public sealed partial class TicketTimeline
{
    private static readonly Dictionary<string, TicketStatus> StatusByLabel = Enum.GetValues<TicketStatus>().ToDictionary(s => s.Label());
    private static readonly Dictionary<string, TicketPriority> PriorityByLabel = Enum.GetValues<TicketPriority>().ToDictionary(p => p.Label());
    private static readonly Dictionary<string, TicketChannel> ChannelByLabel = Enum.GetValues<TicketChannel>().ToDictionary(c => c.Label());

    private const string FollowUpPrefix = "Follow-up to #";

    private long? editing;
    private string editText = "";
    private string? editError;

    [Parameter, EditorRequired] public IReadOnlyList<TimelineEntry> Entries { get; set; } = [];

    /// <summary>Messages after this sequence number are marked new (the stale-send review).</summary>
    [Parameter] public int HighlightAfterSeq { get; set; }

    /// <summary>The signed-in agent: they may edit their own replies and notes.</summary>
    [Parameter] public string? CurrentAgentId { get; set; }

    /// <summary>Saves an edit; returns an error to show, or null.</summary>
    [Parameter] public Func<TimelineEntry, string, Task<string?>>? Edit { get; set; }

    private bool CanEdit(TimelineEntry entry) =>
        Edit is not null && entry.MessageId > 0 && entry.AuthorKind == AuthorKind.Agent && entry.AuthorAgentId == CurrentAgentId;

    private void BeginEdit(TimelineEntry entry)
    {
        editing = entry.MessageId;
        editText = entry.Body ?? "";
        editError = null;
    }

    private async Task SaveEditAsync(TimelineEntry entry)
    {
        editError = await Edit!(entry, editText);
        if (editError is null)
        {
            editing = null;
        }
    }

    internal static string KindOf(TimelineEntry entry) =>
        entry.AuthorKind == AuthorKind.System ? "system"
        : entry.Visibility == MessageVisibility.Internal ? "note"
        : entry.AuthorKind == AuthorKind.Customer ? "customer"
        : "agent";

    /// <summary>People keep their names; the system (automatic changes, system messages) is named in the agent's language.</summary>
    private string ActorName(TimelineEntry entry) =>
        entry.Change is { } change && AutomationHistoryText.IsRule(change) ? AutomationHistoryText.Actor(change, RuleL)
        : entry.Change is not null ? (entry.AuthorAgentId is null ? L["System"] : entry.AuthorName)
        : entry.AuthorKind == AuthorKind.System ? L["System"]
        : entry.AuthorKind == AuthorKind.Agent && entry.AuthorAgentId is null ? L["AutomaticReply"]
        : entry.AuthorName;

    internal string Describe(TicketChange change) => change.Field switch
    {
        _ when SlaHistoryText.IsSla(change) => SlaHistoryText.Describe(change, SlaL),
        _ when AutomationHistoryText.Describe(change, RuleL) is { } ruleLine => ruleLine,
        "Created" => L["EventCreated", CreatedFrom(change.NewValue)],
        "Tags" when change.NewValue is ['+', .. var added] => L["EventTagAdded", added],
        "Tags" when change.OldValue is ['-', .. var removed] => L["EventTagRemoved", removed],
        "Followers" when change.NewValue is ['+', .. var follower] => L["EventFollowerAdded", follower],
        "Followers" when change.OldValue is ['-', .. var unfollower] => L["EventFollowerRemoved", unfollower],
        // A hand-off stores the agent who had the ticket (if any) and the team it went to.
        "HandOff" when change.OldValue is { } had => L["EventHandedOffFrom", TeamOrNone(change.NewValue), had],
        "HandOff" => L["EventHandedOff", TeamOrNone(change.NewValue)],
        "Survey" => L["EventSurveySkipped"],
        _ when change.NewValue == "(edited)" => L["EventEdited", EditedMessage(change.Field), change.OldValue ?? ""],
        _ when change.OldValue is null => L["EventSet", FieldName(change.Field), Value(change.Field, change.NewValue)],
        _ when change.NewValue is null => L["EventCleared", FieldName(change.Field), Value(change.Field, change.OldValue)],
        _ => L["EventChanged", FieldName(change.Field), Value(change.Field, change.OldValue), Value(change.Field, change.NewValue)],
    };

    private string FieldName(string field) => field switch
    {
        "Status" => L["FieldStatus"],
        "Priority" => L["FieldPriority"],
        "Assignee" => L["FieldAssignee"],
        "Team" => L["FieldTeam"],
        "Category" => L["FieldCategory"],
        "Tier" => L["FieldTier"],
        "Owner" => L["FieldOwner"],
        "Tags" => L["FieldTags"],
        _ => field.ToLowerInvariant(),
    };

    /// <summary>A stored status or priority label in the agent's words; anything else (names, categories, tiers) as stored.</summary>
    private static string Value(string field, string? stored) => (field, stored) switch
    {
        ("Status", { } label) when StatusByLabel.TryGetValue(label, out var status) => TicketWords.Status(status),
        ("Priority", { } label) when PriorityByLabel.TryGetValue(label, out var priority) => TicketWords.Priority(priority),
        _ => stored ?? "",
    };

    private string TeamOrNone(string? team) => string.IsNullOrEmpty(team) ? L["NoTeam"] : team;

    /// <summary>A new ticket records its channel; a follow-up records "Follow-up to #N".</summary>
    private string CreatedFrom(string? stored) => stored switch
    {
        { } label when ChannelByLabel.TryGetValue(label, out var channel) => TicketWords.Channel(channel),
        { } text when text.StartsWith(FollowUpPrefix, StringComparison.Ordinal) && int.TryParse(text[FollowUpPrefix.Length..], out var number) =>
            L["EventFollowUpTo", number],
        _ => stored ?? "",
    };

    /// <summary>Edits are recorded as "Reply #N" or "Note #N".</summary>
    private string EditedMessage(string field) => field.Split(" #") switch
    {
        ["Reply", var n] when int.TryParse(n, out var seq) => L["EventReplyNumber", seq],
        ["Note", var n] when int.TryParse(n, out var seq) => L["EventNoteNumber", seq],
        _ => field,
    };

    /// <summary>The reasons the system writes itself, in the agent's words; reasons typed by agents stay as they wrote them.</summary>
    internal string? ReasonOf(TicketChange change) =>
        // A rule's reason is its name, already the actor of the line.
        AutomationHistoryText.IsRule(change) ? null
        : SlaHistoryText.IsSla(change) ? SlaHistoryText.Reason(change, SlaL)
        : change.Reason switch
        {
            "The customer replied" => L["ReasonCustomerReplied"],
            TicketService.CustomerSolvedReason => L["ReasonCustomerSolved"],
            { } macro when macro.StartsWith(Macros.Macro.ReasonPrefix, StringComparison.Ordinal) => L["ReasonMacro", macro[Macros.Macro.ReasonPrefix.Length..]],
            // Routing's reasons ("least loaded; skills: es, billing") are told from their stored parts.
            _ => Routing.RoutingHistoryText.Reason(change.Reason, RoutingL) ?? change.Reason,
        };
}
