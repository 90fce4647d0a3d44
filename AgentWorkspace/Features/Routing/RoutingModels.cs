using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Routing;

public enum SkillKind
{
    /// <summary>A language the agent answers in ("en", "es"): a ticket needs its language.</summary>
    Language,

    /// <summary>A product area (a ticket Category value): needed when the team requires category skills.</summary>
    Category,

    /// <summary>The highest support tier the agent works (the skill's value is "tier", its level 1–3).</summary>
    Tier,
}

/// <summary>What an agent can take: one language, product area or tier, with a level from 1 (basic) to 3 (expert).</summary>
public sealed class AgentSkill
{
    public required string AgentId { get; set; }
    public SkillKind Kind { get; set; }
    public required string Value { get; set; }
    public int Level { get; set; } = 1;

    public const int MinLevel = 1;
    public const int MaxLevel = 3;
    public const int MaxValueLength = MessageLimits.MaxCategoryLength;
    public const string TierValue = "tier";
}

/// <summary>How much an agent takes at once, and their turn for round-robin fairness.</summary>
public sealed class AgentRouting
{
    public const int DefaultMaxChats = 3;
    public const int DefaultMaxTickets = 20;
    public const int MaxLimit = 100;

    public required string AgentId { get; set; }

    /// <summary>Open chats (Chat tickets neither resolved nor closed) assigned to the agent at once.</summary>
    public int MaxChats { get; set; } = DefaultMaxChats;

    /// <summary>Other open tickets (e-mail, web form, API, phone...) assigned to the agent at once.</summary>
    public int MaxTickets { get; set; } = DefaultMaxTickets;

    /// <summary>
    /// When the agent last got a ticket automatically, as a turn number (one higher than the latest anyone got): the
    /// lowest turn goes first on a tie. A counter, not a time, so two assignments in the same instant still order.
    /// </summary>
    public long LastTurn { get; set; }
}

public enum AssignmentMethod
{
    /// <summary>The agent with the fewest open tickets of the kind (chats or others); ties by round robin.</summary>
    LeastLoaded,

    /// <summary>The agent who least recently got a ticket, whatever their load (still under capacity).</summary>
    RoundRobin,
}

/// <summary>A team's routing settings. A team without a row does not assign automatically.</summary>
public sealed class TeamRouting
{
    public int TeamId { get; set; }
    public bool AutoAssign { get; set; }
    public AssignmentMethod Method { get; set; } = AssignmentMethod.LeastLoaded;

    /// <summary>Agents need a Category skill matching the ticket's category (tickets without one match anyone).</summary>
    public bool RequireCategorySkill { get; set; }

    /// <summary>A chat offered to an agent who neither accepts nor replies in this many seconds goes to the next agent; 0: never.</summary>
    public int AcceptTimeoutSeconds { get; set; } = 60;

    public const int MaxAcceptTimeoutSeconds = 3600;
}

/// <summary>
/// Where an inbound ticket without a team goes: by channel and/or language. The most specific rule wins (channel and
/// language, then channel, then language, then the catch-all with neither).
/// </summary>
public sealed class DefaultTeamRule
{
    public int Id { get; set; }
    public TicketChannel? Channel { get; set; }
    public string? Language { get; set; }
    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;
}

/// <summary>Routing's memory of one ticket: the pending offer, agents who let it time out, whether the team was alerted.</summary>
public sealed class TicketRouting
{
    public int TicketId { get; set; }

    /// <summary>The agent the ticket was last assigned to automatically, and when.</summary>
    public string? OfferedTo { get; set; }
    public DateTimeOffset? OfferedAt { get; set; }

    /// <summary>Set when the agent pressed Accept or replied; a chat's acceptance timer then stops.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Agents who let an offer of this ticket time out, comma-separated: they are not offered it again.</summary>
    public string? Skipped { get; set; }

    /// <summary>When the team was told nobody could take it (once per ticket).</summary>
    public DateTimeOffset? AlertedAt { get; set; }

    public IEnumerable<string> SkippedIds => Skipped?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

internal sealed class RoutingConfiguration :
    IEntityTypeConfiguration<AgentSkill>, IEntityTypeConfiguration<AgentRouting>, IEntityTypeConfiguration<TeamRouting>,
    IEntityTypeConfiguration<DefaultTeamRule>, IEntityTypeConfiguration<TicketRouting>
{
    public void Configure(EntityTypeBuilder<AgentSkill> skill)
    {
        skill.ToTable("AgentSkills");
        skill.HasKey(s => new { s.AgentId, s.Kind, s.Value });
        skill.Property(s => s.Value).HasMaxLength(AgentSkill.MaxValueLength);
        skill.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AgentRouting> routing)
    {
        routing.ToTable("AgentRouting");
        routing.HasKey(r => r.AgentId);
        routing.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TeamRouting> routing)
    {
        routing.ToTable("TeamRouting");
        routing.HasKey(r => r.TeamId);
        routing.HasOne<Team>().WithOne().HasForeignKey<TeamRouting>(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DefaultTeamRule> rule)
    {
        rule.ToTable("DefaultTeamRules");
        rule.Property(r => r.Language).HasMaxLength(8);
        rule.HasIndex(r => new { r.Channel, r.Language }).IsUnique();
        rule.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TicketRouting> routing)
    {
        routing.ToTable("TicketRouting");
        routing.HasKey(r => r.TicketId);
        routing.Property(r => r.OfferedTo).HasMaxLength(450);
        routing.Property(r => r.Skipped).HasMaxLength(4000);
        routing.HasOne<Ticket>().WithOne().HasForeignKey<TicketRouting>(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
