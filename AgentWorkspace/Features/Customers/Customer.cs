namespace AgentWorkspace.Features.Customers;

/// <summary>A contact: the person on the other side of tickets, across channels.</summary>
public sealed class Customer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Company { get; set; }

    /// <summary>"en" or "es": the language the customer writes in.</summary>
    public string Language { get; set; } = "en";

    /// <summary>True when a site's backend vouched for the identity (signed token); anonymous visitors stay false.</summary>
    public bool IsVerified { get; set; }

    /// <summary>The customer's id in the embedding site, for verified identities.</summary>
    public string? ExternalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
