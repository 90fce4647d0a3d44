using AgentWorkspace.Features.Agents;
using Microsoft.AspNetCore.Identity;

namespace AgentWorkspace.Data.Seed;

/// <summary>The five demo sign-ins (README and tests rely on these addresses) and their two teams.</summary>
internal sealed record DemoAgents(Agent Admin, Agent Ana, Agent Ben, Agent Rita, Agent Lucas)
{
    public const string BillingTeamName = "Billing & Accounts";
    public const string TechnicalTeamName = "Technical Support";

    public static async Task<DemoAgents> CreateAsync(UserManager<Agent> users, DateTimeOffset now)
    {
        var admin = await CreateAgentAsync(users, "admin@nimbus.test", "Morgan Lee", now.AddDays(-240), [Roles.Admin, Roles.Agent]);
        var ana = await CreateAgentAsync(users, "ana@nimbus.test", "Ana García", now.AddDays(-230), [Roles.Agent, Roles.KbEditor]);
        var ben = await CreateAgentAsync(users, "ben@nimbus.test", "Ben Carter", now.AddDays(-200), [Roles.Agent]);
        var rita = await CreateAgentAsync(users, "rita@nimbus.test", "Rita Okafor", now.AddDays(-190), [Roles.KbReviewer, Roles.Supervisor, Roles.Agent]);
        var lucas = await CreateAgentAsync(users, "lucas@nimbus.test", "Lucas Martín", now.AddDays(-120), [Roles.Agent]);
        return new DemoAgents(admin, ana, ben, rita, lucas);
    }

    public (Team Billing, Team Technical) CreateTeams()
    {
        var billing = new Team
        {
            Name = BillingTeamName,
            Description = "Plans, invoices, refunds, payouts, taxes and account access. Handles English and Spanish.",
            Members = [Member(Ana), Member(Rita), Member(Lucas)],
        };
        var technical = new Team
        {
            Name = TechnicalTeamName,
            Description = "Store builder, orders and shipping, domains and DNS, apps, integrations and the API.",
            Members = [Member(Ben), Member(Rita)],
        };
        return (billing, technical);
    }

    /// <summary>Who works a ticket: Spanish goes to the Spanish speakers, the rest by team, weighted by how much each person covers.</summary>
    public Agent PickFor(string language, bool billingTeam, Random random)
    {
        Agent[] pool = language == "es"
            ? [Ana, Lucas]
            : billingTeam
                ? [Lucas, Lucas, Lucas, Ana, Ana, Rita, Rita, Admin]
                : [Ben, Ben, Ben, Rita, Rita, Admin];
        return pool[random.Next(pool.Length)];
    }

    private static TeamMember Member(Agent agent) => new() { AgentId = agent.Id };

    private static async Task<Agent> CreateAgentAsync(UserManager<Agent> users, string email, string displayName, DateTimeOffset createdAt, string[] roles)
    {
        var agent = new Agent
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = createdAt,
        };
        EnsureSucceeded(await users.CreateAsync(agent, DemoDataSeeder.Password), email, "create");
        EnsureSucceeded(await users.AddToRolesAsync(agent, roles), email, "add roles to");
        return agent;
    }

    private static void EnsureSucceeded(IdentityResult result, string email, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {action} demo agent {email}: {string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}"))}");
        }
    }
}
