using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// How statuses, priorities and channels are named to agents, in their language (TicketWords.resx / .es.resx): the
/// same words the widget uses for customers. Static, so list rows rendered as plain markup (no component per row)
/// can name them too. Stored history and the API keep <see cref="TicketLabels"/>' invariant English.
/// </summary>
public sealed class TicketWords
{
    public static string Status(TicketStatus status) => Get($"Status_{status}");

    public static string Priority(TicketPriority priority) => Get($"Priority_{priority}");

    public static string Channel(TicketChannel channel) => Get($"Channel_{channel}");

    /// <summary>A word from TicketWords.resx in the current UI culture.</summary>
    public static string Get(string key) => ResourceText<TicketWords>.Get(key);
}
