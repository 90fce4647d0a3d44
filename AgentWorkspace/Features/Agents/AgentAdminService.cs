using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Agents;

/// <summary>
/// Admin operations on agents and teams. Each returns a result rather than throwing on bad input, with a message in the
/// admin's language (the circuit's culture).
/// </summary>
public sealed class AgentAdminService(
    UserManager<Agent> users,
    IDbContextFactory<AppDbContext> dbFactory,
    WorkspaceNotifier notifier,
    TimeProvider clock,
    IStringLocalizer<AgentsStrings> L)
{
    public const int MaxNameLength = 100;
    public const int MaxTeamDescriptionLength = 500;

    public async Task<IReadOnlyList<AgentRow>> ListAgentsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var agents = await db.Users.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName, a.Email, a.IsActive, a.LockoutEnd })
            .ToListAsync();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync();
        var teams = await db.TeamMembers.Select(m => new { m.AgentId, m.TeamId }).ToListAsync();
        var now = clock.GetUtcNow();
        return agents.Select(a => new AgentRow(
                a.Id, a.DisplayName, a.Email ?? "", a.IsActive, a.LockoutEnd > now,
                roles.Where(r => r.UserId == a.Id).Select(r => r.Name!).Order().ToArray(),
                teams.Where(t => t.AgentId == a.Id).Select(t => t.TeamId).ToArray()))
            .ToList();
    }

    public async Task<IReadOnlyList<Team>> ListTeamsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
    }

    public async Task<AdminResult> CreateAgentAsync(NewAgent input)
    {
        var displayName = TextInput.Line(input.DisplayName, "The display name", MaxNameLength);
        if (!displayName.IsValid)
        {
            return AdminResult.Fail(AdminText.Refusal(L, displayName, L["FieldDisplayName"], MaxNameLength));
        }
        // Checked before the account exists: an agent without a role could sign in to nothing.
        if (!input.Roles.Any(Roles.All.Contains))
        {
            return AdminResult.Fail(L["RoleRequired"]);
        }
        var agent = new Agent
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Value!,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(agent, input.Password);
        if (!created.Succeeded)
        {
            return AdminResult.From(created);
        }
        var result = await SetRolesAndTeamsAsync(agent.Id, input.Roles, input.TeamIds);
        return result.Succeeded ? AdminResult.Ok(agent.Id) : result;
    }

    public async Task<AdminResult> SetRolesAndTeamsAsync(string agentId, IEnumerable<string> roles, IEnumerable<int> teamIds)
    {
        var agent = await users.FindByIdAsync(agentId);
        if (agent is null)
        {
            return AdminResult.Fail(L["AgentGone"]);
        }
        var wanted = roles.Where(Roles.All.Contains).Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return AdminResult.Fail(L["RoleRequired"]);
        }
        var current = await users.GetRolesAsync(agent);
        var removed = await users.RemoveFromRolesAsync(agent, current.Except(wanted));
        if (!removed.Succeeded) return AdminResult.From(removed);
        var added = await users.AddToRolesAsync(agent, wanted.Except(current));
        if (!added.Succeeded) return AdminResult.From(added);

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var validTeams = await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync();
            await db.TeamMembers.Where(m => m.AgentId == agentId).ExecuteDeleteAsync();
            db.TeamMembers.AddRange(validTeams.Select(id => new TeamMember { TeamId = id, AgentId = agentId }));
            await db.SaveChangesAsync();
        }
        // Roles live in the cookie: a new stamp makes the agent's sessions pick up the change.
        await users.UpdateSecurityStampAsync(agent);
        notifier.Publish(new AgentChanged(agentId));
        return AdminResult.Ok(agentId);
    }

    public async Task<AdminResult> SetActiveAsync(string agentId, bool active, string actingAdminId)
    {
        if (agentId == actingAdminId && !active)
        {
            return AdminResult.Fail(L["CannotDeactivateSelf"]);
        }
        var agent = await users.FindByIdAsync(agentId);
        if (agent is null)
        {
            return AdminResult.Fail(L["AgentGone"]);
        }
        agent.IsActive = active;
        var updated = await users.UpdateAsync(agent);
        if (!updated.Succeeded) return AdminResult.From(updated);
        if (!active)
        {
            // Invalidates existing cookies and live circuits at their next validation.
            await users.UpdateSecurityStampAsync(agent);
        }
        else
        {
            await users.SetLockoutEndDateAsync(agent, null);
            await users.ResetAccessFailedCountAsync(agent);
        }
        notifier.Publish(new AgentChanged(agentId));
        return AdminResult.Ok(agentId);
    }

    /// <summary>Lets a locked-out agent sign in again at once rather than after the lockout ends.</summary>
    public async Task<AdminResult> ResetLockoutAsync(string agentId)
    {
        var agent = await users.FindByIdAsync(agentId);
        if (agent is null)
        {
            return AdminResult.Fail(L["AgentGone"]);
        }
        var unlocked = await users.SetLockoutEndDateAsync(agent, null);
        if (!unlocked.Succeeded) return AdminResult.From(unlocked);
        var reset = await users.ResetAccessFailedCountAsync(agent);
        if (!reset.Succeeded) return AdminResult.From(reset);
        notifier.Publish(new AgentChanged(agentId));
        return AdminResult.Ok(agentId);
    }

    public async Task<AdminResult> CreateTeamAsync(string name, string? description)
    {
        var cleanName = TextInput.Line(name, "The team name", MaxNameLength);
        if (!cleanName.IsValid)
        {
            return AdminResult.Fail(AdminText.Refusal(L, cleanName, L["FieldTeamName"], MaxNameLength));
        }
        var cleanDescription = TextInput.Line(description, "The team description", MaxTeamDescriptionLength, required: false);
        if (!cleanDescription.IsValid)
        {
            return AdminResult.Fail(AdminText.Refusal(L, cleanDescription, L["FieldTeamDescription"], MaxTeamDescriptionLength));
        }
        name = cleanName.Value!;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Teams.AnyAsync(t => t.Name == name))
        {
            return AdminResult.Fail(L["TeamExists", name]);
        }
        db.Teams.Add(new Team { Name = name, Description = cleanDescription.Value });
        await db.SaveChangesAsync();
        return AdminResult.Ok(null);
    }
}

public sealed record AgentRow(string Id, string DisplayName, string Email, bool IsActive, bool IsLockedOut, IReadOnlyList<string> Roles, IReadOnlyList<int> TeamIds);

/// <summary>What the "Add an agent" form collects. The page validates it as the admin types; Identity and the text policy decide.</summary>
public sealed class NewAgent
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public IEnumerable<string> Roles { get; set; } = [Agents.Roles.Agent];
    public IEnumerable<int> TeamIds { get; set; } = [];
}

public sealed record AdminResult(bool Succeeded, string? Error, string? AgentId)
{
    public static AdminResult Ok(string? agentId) => new(true, null, agentId);
    public static AdminResult Fail(string error) => new(false, error, null);
    /// <summary>Identity's errors, worded by the workspace's describer; one sentence once (a duplicate user name is a duplicate email here).</summary>
    public static AdminResult From(IdentityResult result) =>
        new(false, string.Join(" ", result.Errors.Select(e => e.Description).Distinct()), null);
}
