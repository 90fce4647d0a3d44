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

    /// <summary>What an agent's inbox follows: everything for admins; otherwise their teams, the unrouted queue and the tickets assigned to or owned by them.</summary>
    public static IReadOnlyList<Topic> For(AgentScope scope) => scope.IsAdmin
        ? [Topic.Inbox]
        : [.. scope.TeamIds.Select(t => Topic.InboxTeam(t)), Topic.InboxTeam(null), Topic.InboxAssignee(scope.AgentId), Resync];

    /// <summary>
    /// Where a change of a ticket in <paramref name="places"/> (team, assignee and owner, before and after) is heard. The
    /// owner hears it on their own agent topic, like the assignee.
    /// </summary>
    public static IReadOnlyList<Topic> Of(params ReadOnlySpan<(int? TeamId, string? AssigneeId, string? OwnerId)> places)
    {
        var topics = new List<Topic>(1 + 3 * places.Length) { Topic.Inbox };
        foreach (var (teamId, assigneeId, ownerId) in places)
        {
            Add(topics, Topic.InboxTeam(teamId));
            if (assigneeId is not null)
            {
                Add(topics, Topic.InboxAssignee(assigneeId));
            }
            if (ownerId is not null)
            {
                Add(topics, Topic.InboxAssignee(ownerId));
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
