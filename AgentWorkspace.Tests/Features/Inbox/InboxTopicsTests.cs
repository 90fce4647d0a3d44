using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The inbox's topics follow the queue rule exactly: a change reaches an agent's screen iff the ticket was in their queues before or after it.</summary>
public sealed class InboxTopicsTests
{
    [Fact]
    public void AChange_ReachesAnAgent_ExactlyWhenTheyCouldSeeTheTicketBeforeOrAfter()
    {
        int?[] teams = [null, 1, 2, 3];
        string?[] assignees = [null, "ana", "ben"];
        string?[] owners = [null, "ana", "cy"];
        AgentScope[] scopes =
        [
            new("ana", false, [1]), new("ben", false, [2, 3]), new("cy", false, []), new("admin", true, []),
        ];
        var places = teams.SelectMany(t => assignees.SelectMany(a => owners.Select(o => (TeamId: t, AssigneeId: a, OwnerId: o)))).ToList();
        foreach (var scope in scopes)
        {
            var followed = InboxTopics.For(scope);
            foreach (var before in places)
            {
                foreach (var after in places)
                {
                    var reached = InboxTopics.Of(after, before).Intersect(followed).Any();
                    var couldSee = scope.InQueues(before.TeamId, before.AssigneeId, before.OwnerId) || scope.InQueues(after.TeamId, after.AssigneeId, after.OwnerId);
                    reached.ShouldBe(couldSee, $"{scope.AgentId}: {before} → {after}");
                }
            }
        }
    }
}
