using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// The inbox's topics follow the visibility rule (<see cref="AgentScope.CanSee"/>): a change is published to the ticket's
/// team and assignee, before and after it, so it reaches exactly the screens of agents who could see the ticket at
/// either end, and a screen never hears about tickets it can't show.
/// </summary>
public static class InboxTopics
{
    /// <summary>Where <see cref="InboxResync"/> reaches agents' screens (admins hear it on <see cref="Topic.Inbox"/>).</summary>
    public static readonly Topic Resync = new(TopicKind.Inbox, "resync");

    /// <summary>What an agent's inbox follows: everything for admins; otherwise their teams, the unrouted queue and their own tickets.</summary>
    public static IReadOnlyList<Topic> For(AgentScope scope) => scope.IsAdmin
        ? [Topic.Inbox]
        : [.. scope.TeamIds.Select(t => Topic.InboxTeam(t)), Topic.InboxTeam(null), Topic.InboxAssignee(scope.AgentId), Resync];

    /// <summary>Where a change of a ticket in <paramref name="places"/> (team and assignee, before and after) is heard.</summary>
    public static IReadOnlyList<Topic> Of(params ReadOnlySpan<(int? TeamId, string? AssigneeId)> places)
    {
        var topics = new List<Topic>(1 + 2 * places.Length) { Topic.Inbox };
        foreach (var (teamId, assigneeId) in places)
        {
            Add(topics, Topic.InboxTeam(teamId));
            if (assigneeId is not null)
            {
                Add(topics, Topic.InboxAssignee(assigneeId));
            }
        }
        return topics;
    }

    private static void Add(List<Topic> topics, Topic topic)
    {
        if (!topics.Contains(topic))
        {
            topics.Add(topic);
        }
    }
}
