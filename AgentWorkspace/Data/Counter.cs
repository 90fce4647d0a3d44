namespace AgentWorkspace.Data;

/// <summary>A named, monotonically increasing number (ticket numbers), incremented atomically in SQL.</summary>
public sealed class Counter
{
    public required string Name { get; set; }
    public long Value { get; set; }

    public const string TicketNumber = "TicketNumber";
}
