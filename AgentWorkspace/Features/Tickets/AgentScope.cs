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
    /// <summary>The same rule as <see cref="AgentScope.CanSee"/>, as SQL: every ticket query starts here.</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, AgentScope scope)
    {
        if (scope.IsAdmin)
        {
            return tickets;
        }
        var teams = scope.TeamIds.ToArray();
        return tickets.Where(t => t.AssigneeId == scope.AgentId || t.TeamId == null || teams.Contains(t.TeamId.Value));
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
