using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Sla;

public enum SlaTargetKind
{
    FirstResponse,
    NextResponse,
    Resolution,
}

/// <summary>
/// Service levels promised to the tickets it matches. Policies are ordered (<see cref="Position"/>): a ticket gets the
/// first enabled one whose conditions all hold (an empty condition holds for every ticket).
/// </summary>
public sealed class SlaPolicy
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool IsEnabled { get; set; } = true;

    // Conditions.
    public List<TicketPriority> Priorities { get; set; } = [];
    public List<TicketChannel> Channels { get; set; } = [];
    public List<int> TeamIds { get; set; } = [];

    /// <summary>True: VIP customers only; false: everyone but VIPs; null: any customer.</summary>
    public bool? VipCustomers { get; set; }

    // Targets, in minutes (null: no target of that kind), each in business hours (the team's calendar) or calendar hours.
    public int? FirstResponseMinutes { get; set; }
    public bool FirstResponseBusinessHours { get; set; } = true;
    public int? NextResponseMinutes { get; set; }
    public bool NextResponseBusinessHours { get; set; } = true;
    public int? ResolutionMinutes { get; set; }
    public bool ResolutionBusinessHours { get; set; } = true;

    /// <summary>Statuses that stop the clock while a ticket is in them (Resolved and Closed always stop it).</summary>
    public List<TicketStatus> PauseStatuses { get; set; } = [TicketStatus.WaitingOnCustomer];

    /// <summary>At this share of a target (e.g. 75 %), the ticket is at risk: a warning goes to the assignee.</summary>
    public int WarningPercent { get; set; } = 75;

    // What happens when a target is breached.
    public bool NotifyAssignee { get; set; } = true;
    public bool NotifyTeam { get; set; }

    /// <summary>A supervisor to tell, whoever is assigned.</summary>
    public string? NotifyAgentId { get; set; }

    /// <summary>One step up (Low to Normal ... High to Urgent).</summary>
    public bool RaisePriority { get; set; }
    public int? EscalateTeamId { get; set; }
    public int? EscalateTier { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Matches(TicketPriority priority, TicketChannel channel, int? teamId, bool isVip) =>
        IsEnabled
        && (Priorities.Count == 0 || Priorities.Contains(priority))
        && (Channels.Count == 0 || Channels.Contains(channel))
        && (TeamIds.Count == 0 || (teamId is { } team && TeamIds.Contains(team)))
        && (VipCustomers is not { } vip || vip == isVip);

    public int? MinutesFor(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponseMinutes,
        SlaTargetKind.NextResponse => NextResponseMinutes,
        _ => ResolutionMinutes,
    };

    public bool BusinessHoursFor(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponseBusinessHours,
        SlaTargetKind.NextResponse => NextResponseBusinessHours,
        _ => ResolutionBusinessHours,
    };
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> policy)
    {
        policy.Property(p => p.Name).HasMaxLength(SlaPolicyRules.MaxNameLength);
        policy.HasIndex(p => p.Name).IsUnique();
        policy.Property(p => p.NotifyAgentId).HasMaxLength(450);
        policy.HasIndex(p => p.Position);
    }
}
