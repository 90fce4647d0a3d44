using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Automation;

/// <summary>
/// How a rule's lines read in a ticket's history, in the agent's language: the rule is the actor ("Rule “VIP first”
/// set priority to High"), and its own lines (<see cref="AutomationHistory"/>) say what it did besides.
/// </summary>
public static class AutomationHistoryText
{
    /// <summary>Whether a rule wrote the line.</summary>
    public static bool IsRule(TicketChange change) => change.RuleId is not null;

    /// <summary>The actor's name for a rule's line: "Rule “VIP first”".</summary>
    public static string Actor(TicketChange change, IStringLocalizer<AutomationStrings> L) => L["HistoryActor", change.Reason ?? ""];

    /// <summary>What happened, for <see cref="AutomationHistory.Field"/> lines; null for the rest (property changes read as usual).</summary>
    public static string? Describe(TicketChange change, IStringLocalizer<AutomationStrings> L) =>
        change.Field != AutomationHistory.Field ? null : change.OldValue switch
        {
            AutomationHistory.NoteAdded => L["HistoryNoteAdded"],
            AutomationHistory.Notified => L["HistoryNotified", change.NewValue ?? ""],
            AutomationHistory.LimitReached => L["HistoryLimitReached", change.NewValue ?? ""],
            AutomationHistory.Failed => L["HistoryFailed", change.NewValue ?? ""],
            AutomationHistory.Replied => L["HistoryReplied", change.NewValue ?? ""],
            AutomationHistory.Routed => L["HistoryRouted", change.NewValue ?? ""],
            _ => change.NewValue ?? "",
        };
}
