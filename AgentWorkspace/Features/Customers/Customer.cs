using AgentWorkspace.Data;

namespace AgentWorkspace.Features.Customers;

/// <summary>A contact: the person on the other side of tickets, across channels.</summary>
public sealed class Customer : IVersioned
{
    private string? email;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The address as the customer first gave it; null when they gave none (never blank).</summary>
    public string? Email
    {
        get => email;
        set
        {
            email = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            NormalizedEmail = CustomerEmail.Normalize(email);
        }
    }

    /// <summary>What customers are matched on (<see cref="CustomerEmail.Normalize"/>); kept in step with <see cref="Email"/>.</summary>
    public string? NormalizedEmail { get; private set; }

    public string? Phone { get; set; }
    public string? Company { get; set; }

    /// <summary>"en" or "es": the language the customer writes in.</summary>
    public string Language { get; set; } = "en";

    /// <summary>True when a site's backend vouched for the identity (signed token); anonymous visitors stay false.</summary>
    public bool IsVerified { get; set; }

    /// <summary>The customer's id in the embedding site, for verified identities.</summary>
    public string? ExternalId { get; set; }

    /// <summary>A customer with a premium plan: SLA policies can promise them more (see Features/Sla).</summary>
    public bool IsVip { get; set; }

    /// <summary>Free text about the customer for agents only (never sent to the customer, never in the widget).</summary>
    public string? Notes { get; set; }

    /// <summary>Set when this record was merged into another: a tombstone kept so old links lead to the survivor.</summary>
    public int? MergedIntoId { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Addresses and numbers beyond the primary <see cref="Email"/> and <see cref="Phone"/>.</summary>
    public List<CustomerContact> Contacts { get; set; } = [];
}
