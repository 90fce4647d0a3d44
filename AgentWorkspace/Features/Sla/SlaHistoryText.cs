using System.Text.RegularExpressions;
using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// The SLA's history lines (<see cref="SlaHistory"/>, stored in English like every history line) in the reading agent's
/// words: "applied the SLA policy “Urgent” on the calendar “Madrid office”", "recorded the first response target as
/// breached — policy “Urgent”". The reasons the engine and the admin pages write are recognised and translated; anything
/// else is shown as stored.
/// </summary>
public static partial class SlaHistoryText
{
    private static readonly Dictionary<string, TicketStatus> StatusByLabel = Enum.GetValues<TicketStatus>().ToDictionary(s => s.Label());
    private static readonly Dictionary<string, TicketPriority> PriorityByLabel = Enum.GetValues<TicketPriority>().ToDictionary(p => p.Label());

    /// <summary>Whether the line is one of the SLA's.</summary>
    public static bool IsSla(TicketChange change) =>
        change.Field is SlaHistory.PolicyField or SlaHistory.CalendarField or SlaHistory.ClockField || Target(change.Field) is not null;

    /// <summary>What happened, after the actor's name.</summary>
    public static string Describe(TicketChange change, IStringLocalizer<SlaStrings> L)
    {
        switch (change.Field)
        {
            case SlaHistory.PolicyField:
                return (change.OldValue, change.NewValue) switch
                {
                    (null, { } applied) when change.Reason is { } calendar && !IsKnownReason(calendar) => L["HistoryPolicyAppliedOn", applied, calendar],
                    (null, { } applied) => L["HistoryPolicyApplied", applied],
                    ({ } removed, null) => L["HistoryPolicyRemoved", removed],
                    (var from, var to) => L["HistoryPolicyChanged", from ?? "", to ?? ""],
                };
            case SlaHistory.CalendarField:
                return L["HistoryCalendarChanged", change.OldValue ?? "", change.NewValue ?? ""];
            case SlaHistory.ClockField:
                return change.NewValue == SlaHistory.Paused ? L["HistoryClockPaused"] : L["HistoryClockResumed"];
        }
        var target = TargetName(Target(change.Field)!.Value, L);
        return change.NewValue switch
        {
            SlaHistory.Warned => L["HistoryTargetAtRisk", target],
            SlaHistory.Breached => L["HistoryTargetBreached", target],
            SlaHistory.Met => L["HistoryTargetMet", target],
            SlaHistory.MetLate => L["HistoryTargetMetLate", target],
            SlaHistory.Resumed => L["HistoryTargetRestarted", target],
            _ => $"{target}: {change.NewValue}",
        };
    }

    /// <summary>The line's reason in the agent's words, or null when the description already says it all.</summary>
    public static string? Reason(TicketChange change, IStringLocalizer<SlaStrings> L)
    {
        if (change.Reason is not { } reason)
        {
            return null;
        }
        // A first application stores the calendar where a reason would go; the description names it.
        if (change.Field == SlaHistory.PolicyField && change.OldValue is null && !IsKnownReason(reason))
        {
            return null;
        }
        if (change.Field == SlaHistory.ClockField && PausedIn().Match(reason) is { Success: true } paused
            && StatusByLabel.TryGetValue(paused.Groups["status"].Value, out var status))
        {
            return L["HistoryReasonPausedIn", paused.Groups["policy"].Value, TicketWords.Status(status)];
        }
        if (Reopened().Match(reason) is { Success: true } reopened)
        {
            return L["HistoryReasonReopened", reopened.Groups["policy"].Value, reopened.Groups["spent"].Value, reopened.Groups["target"].Value];
        }
        if (Target(change.Field) is not null || change.Field == SlaHistory.ClockField)
        {
            // Target lines and "resumed" carry the policy's name alone.
            return L["HistoryReasonPolicy", reason];
        }
        return KnownReason(reason, L) ?? reason;
    }

    private static bool IsKnownReason(string reason) =>
        KnownReasonKey(reason) is not null || PriorityChanged().IsMatch(reason) || Edited().IsMatch(reason);

    private static string? KnownReason(string reason, IStringLocalizer<SlaStrings> L)
    {
        if (PriorityChanged().Match(reason) is { Success: true } priority && PriorityByLabel.TryGetValue(priority.Groups["priority"].Value, out var p))
        {
            return L["HistoryReasonPriority", TicketWords.Priority(p)];
        }
        if (Edited().Match(reason) is { Success: true } edited)
        {
            return edited.Groups["what"].Value == "Calendar" ? L["HistoryReasonCalendarEdited", edited.Groups["name"].Value] : L["HistoryReasonPolicyEdited", edited.Groups["name"].Value];
        }
        return KnownReasonKey(reason) is { } key ? L[key].Value : null;
    }

    private static string? KnownReasonKey(string reason) => reason switch
    {
        "Team changed" => "HistoryReasonTeam",
        "The customer became VIP" => "HistoryReasonVip",
        "The customer is no longer VIP" => "HistoryReasonNotVip",
        "Channel changed" => "HistoryReasonChannel",
        "Policies reordered" => "HistoryReasonReordered",
        _ => null,
    };

    private static SlaTargetKind? Target(string field) => Enum.GetValues<SlaTargetKind>().Cast<SlaTargetKind?>().FirstOrDefault(k => SlaHistory.FieldOf(k!.Value) == field);

    private static string TargetName(SlaTargetKind kind, IStringLocalizer<SlaStrings> L) => kind switch
    {
        SlaTargetKind.FirstResponse => L["HistoryTargetFirstResponse"],
        SlaTargetKind.NextResponse => L["HistoryTargetNextResponse"],
        _ => L["HistoryTargetResolution"],
    };

    [GeneratedRegex(@"^(?<policy>.+): (?<status>[A-Za-z ]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PausedIn();

    [GeneratedRegex(@"^(?<policy>.+): reopened, (?<spent>.+) of (?<target>.+) already spent$", RegexOptions.CultureInvariant)]
    private static partial Regex Reopened();

    [GeneratedRegex(@"^Priority changed to (?<priority>\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PriorityChanged();

    [GeneratedRegex(@"^(?<what>Calendar|Policy) (?<name>.+) edited$", RegexOptions.CultureInvariant)]
    private static partial Regex Edited();
}
