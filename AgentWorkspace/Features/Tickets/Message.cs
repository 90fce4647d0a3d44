using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;

namespace AgentWorkspace.Features.Tickets;

/// <summary>One entry in a ticket's conversation: a customer message, an agent reply, an internal note or a system line.</summary>
public sealed class Message
{
    public long Id { get; set; }

    public int TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;

    /// <summary>Per-ticket, gap-free, starting at 1: the order customers and agents see, and the resume point after a reconnect.</summary>
    public int Seq { get; set; }

    public AuthorKind AuthorKind { get; set; }
    public string? AuthorAgentId { get; set; }
    public Agent? AuthorAgent { get; set; }
    public int? AuthorCustomerId { get; set; }
    public Customer? AuthorCustomer { get; set; }

    /// <summary>Internal notes are for agents only and must never reach a customer.</summary>
    public MessageVisibility Visibility { get; set; }

    /// <summary>Markdown source; rendered with raw HTML disabled.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Chosen by the sending client; a retry with the same id on the same ticket is the same message.</summary>
    public string? ClientMessageId { get; set; }

    public bool IsInternal => Visibility == MessageVisibility.Internal;
}
