using System.Security.Claims;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Canned;

/// <summary>Builds a <see cref="SharingActor"/> for a signed-in agent: supervisors and admins manage shared and team items.</summary>
public sealed class SharingActors(IDbContextFactory<AppDbContext> dbFactory)
{
    public Task<SharingActor> ForAsync(ClaimsPrincipal user) =>
        ForAgentAsync(user.AgentId(), user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor));

    public async Task<SharingActor> ForAgentAsync(string agentId, bool isManager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var teams = await db.TeamMembers.Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync();
        return new SharingActor(agentId, isManager, teams);
    }
}
