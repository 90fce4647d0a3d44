using AgentWorkspace.Features.Agents;

namespace AgentWorkspace.Features.Tickets;

/// <summary>An audit line: who changed which property of a ticket, when, from what to what.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public int TicketId { get; set; }

    public AuthorKind ActorKind { get; set; }
    public string? ActorAgentId { get; set; }
    public Agent? ActorAgent { get; set; }

    /// <summary>The property changed: Status, Priority, Assignee, Team, Tags, Category, Tier, Created...</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>Why, when the change asks for one (escalation).</summary>
    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The automation rule that made the change (its name at the time is the <see cref="Reason"/>); null for people and
    /// the rest of the system. No foreign key: deleting a rule keeps the history it wrote, and rules never react to
    /// lines a rule wrote (loop protection, Features/Automation).
    /// </summary>
    public int? RuleId { get; set; }
}
