using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// A customer's chat from the widget. The widget holds a random token for it (only its SHA-256 is stored);
/// the token is the whole credential, so one conversation's token reaches nothing of another.
/// </summary>
public sealed class ChatConversation
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the token the widget keeps.</summary>
    public required byte[] TokenHash { get; set; }

    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;

    /// <summary>The ticket the chat currently writes to; a message after it was closed moves this to the follow-up.</summary>
    public int TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;

    /// <summary>The widget's id for the opening message, so a retried start finds this conversation instead of opening another.</summary>
    public required string StartClientId { get; set; }

    /// <summary>True when the customer left a message while no agent was online.</summary>
    public bool StartedOffline { get; set; }

    /// <summary>The page the chat started on (as the widget reported it), for the agent's context.</summary>
    public string? PageUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class ChatConversationConfiguration : IEntityTypeConfiguration<ChatConversation>
{
    public void Configure(EntityTypeBuilder<ChatConversation> conversation)
    {
        conversation.Property(c => c.TokenHash).HasMaxLength(32);
        conversation.HasIndex(c => c.TokenHash).IsUnique();
        conversation.Property(c => c.StartClientId).HasMaxLength(64);
        conversation.HasIndex(c => new { c.CustomerId, c.StartClientId }).IsUnique();
        conversation.Property(c => c.PageUrl).HasMaxLength(500);
        conversation.HasIndex(c => c.TicketId);
        conversation.HasOne(c => c.Customer).WithMany().OnDelete(DeleteBehavior.Cascade);
        conversation.HasOne(c => c.Ticket).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
