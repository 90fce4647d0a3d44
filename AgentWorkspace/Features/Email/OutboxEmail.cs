using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// An e-mail to a customer waiting to go out, queued in the same transaction as the change it tells about (so none is
/// lost and none is sent for a change that rolled back). It holds references, not text: the e-mail is built when it is
/// sent, through <see cref="Chat.CustomerView"/>, from what the customer may see at that moment.
/// </summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }

    public CustomerMailKind Kind { get; set; }

    public int TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;

    /// <summary>The agent's reply this e-mail carries (<see cref="CustomerMailKind.Reply"/>).</summary>
    public long? MessageId { get; set; }
    public Message? Message { get; set; }

    /// <summary>The status the change left the ticket in, told with a reply (waiting on you, resolved) or alone.</summary>
    public TicketStatus? Status { get; set; }

    /// <summary>Its Message-ID, fixed when queued: every attempt sends the same one, and replies to it find the ticket.</summary>
    public long EmailMessageId { get; set; }
    public EmailMessage EmailMessage { get; set; } = null!;

    public OutboxStatus State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Where it went (read from the customer when sent).</summary>
    public string? Recipient { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public enum OutboxStatus
{
    Queued,
    Sent,

    /// <summary>Given up after the last attempt, or refused for good (no address): shown to admins, who may retry it.</summary>
    Failed,

    /// <summary>Sent, and the customer's mail server reported it undeliverable.</summary>
    Bounced,
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> outbox)
    {
        outbox.HasIndex(o => new { o.State, o.NextAttemptAt });
        outbox.HasIndex(o => o.TicketId);
        outbox.Property(o => o.LastError).HasMaxLength(1000);
        outbox.Property(o => o.Recipient).HasMaxLength(320);
        outbox.HasOne(o => o.Ticket).WithMany().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
        outbox.HasOne(o => o.Message).WithMany().HasForeignKey(o => o.MessageId).OnDelete(DeleteBehavior.Cascade);
        outbox.HasOne(o => o.EmailMessage).WithMany().HasForeignKey(o => o.EmailMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
