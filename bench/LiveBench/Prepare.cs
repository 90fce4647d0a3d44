using System.Text.Json;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBench;

/// <summary>What a run needs from its database, written by <see cref="Prepare"/>.</summary>
/// <param name="DeskAgents">Agents in every team but the hidden one, for the screens on widget chats' tickets: routing
/// rules move a new chat into a team after it starts, and a screen on it must still see it (absent in older files).</param>
internal sealed record Prepared(string Password, IReadOnlyList<string> Agents, string AdminKey, string HiddenTeamKey, int HiddenTeamId,
    IReadOnlyList<string>? DeskAgents = null);

/// <summary>
/// Readies a database (a SQLite file or a PostgreSQL database) the app has already opened (migrated, roles seeded: start the app on it first) through the
/// app's own services, as bench/ChatBench/KeyIssuer does: agents agent001..agentNNN@bench.example (InboxBench's
/// generated agents, or new ones spread over the existing teams on the demo database) get one known password and the
/// Agent role; admin@bench.example is an admin; a team nobody belongs to ("LiveBench hidden") holds the tickets no
/// screen may show; desk001..desk021@bench.example belong to every other team (the ticket screens' agents); and two API
/// keys are issued by the admin, one for all tickets and one for that team.
/// </summary>
internal static class Prepare
{
    public const string HiddenTeamName = "LiveBench hidden";
    public const string AdminEmail = "admin@bench.example";
    private const int DeskAgentCount = 21; // --ticket-screens (20) and the Chromium composer

    /// <param name="dbPath">The SQLite file, or null with <paramref name="postgres"/>.</param>
    /// <param name="postgres">An Npgsql connection string: the app runs with Database:Provider=Postgres on it.</param>
    public static async Task<Prepared> RunAsync(string? dbPath, string? postgres, int agentCount, string password)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = postgres is null ? Path.GetDirectoryName(Path.GetFullPath(dbPath!)) : Path.GetTempPath(),
        });
        // The same two settings the app reads, so the app's own data wiring picks the provider.
        builder.Configuration["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres";
        builder.Configuration["ConnectionStrings:Workspace"] = postgres ?? $"Data Source={Path.GetFullPath(dbPath!)}";
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWorkspaceData();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAccount();
        builder.Services.AddSingleton<ApiKeyService>();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (!await db.Roles.AnyAsync(r => r.Name == Roles.Agent))
        {
            throw new InvalidOperationException("The database has no roles yet: start the app on it once (it migrates and seeds roles), then prepare.");
        }
        // One hash for everyone: PBKDF2 is slow on purpose, and each hash carries its own salt, so one verifies for all.
        var hash = users.PasswordHasher.HashPassword(null!, password);
        var teams = await db.Teams.Where(t => t.Name != HiddenTeamName).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();

        var admin = await EnsureAgentAsync(users, db, AdminEmail, "LiveBench Admin", hash, [Roles.Admin, Roles.Agent], teamId: null);
        var desk = new List<string>();
        for (var i = 1; i <= DeskAgentCount; i++)
        {
            var email = $"desk{i:D3}@bench.example";
            var agent = await EnsureAgentAsync(users, db, email, $"Bench Desk {i:D3}", hash, [Roles.Agent], teamId: null);
            var member = await db.TeamMembers.Where(m => m.AgentId == agent.Id).Select(m => m.TeamId).ToListAsync();
            db.TeamMembers.AddRange(teams.Except(member).Select(team => new TeamMember { TeamId = team, AgentId = agent.Id }));
            await db.SaveChangesAsync();
            desk.Add(email);
        }
        var emails = new List<string>();
        for (var i = 1; i <= agentCount; i++)
        {
            var email = $"agent{i:D3}@bench.example";
            await EnsureAgentAsync(users, db, email, $"Bench Agent {i:D3}", hash, [Roles.Agent], teams.Count > 0 ? teams[(i - 1) % teams.Count] : null);
            emails.Add(email);
        }

        var hidden = await db.Teams.FirstOrDefaultAsync(t => t.Name == HiddenTeamName);
        if (hidden is null)
        {
            hidden = new Team { Name = HiddenTeamName, Description = "Tickets no benchmark screen may show (bench/LiveBench)." };
            db.Teams.Add(hidden);
            await db.SaveChangesAsync();
        }
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var adminKey = await keys.CreateAsync(admin.Id, "live benchmark", teamId: null);
        var hiddenKey = await keys.CreateAsync(admin.Id, "live benchmark (hidden team)", hidden.Id);
        if (!adminKey.Succeeded || !hiddenKey.Succeeded)
        {
            throw new InvalidOperationException(adminKey.Error ?? hiddenKey.Error);
        }
        return new Prepared(password, emails, adminKey.Secret!, hiddenKey.Secret!, hidden.Id, desk);
    }

    private static async Task<Agent> EnsureAgentAsync(UserManager<Agent> users, AppDbContext db, string email, string name, string hash, string[] roles, int? teamId)
    {
        var agent = await users.FindByEmailAsync(email);
        if (agent is null)
        {
            agent = new Agent { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
            Check(await users.CreateAsync(agent), email);
            if (teamId is { } team)
            {
                db.TeamMembers.Add(new TeamMember { TeamId = team, AgentId = agent.Id });
                await db.SaveChangesAsync();
            }
        }
        agent.PasswordHash = hash;
        agent.IsActive = true;
        agent.LockoutEnd = null;
        agent.AccessFailedCount = 0;
        agent.SecurityStamp ??= Guid.NewGuid().ToString("N");
        Check(await users.UpdateAsync(agent), email);
        foreach (var role in roles)
        {
            if (!await users.IsInRoleAsync(agent, role))
            {
                Check(await users.AddToRoleAsync(agent, role), email);
            }
        }
        return agent;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(Prepared prepared, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(prepared, Indented));

    public static Prepared Read(string path) =>
        JsonSerializer.Deserialize<Prepared>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
}
