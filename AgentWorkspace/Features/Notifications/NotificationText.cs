using System.Globalization;
using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Notifications;

/// <summary>
/// A notification's title as a key in NotificationStrings.resx and its arguments: the text is made in the recipient's
/// language when the notification is created (the agent's stored language; English until they choose one).
/// </summary>
public sealed record NotificationText(string Key, params object[] Args)
{
    public string In(string? language)
    {
        var culture = CultureInfo.GetCultureInfo(language is "es" ? "es" : "en");
        // An argument may itself be a text (an SLA target's name): it is made in the same language.
        var args = Args.Select(a => a is NotificationText text ? text.In(language) : a).ToArray();
        return string.Format(culture, ResourceText<NotificationStrings>.Get(Key, culture), args);
    }

    public static NotificationText TicketAssigned(string by, int number) => new(nameof(TicketAssigned), by, number);

    public static NotificationText AssignedAutomatically(int number) => new(nameof(AssignedAutomatically), number);

    public static NotificationText Mentioned(string by, int number) => new(nameof(Mentioned), by, number);

    public static NotificationText MadeOwner(string by, int number) => new(nameof(MadeOwner), by, number);

    public static NotificationText Following(string by, int number) => new(nameof(Following), by, number);

    /// <summary>To the members of the team a ticket was handed off to: it waits in their Unassigned view.</summary>
    public static NotificationText HandedOff(int number, string team) => new(nameof(HandedOff), number, team);

    /// <summary>To the owner and followers; <paramref name="status"/> is <see cref="Status"/>'s text.</summary>
    public static NotificationText StatusChanged(int number, NotificationText status) => new(nameof(StatusChanged), number, status);

    /// <summary>To a team whose auto-assignment found nobody online, with the skills and room for the ticket (once per ticket).</summary>
    public static NotificationText NobodyAvailable(int number) => new(nameof(NobodyAvailable), number);

    public static NotificationText CustomerReplied(int number) => new(nameof(CustomerReplied), number);

    /// <summary>To the team credited with a resolution: its customer rated it 1 or 2 out of 5.</summary>
    public static NotificationText SurveyBadRating(int number, int csat) => new(nameof(SurveyBadRating), number, csat);

    /// <summary>A ticket status's name (its enum name) in the recipient's words.</summary>
    public static NotificationText Status(string status) => new($"Status_{status}");

    public static NotificationText ReviewRequested(string by, string title) => new(nameof(ReviewRequested), by, title);

    public static NotificationText ArticlePublished(string by, string title) => new(nameof(ArticlePublished), by, title);

    public static NotificationText ChangesRequested(string by, string title) => new(nameof(ChangesRequested), by, title);

    /// <summary>An SLA target at its warning share; <paramref name="target"/> is <see cref="SlaTarget"/>'s text.</summary>
    public static NotificationText SlaAtRisk(int number, NotificationText target, DateTimeOffset? due) =>
        due is { } at ? new(nameof(SlaAtRisk), number, target, at.UtcDateTime) : new(nameof(SlaAtRisk) + "Soon", number, target);

    public static NotificationText SlaBreached(int number, NotificationText target, string policy) => new(nameof(SlaBreached), number, target, policy);

    /// <summary>"first response", "next response" or "resolution", by the target kind's name.</summary>
    public static NotificationText SlaTarget(string kind) => new($"SlaTarget_{kind}");

    public static NotificationText WaitingReminder(int number, bool onHold, DateTimeOffset since) =>
        new(onHold ? "ReminderOnHold" : "ReminderWaiting", number, since.UtcDateTime);
}

/// <summary>Marker for NotificationStrings.resx / .es.resx.</summary>
public sealed class NotificationStrings;
