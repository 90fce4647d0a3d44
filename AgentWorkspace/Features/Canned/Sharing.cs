using System.Linq.Expressions;

namespace AgentWorkspace.Features.Canned;

/// <summary>Who may use a canned response or a macro.</summary>
public enum Sharing
{
    /// <summary>Everyone in the workspace.</summary>
    Shared,

    /// <summary>The members of one team.</summary>
    Team,

    /// <summary>Only the agent who wrote it: never listed, shown or applied for anyone else, admins included.</summary>
    Personal,
}

/// <summary>What canned responses and macros share: who they belong to.</summary>
public interface IShareable
{
    Sharing Sharing { get; }
    int? TeamId { get; }
    string? OwnerId { get; }
}

/// <summary>
/// Who is asking, for canned responses and macros: agents manage their personal ones; admins and supervisors
/// (<see cref="IsManager"/>) manage the shared and team ones and see every team's.
/// </summary>
public sealed record SharingActor(string AgentId, bool IsManager, IReadOnlyList<int> TeamIds)
{
    /// <summary>The kinds of sharing this actor may give what they write: managers all three, agents their personal ones.</summary>
    public IReadOnlyList<Sharing> SharingChoices => IsManager ? [Sharing.Personal, Sharing.Team, Sharing.Shared] : [Sharing.Personal];

    public bool CanSee(IShareable item) => item.Sharing switch
    {
        Sharing.Shared => true,
        Sharing.Team => IsManager || (item.TeamId is { } team && TeamIds.Contains(team)),
        Sharing.Personal => item.OwnerId == AgentId,
        _ => false,
    };

    public bool CanManage(IShareable item) => item.Sharing == Sharing.Personal ? item.OwnerId == AgentId : IsManager;
}

/// <summary>The one visibility rule (<see cref="SharingActor.CanSee"/>) as SQL.</summary>
public static class SharingVisibility
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, SharingActor actor) where T : class, IShareable
    {
        var agentId = actor.AgentId;
        var teams = actor.TeamIds.ToArray();
        Expression<Func<T, bool>> rule = actor.IsManager
            ? i => i.Sharing == Sharing.Shared || i.Sharing == Sharing.Team || (i.Sharing == Sharing.Personal && i.OwnerId == agentId)
            : i => i.Sharing == Sharing.Shared || (i.Sharing == Sharing.Team && i.TeamId != null && teams.Contains(i.TeamId.Value))
                || (i.Sharing == Sharing.Personal && i.OwnerId == agentId);
        return items.Where(rule);
    }
}
