using System.Security.Claims;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>Who is asking, and so which tickets they may see: the input of every ticket query and command.</summary>
public sealed record AgentScope(string AgentId, bool IsAdmin, IReadOnlyList<int> TeamIds)
{
    /// <summary>
    /// The tickets in the agent's queues: admins have every ticket; agents their teams' tickets, the tickets assigned to
    /// them or owned by them (an owner keeps a ticket handed off to another team), and the shared triage queue of tickets
    /// no team owns yet (otherwise a new unrouted ticket would be invisible to all). The inbox lists these.
    /// </summary>
    public bool InQueues(int? teamId, string? assigneeId, string? ownerId) =>
        IsAdmin || assigneeId == AgentId || ownerId == AgentId || teamId is null || TeamIds.Contains(teamId.Value);

    /// <summary>
    /// Whether the agent may open the ticket: it is in their queues (<see cref="InQueues"/>), or they follow it. Following
    /// grants access, not a place in the inbox's views: a followed ticket reaches its follower by notification and link.
    /// </summary>
    public bool CanSee(int? teamId, string? assigneeId, string? ownerId, bool follows) => follows || InQueues(teamId, assigneeId, ownerId);
}

public static class TicketVisibility
{
    private const int NoTeam = -1;

    /// <summary>The same rule as <see cref="AgentScope.CanSee"/>, as SQL: every ticket read and command starts here.</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, AgentScope scope)
    {
        if (scope.IsAdmin)
        {
            return tickets;
        }
        var teams = Teams(scope);
        var agentId = scope.AgentId;
        // The follower test is one primary-key probe, evaluated only for rows the cheaper terms reject.
        return tickets.Where(t => teams.Contains(t.TeamId ?? NoTeam) || t.AssigneeId == agentId || t.OwnerId == agentId
            || t.Followers.Any(f => f.AgentId == agentId));
    }

    /// <summary>The same rule as <see cref="AgentScope.InQueues"/>, as SQL: what the inbox's lists and counts start from.</summary>
    public static IQueryable<Ticket> InQueuesOf(this IQueryable<Ticket> tickets, AgentScope scope)
    {
        if (scope.IsAdmin)
        {
            return tickets;
        }
        // -1 stands for "no team". Written through COALESCE on purpose: SQLite then cannot turn this OR into a
        // union of index lookups, and instead walks the view's sort index and filters, which keeps the first
        // page cheap at a million tickets (see docs/BENCHMARKS.md). The walked indexes carry TeamId, AssigneeId
        // and OwnerId, so rows of other teams are rejected without reading the table.
        var teams = Teams(scope);
        var agentId = scope.AgentId;
        return tickets.Where(t => teams.Contains(t.TeamId ?? NoTeam) || t.AssigneeId == agentId || t.OwnerId == agentId);
    }

    private static int[] Teams(AgentScope scope) => scope.TeamIds.Append(NoTeam).ToArray();
}

/// <summary>Builds an <see cref="AgentScope"/> from a signed-in principal (team membership read from the database).</summary>
public sealed class AgentScopeResolver(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<AgentScope> ResolveAsync(ClaimsPrincipal user)
    {
        var agentId = user.AgentId();
        return await ForAgentAsync(agentId, user.IsInRole(Roles.Admin));
    }

    public async Task<AgentScope> ForAgentAsync(string agentId, bool isAdmin)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var teams = await db.TeamMembers.Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync();
        return new AgentScope(agentId, isAdmin, teams);
    }
}
