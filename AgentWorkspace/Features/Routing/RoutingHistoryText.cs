using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Routing;

/// <summary>
/// Routing's history reasons (<see cref="RoutingReason"/>) in the reading agent's words; null for any other reason
/// (those are shown as stored). Only lines made wholly of known parts are translated, so a reason an agent typed that
/// happens to start like one of ours stays as they wrote it.
/// </summary>
public static class RoutingHistoryText
{
    private static readonly Dictionary<string, TicketChannel> ChannelByLabel = Enum.GetValues<TicketChannel>().ToDictionary(c => c.Label());

    public static string? Reason(string? stored, IStringLocalizer<RoutingStrings> L)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }
        if (stored.StartsWith(RoutingReason.DefaultTeamPrefix, StringComparison.Ordinal))
        {
            return DefaultTeam(stored[RoutingReason.DefaultTeamPrefix.Length..], L);
        }
        var parts = stored.Split(RoutingReason.Separator);
        var told = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (Part(part, L) is not { } text)
            {
                return null;
            }
            told.Add(text);
        }
        return string.Join(L["Separator"].Value, told);
    }

    private static string? Part(string part, IStringLocalizer<RoutingStrings> L) => part switch
    {
        RoutingReason.LeastLoaded => L["ReasonLeastLoaded"].Value,
        RoutingReason.RoundRobin => L["ReasonRoundRobin"].Value,
        RoutingReason.BecameAvailable => L["ReasonBecameAvailable"].Value,
        RoutingReason.HandedBack => L["ReasonHandedBack"].Value,
        RoutingReason.NobodyAvailable => L["ReasonNobodyAvailable"].Value,
        _ when part.StartsWith(RoutingReason.SkillsPrefix, StringComparison.Ordinal) => L["ReasonSkills", part[RoutingReason.SkillsPrefix.Length..]].Value,
        _ when part.StartsWith(RoutingReason.NotAcceptedPrefix, StringComparison.Ordinal) && part.EndsWith(RoutingReason.NotAcceptedSuffix, StringComparison.Ordinal)
            && int.TryParse(part[RoutingReason.NotAcceptedPrefix.Length..^RoutingReason.NotAcceptedSuffix.Length], out var seconds) => L["ReasonNotAccepted", seconds].Value,
        _ => null,
    };

    private static string? DefaultTeam(string rest, IStringLocalizer<RoutingStrings> L)
    {
        if (rest == "any ticket")
        {
            return L["ReasonDefaultTeamAny"].Value;
        }
        var pieces = rest.Split(", ");
        var words = pieces.Select(p => ChannelByLabel.TryGetValue(p, out var channel) ? TicketWords.Channel(channel) : p);
        return L["ReasonDefaultTeam", string.Join(", ", words)].Value;
    }
}
