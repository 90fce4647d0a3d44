using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// The demo team's routing: who speaks what and knows which product areas, how much each takes at once, both teams
/// assigning automatically (least loaded), and live chats going to Billing &amp; Accounts (the front line, in English and
/// Spanish) when they arrive without a team. E-mail and the other channels keep arriving in the triage queue.
/// </summary>
internal static class DemoRouting
{
    /// <summary>Chats offered to an agent go to the next one after this long without Accept or a reply.</summary>
    public const int AcceptTimeoutSeconds = 90;

    public static void Seed(AppDbContext db, DemoAgents agents, Team billing, Team technical)
    {
        Skills(db, agents.Admin, [("en", 3)], [], tier: 3);
        Skills(db, agents.Ana, [("es", 3), ("en", 2)], [("Billing", 3), ("Payments", 2), ("Account", 2)], tier: 1);
        Skills(db, agents.Ben, [("en", 3)], [("Store builder", 3), ("Orders", 2), ("Shipping", 2), ("Domains", 3), ("Integrations", 3)], tier: 2);
        Skills(db, agents.Rita, [("en", 3)], [("Billing", 2), ("Orders", 2), ("Integrations", 2)], tier: 3);
        Skills(db, agents.Lucas, [("es", 3), ("en", 2)], [("Billing", 2), ("Payments", 3), ("Taxes", 3)], tier: 1);
        foreach (var agent in new[] { agents.Admin, agents.Ana, agents.Ben, agents.Rita, agents.Lucas })
        {
            db.Set<AgentRouting>().Add(new AgentRouting { AgentId = agent.Id, MaxChats = 8, MaxTickets = 25 });
        }
        db.Set<TeamRouting>().AddRange(
            new TeamRouting { TeamId = billing.Id, AutoAssign = true, Method = AssignmentMethod.LeastLoaded, AcceptTimeoutSeconds = AcceptTimeoutSeconds },
            new TeamRouting { TeamId = technical.Id, AutoAssign = true, Method = AssignmentMethod.LeastLoaded, AcceptTimeoutSeconds = AcceptTimeoutSeconds });
        db.Set<DefaultTeamRule>().Add(new DefaultTeamRule { Channel = TicketChannel.Chat, TeamId = billing.Id });
    }

    private static void Skills(AppDbContext db, Agent agent, (string Language, int Level)[] languages, (string Area, int Level)[] areas, int tier)
    {
        db.Set<AgentSkill>().AddRange(languages.Select(l => new AgentSkill { AgentId = agent.Id, Kind = SkillKind.Language, Value = l.Language, Level = l.Level }));
        db.Set<AgentSkill>().AddRange(areas.Select(a => new AgentSkill { AgentId = agent.Id, Kind = SkillKind.Category, Value = a.Area, Level = a.Level }));
        db.Set<AgentSkill>().Add(new AgentSkill { AgentId = agent.Id, Kind = SkillKind.Tier, Value = AgentSkill.TierValue, Level = tier });
    }
}
