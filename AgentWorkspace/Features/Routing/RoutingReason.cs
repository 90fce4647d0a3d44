using System.Globalization;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Routing;

/// <summary>
/// The reasons routing writes into a ticket's history, in invariant English like every history line (the API and the
/// audit read them as stored), built from fixed parts joined by "; " so <see cref="RoutingHistoryText"/> can tell them
/// in the reading agent's language: "least loaded; skills: es, billing", "not accepted within 30 s; round robin;
/// skills: en", "default team for Chat, es".
/// </summary>
public static class RoutingReason
{
    public const string Separator = "; ";
    public const string LeastLoaded = "least loaded";
    public const string RoundRobin = "round robin";
    public const string BecameAvailable = "agent became available, oldest waiting";
    public const string HandedBack = "handed back";
    public const string NobodyAvailable = "nobody else available";
    public const string SkillsPrefix = "skills: ";
    public const string NotAcceptedPrefix = "not accepted within ";
    public const string NotAcceptedSuffix = " s";
    public const string DefaultTeamPrefix = "default team for ";

    public static string Method(AssignmentMethod method) => method == AssignmentMethod.RoundRobin ? RoundRobin : LeastLoaded;

    public static string Skills(IEnumerable<string> skills) => SkillsPrefix + string.Join(", ", skills);

    public static string NotAccepted(int seconds) => NotAcceptedPrefix + seconds.ToString(CultureInfo.InvariantCulture) + NotAcceptedSuffix;

    public static string Join(params IEnumerable<string?> parts) => string.Join(Separator, parts.OfType<string>());

    /// <summary>"default team for Chat, es", "default team for Chat", "default team for es", "default team for any ticket".</summary>
    public static string DefaultTeam(TicketChannel? channel, string? language) =>
        DefaultTeamPrefix + (channel, language) switch
        {
            ({ } c, { } l) => $"{c.Label()}, {l}",
            ({ } c, null) => c.Label(),
            (null, { } l) => l,
            _ => "any ticket",
        };
}
