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
    /// Admins see every ticket. Agents see their teams' tickets, tickets assigned to them, and the shared
    /// triage queue of tickets no team owns yet (otherwise a new unrouted ticket would be invisible to all).
    /// </summary>
    public bool CanSee(int? teamId, string? assigneeId) =>
        IsAdmin || assigneeId == AgentId || teamId is null || TeamIds.Contains(teamId.Value);
}

public static class TicketVisibility
{
    private const int NoTeam = -1;

    /// <summary>The same rule as <see cref="AgentScope.CanSee"/>, as SQL: every ticket query starts here.</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, AgentScope scope)
    {
        if (scope.IsAdmin)
        {
            return tickets;
        }
        // -1 stands for "no team". Written through COALESCE on purpose: SQLite then cannot turn this OR into a
        // union of index lookups, and instead walks the view's sort index and filters, which keeps the first
        // page cheap at a million tickets (see docs/BENCHMARKS.md).
        var teams = scope.TeamIds.Append(NoTeam).ToArray();
        var agentId = scope.AgentId;
        return tickets.Where(t => teams.Contains(t.TeamId ?? NoTeam) || t.AssigneeId == agentId);
    }
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
