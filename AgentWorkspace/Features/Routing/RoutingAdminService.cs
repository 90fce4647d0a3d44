using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Routing;

/// <summary>One skill as the editor shows it.</summary>
public sealed record SkillInput(SkillKind Kind, string Value, int Level);

/// <summary>An agent's routing profile: skills and capacity.</summary>
public sealed record RoutingProfile(string AgentId, string DisplayName, IReadOnlyList<SkillInput> Skills, int MaxChats, int MaxTickets);

public sealed record TeamRoutingRow(int TeamId, string TeamName, bool AutoAssign, AssignmentMethod Method, bool RequireCategorySkill, int AcceptTimeoutSeconds);

public sealed record DefaultTeamRow(int Id, TicketChannel? Channel, string? Language, int TeamId, string TeamName);

/// <summary>What admins set for routing: agents' skills and capacities, teams' assignment settings, default teams.</summary>
public sealed class RoutingAdminService(IDbContextFactory<AppDbContext> dbFactory, RoutingEngine engine)
{
    public static readonly string[] Languages = ["en", "es"];

    public async Task<IReadOnlyList<RoutingProfile>> ProfilesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var agents = await db.Users.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName }).ToListAsync();
        var skills = (await db.Set<AgentSkill>().AsNoTracking().ToListAsync()).ToLookup(s => s.AgentId);
        var capacities = await db.Set<AgentRouting>().AsNoTracking().ToDictionaryAsync(r => r.AgentId);
        return agents.Select(a => Profile(a.Id, a.DisplayName, skills[a.Id], capacities.GetValueOrDefault(a.Id))).ToList();
    }

    public async Task<RoutingProfile?> ProfileAsync(string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var name = await db.Users.Where(a => a.Id == agentId).Select(a => a.DisplayName).FirstOrDefaultAsync();
        if (name is null)
        {
            return null;
        }
        var skills = await db.Set<AgentSkill>().AsNoTracking().Where(s => s.AgentId == agentId).ToListAsync();
        var capacity = await db.Set<AgentRouting>().AsNoTracking().FirstOrDefaultAsync(r => r.AgentId == agentId);
        return Profile(agentId, name, skills, capacity);
    }

    private static RoutingProfile Profile(string id, string name, IEnumerable<AgentSkill> skills, AgentRouting? capacity) =>
        new(id, name,
            skills.OrderBy(s => s.Kind).ThenBy(s => s.Value, StringComparer.Ordinal).Select(s => new SkillInput(s.Kind, s.Value, s.Level)).ToList(),
            capacity?.MaxChats ?? AgentRouting.DefaultMaxChats, capacity?.MaxTickets ?? AgentRouting.DefaultMaxTickets);

    /// <summary>Replaces the agent's skills and capacity; returns why not (nothing is saved then), or null.</summary>
    public async Task<string?> SaveProfileAsync(string agentId, IReadOnlyList<SkillInput> skills, int maxChats, int maxTickets)
    {
        if (maxChats is < 0 or > AgentRouting.MaxLimit || maxTickets is < 0 or > AgentRouting.MaxLimit)
        {
            return $"Capacities are whole numbers from 0 to {AgentRouting.MaxLimit}.";
        }
        var cleaned = new List<AgentSkill>();
        foreach (var skill in skills)
        {
            if (skill.Level is < AgentSkill.MinLevel or > AgentSkill.MaxLevel)
            {
                return $"A skill's level is {AgentSkill.MinLevel} to {AgentSkill.MaxLevel}.";
            }
            string value;
            switch (skill.Kind)
            {
                case SkillKind.Language:
                    value = (skill.Value ?? "").Trim().ToLowerInvariant();
                    if (!Languages.Contains(value))
                    {
                        return $"A language skill is one of: {string.Join(", ", Languages)}.";
                    }
                    break;
                case SkillKind.Tier:
                    value = AgentSkill.TierValue;
                    break;
                default:
                    var line = TextInput.Line(skill.Value, "A product area", AgentSkill.MaxValueLength);
                    if (!line.IsValid)
                    {
                        return line.Error;
                    }
                    value = line.Value!;
                    break;
            }
            if (cleaned.Any(c => c.Kind == skill.Kind && string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase)))
            {
                return $"The skill \"{value}\" is listed twice.";
            }
            cleaned.Add(new AgentSkill { AgentId = agentId, Kind = skill.Kind, Value = value, Level = skill.Level });
        }
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (!await db.Users.AnyAsync(a => a.Id == agentId))
            {
                return "That agent does not exist.";
            }
            db.Set<AgentSkill>().RemoveRange(await db.Set<AgentSkill>().Where(s => s.AgentId == agentId).ToListAsync());
            db.Set<AgentSkill>().AddRange(cleaned);
            var capacity = await db.Set<AgentRouting>().FirstOrDefaultAsync(r => r.AgentId == agentId)
                ?? db.Set<AgentRouting>().Add(new AgentRouting { AgentId = agentId }).Entity;
            capacity.MaxChats = maxChats;
            capacity.MaxTickets = maxTickets;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        // New skills or more room may match tickets that wait.
        await engine.FillAsync(agentId);
        return null;
    }

    /// <summary>The ticket categories in use, for the product-area choices (admins may still type a new one).</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var fromTickets = await db.Tickets.Where(t => t.Category != null).Select(t => t.Category!).Distinct().Take(500).ToListAsync();
        var fromSkills = await db.Set<AgentSkill>().Where(s => s.Kind == SkillKind.Category).Select(s => s.Value).Distinct().ToListAsync();
        return fromTickets.Concat(fromSkills).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<TeamRoutingRow>> TeamsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var settings = await db.Set<TeamRouting>().AsNoTracking().ToDictionaryAsync(r => r.TeamId);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        return teams.Select(t => settings.GetValueOrDefault(t.Id) is { } s
                ? new TeamRoutingRow(t.Id, t.Name, s.AutoAssign, s.Method, s.RequireCategorySkill, s.AcceptTimeoutSeconds)
                : new TeamRoutingRow(t.Id, t.Name, false, AssignmentMethod.LeastLoaded, false, new TeamRouting().AcceptTimeoutSeconds))
            .ToList();
    }

    public async Task<string?> SaveTeamAsync(TeamRoutingRow row)
    {
        if (row.AcceptTimeoutSeconds is < 0 or > TeamRouting.MaxAcceptTimeoutSeconds)
        {
            return $"The acceptance time is 0 (no limit) to {TeamRouting.MaxAcceptTimeoutSeconds} seconds.";
        }
        List<string> members;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (!await db.Teams.AnyAsync(t => t.Id == row.TeamId))
            {
                return "That team does not exist.";
            }
            var settings = await db.Set<TeamRouting>().FirstOrDefaultAsync(r => r.TeamId == row.TeamId)
                ?? db.Set<TeamRouting>().Add(new TeamRouting { TeamId = row.TeamId }).Entity;
            settings.AutoAssign = row.AutoAssign;
            settings.Method = row.Method;
            settings.RequireCategorySkill = row.RequireCategorySkill;
            settings.AcceptTimeoutSeconds = row.AcceptTimeoutSeconds;
            await db.SaveChangesAsync();
            members = await db.TeamMembers.Where(m => m.TeamId == row.TeamId).Select(m => m.AgentId).ToListAsync();
        }
        if (row.AutoAssign)
        {
            // Switched on: what waits in the team goes to whoever is online now.
            foreach (var member in members)
            {
                await engine.FillAsync(member);
            }
        }
        return null;
    }

    public async Task<IReadOnlyList<DefaultTeamRow>> DefaultTeamsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rules = await db.Set<DefaultTeamRule>().AsNoTracking().Select(r => new DefaultTeamRow(r.Id, r.Channel, r.Language, r.TeamId, r.Team.Name)).ToListAsync();
        return rules.OrderBy(r => r.Channel is null).ThenBy(r => r.Channel).ThenBy(r => r.Language is null).ThenBy(r => r.Language, StringComparer.Ordinal).ToList();
    }

    public async Task<string?> AddDefaultTeamAsync(TicketChannel? channel, string? language, int teamId)
    {
        if (language is not null && !Languages.Contains(language))
        {
            return $"The language is one of: {string.Join(", ", Languages)}, or any.";
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await db.Teams.AnyAsync(t => t.Id == teamId))
        {
            return "That team does not exist.";
        }
        if (await db.Set<DefaultTeamRule>().AnyAsync(r => r.Channel == channel && r.Language == language))
        {
            return "There is already a default team for that channel and language; remove it first.";
        }
        db.Set<DefaultTeamRule>().Add(new DefaultTeamRule { Channel = channel, Language = language, TeamId = teamId });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    public async Task RemoveDefaultTeamAsync(int ruleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<DefaultTeamRule>().Where(r => r.Id == ruleId).ExecuteDeleteAsync();
    }
}
