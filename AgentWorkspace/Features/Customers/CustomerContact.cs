namespace AgentWorkspace.Features.Customers;

public enum ContactKind
{
    Email,
    Phone,
}

/// <summary>
/// A customer's further e-mail address or phone number, beside the primary ones on <see cref="Customer"/> (which every
/// channel already reads). Matching on e-mail reads both (<see cref="CustomerMatching"/>).
/// </summary>
public sealed class CustomerContact
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public ContactKind Kind { get; set; }

    /// <summary>As the agent typed it (after the text policy).</summary>
    public required string Value { get; set; }

    /// <summary>What it is compared on: <see cref="CustomerEmail.Normalize"/> or <see cref="CustomerPhone.Normalize"/>.</summary>
    public required string Normalized { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
