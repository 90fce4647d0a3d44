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
        return string.Format(culture, ResourceText<NotificationStrings>.Get(Key, culture), Args);
    }

    public static NotificationText TicketAssigned(string by, int number) => new(nameof(TicketAssigned), by, number);

    public static NotificationText Mentioned(string by, int number) => new(nameof(Mentioned), by, number);

    public static NotificationText ReviewRequested(string by, string title) => new(nameof(ReviewRequested), by, title);

    public static NotificationText ArticlePublished(string by, string title) => new(nameof(ArticlePublished), by, title);

    public static NotificationText ChangesRequested(string by, string title) => new(nameof(ChangesRequested), by, title);
}

/// <summary>Marker for NotificationStrings.resx / .es.resx.</summary>
public sealed class NotificationStrings;
