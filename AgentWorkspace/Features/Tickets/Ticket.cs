using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;

namespace AgentWorkspace.Features.Tickets;

/// <summary>A conversation with a customer, followed by a human number such as #1001.</summary>
public sealed class Ticket : IVersioned
{
    public int Id { get; set; }

    /// <summary>The number customers and agents quote; allocated from a counter, never reused.</summary>
    public int Number { get; set; }

    public required string Subject { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    public TicketChannel Channel { get; set; }
    public string? Category { get; set; }

    /// <summary>"en" or "es".</summary>
    public string Language { get; set; } = "en";

    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;

    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    public string? AssigneeId { get; set; }
    public Agent? Assignee { get; set; }

    /// <summary>
    /// The agent responsible for the ticket, whoever is working it: keeps seeing it after a hand-off to another team and is
    /// told of customer replies and status changes. Set to the first agent assigned or to reply when there is none yet.
    /// </summary>
    public string? OwnerId { get; set; }
    public Agent? Owner { get; set; }

    /// <summary>Support tier (1 = front line); escalation raises it or moves the team.</summary>
    public int Tier { get; set; } = 1;

    /// <summary>A message on a closed ticket opens a follow-up linked to it.</summary>
    public int? FollowUpOfId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Time of the latest message of any kind; the inbox's default sort.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Set while the latest public message is the customer's: how long they have waited.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Highest message sequence number issued on this ticket.</summary>
    public int LastMessageSeq { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The inbox's "due soonest" key, kept by the SLA engine: the UTC ticks of the next running target's due instant
    /// (<see cref="Sla.SlaState.RunningDueAt"/>), <see cref="long.MaxValue"/> while none runs (no policy, all met, paused,
    /// stopped). Lives on the ticket, not only in SlaStates, so the sort walks one index at a million tickets.
    /// </summary>
    public long SlaDueKey { get; set; } = long.MaxValue;

    /// <summary>From when the ticket belongs in "Breaching soon" (<see cref="Sla.SlaState.AttentionAt"/>); null while no target runs.</summary>
    public DateTimeOffset? SlaAttentionAt { get; set; }

    public List<TicketTag> Tags { get; set; } = [];
    public List<Message> Messages { get; set; } = [];
    public List<TicketEvent> Events { get; set; } = [];

    /// <summary>Agents who asked (or were asked) to follow the ticket: they may open it and are told of its changes.</summary>
    public List<TicketFollower> Followers { get; set; } = [];

    public string Reference => $"#{Number}";
}

public sealed class TicketTag
{
    public int TicketId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>An agent following a ticket: they see it (also outside their teams) and are notified of it.</summary>
public sealed class TicketFollower
{
    public int TicketId { get; set; }
    public required string AgentId { get; set; }
    public Agent Agent { get; set; } = null!;
    public DateTimeOffset AddedAt { get; set; }
}
