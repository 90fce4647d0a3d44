using AgentWorkspace.Features.Agents;

namespace AgentWorkspace.Features.Customers;

/// <summary>An audit line of a customer record: who changed which field, when, from what to what (or a merge).</summary>
public sealed class CustomerEvent
{
    public const int MaxValueLength = 300;

    public long Id { get; set; }
    public int CustomerId { get; set; }

    /// <summary>Null when the workspace itself made the change.</summary>
    public string? ActorAgentId { get; set; }
    public Agent? ActorAgent { get; set; }

    /// <summary>Name, Email, Phone, Company, Language, VIP, Notes, Created, Merged.</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
