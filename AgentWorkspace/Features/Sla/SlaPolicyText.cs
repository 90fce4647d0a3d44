using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Sla;

/// <summary>A policy summed up in the admin's language, for the list of policies.</summary>
public sealed class SlaPolicyText(IStringLocalizer<SlaStrings> L, SlaChoices choices)
{
    public string Conditions(SlaPolicy p)
    {
        var parts = new List<string>();
        if (p.Priorities.Count > 0) parts.Add(string.Join(", ", p.Priorities.Select(TicketWords.Priority)));
        if (p.Channels.Count > 0) parts.Add(string.Join(", ", p.Channels.Select(TicketWords.Channel)));
        if (p.TeamIds.Count > 0) parts.Add(string.Join(", ", p.TeamIds.Select(Team)));
        if (p.VipCustomers is { } vip) parts.Add(vip ? L["VipOnly"] : L["NonVipOnly"]);
        return parts.Count == 0 ? L["EveryTicket"] : string.Join(" · ", parts);
    }

    public IEnumerable<string> Targets(SlaPolicy p)
    {
        foreach (var kind in Enum.GetValues<SlaTargetKind>())
        {
            if (p.MinutesFor(kind) is { } minutes)
            {
                yield return L["TargetLine", Target(kind), SlaFormat.Duration(minutes), p.BusinessHoursFor(kind) ? L["BusinessHoursShort"] : L["CalendarHoursShort"]];
            }
        }
        if (p.PauseStatuses.Count > 0)
        {
            yield return L["PausedIn", string.Join(", ", p.PauseStatuses.Select(TicketWords.Status))];
        }
        yield return L["WarnAt", p.WarningPercent];
    }

    public string Actions(SlaPolicy p)
    {
        var parts = new List<string>();
        if (p.NotifyAssignee) parts.Add(L["ActionNotifyAssignee"]);
        if (p.NotifyTeam) parts.Add(L["ActionNotifyTeam"]);
        if (p.NotifyAgentId is { } agent) parts.Add(L["ActionNotifyAgent", choices.Agents.FirstOrDefault(a => a.Value == agent)?.Text ?? "?"]);
        if (p.RaisePriority) parts.Add(L["ActionRaisePriority"]);
        if (p.EscalateTeamId is { } team) parts.Add(L["ActionEscalateTeam", Team(team)]);
        if (p.EscalateTier is { } tier) parts.Add(L["ActionEscalateTier", tier]);
        return parts.Count == 0 ? L["ActionNone"] : string.Join(" · ", parts);
    }

    public string Target(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => L["FirstResponse"],
        SlaTargetKind.NextResponse => L["NextResponse"],
        _ => L["Resolution"],
    };

    private string Team(int id) => choices.Teams.FirstOrDefault(t => t.Value == id)?.Text ?? "?";
}
