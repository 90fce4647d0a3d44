namespace AgentWorkspace.Features.Tickets;

public enum TicketStatus
{
    Open,
    InProgress,
    WaitingOnCustomer,
    OnHold,
    Resolved,
    Closed,
}

/// <summary>Ordered: a higher value is more urgent, so sorting by priority is a plain ORDER BY.</summary>
public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum TicketChannel
{
    Chat,
    Email,
    WebForm,
    Phone,
    Api,

    /// <summary>The customer came to a desk or shop; an agent opened the ticket for them.</summary>
    WalkIn,
}

public enum AuthorKind
{
    Customer,
    Agent,
    System,
}

public enum MessageVisibility
{
    Public,
    Internal,
}

public static class TicketLabels
{
    public static string Label(this TicketStatus status) => status switch
    {
        TicketStatus.Open => "Open",
        TicketStatus.InProgress => "In progress",
        TicketStatus.WaitingOnCustomer => "Waiting on customer",
        TicketStatus.OnHold => "On hold",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Label(this TicketChannel channel) => channel switch
    {
        TicketChannel.WebForm => "Web form",
        TicketChannel.Api => "API",
        TicketChannel.WalkIn => "Walk-in",
        _ => channel.ToString(),
    };

    public static string Label(this TicketPriority priority) => priority.ToString();
}
