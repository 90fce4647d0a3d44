using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The inbox's topics follow the visibility rule exactly: a change reaches an agent's screen iff they could see the ticket before or after it.</summary>
public sealed class InboxTopicsTests
{
    [Fact]
    public void AChange_ReachesAnAgent_ExactlyWhenTheyCouldSeeTheTicketBeforeOrAfter()
    {
        int?[] teams = [null, 1, 2, 3];
        string?[] assignees = [null, "ana", "ben"];
        AgentScope[] scopes =
        [
            new("ana", false, [1]), new("ben", false, [2, 3]), new("cy", false, []), new("admin", true, []),
        ];
        var places = teams.SelectMany(t => assignees.Select(a => (TeamId: t, AssigneeId: a))).ToList();
        foreach (var scope in scopes)
        {
            var followed = InboxTopics.For(scope);
            foreach (var before in places)
            {
                foreach (var after in places)
                {
                    var reached = InboxTopics.Of(after, before).Intersect(followed).Any();
                    var couldSee = scope.CanSee(before.TeamId, before.AssigneeId) || scope.CanSee(after.TeamId, after.AssigneeId);
                    reached.ShouldBe(couldSee, $"{scope.AgentId}: {before} → {after}");
                }
            }
        }
    }
}
