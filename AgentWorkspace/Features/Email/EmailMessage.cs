using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// One e-mail in or out, by its Message-ID: the thread index (a reply's In-Reply-To or References names one of these, so
/// the reply joins that ticket) and the reason re-reading a mailbox stores nothing twice (the Message-ID is unique).
/// </summary>
public sealed class EmailMessage
{
    public long Id { get; set; }

    /// <summary>The Message-ID without angle brackets; for a message that had none, one derived from its content.</summary>
    public required string InternetMessageId { get; set; }

    public EmailDirection Direction { get; set; }

    public int TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;

    /// <summary>The ticket message it was stored as (inbound) or that it carries (an outgoing reply); null for notifications.</summary>
    public long? MessageId { get; set; }
    public Message? Message { get; set; }

    public string? FromAddress { get; set; }
    public string? Subject { get; set; }

    /// <summary>The configured mailbox it was read from (inbound) or sent for (outbound).</summary>
    public string? Mailbox { get; set; }

    public MailKind Kind { get; set; }

    /// <summary>The quoted history of an inbound e-mail (earlier messages it repeats), shown collapsed under it.</summary>
    public string? QuotedText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum EmailDirection
{
    Inbound,
    Outbound,
}

/// <summary>What an inbound e-mail is; anything but <see cref="Personal"/> is never answered automatically.</summary>
public enum MailKind
{
    /// <summary>Written by a person.</summary>
    Personal,

    /// <summary>An automatic answer (out of office, "we got your message"): Auto-Submitted, X-Autoreply...</summary>
    AutoReply,

    /// <summary>A delivery failure report (DSN, mailer-daemon).</summary>
    Bounce,

    /// <summary>Mass mail: a newsletter or a mailing list (Precedence bulk/list, List-Id).</summary>
    Bulk,
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> email)
    {
        email.Property(e => e.InternetMessageId).HasMaxLength(EmailLimits.MaxMessageIdLength);
        email.HasIndex(e => e.InternetMessageId).IsUnique();
        email.Property(e => e.FromAddress).HasMaxLength(320);
        email.Property(e => e.Subject).HasMaxLength(MessageLimits.MaxSubjectLength);
        email.Property(e => e.Mailbox).HasMaxLength(100);
        email.Property(e => e.QuotedText).HasMaxLength(EmailLimits.MaxQuotedLength);
        email.HasIndex(e => new { e.TicketId, e.CreatedAt });
        email.HasOne(e => e.Ticket).WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        email.HasOne(e => e.Message).WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.SetNull);
        email.HasIndex(e => e.MessageId);
    }
}

public static class EmailLimits
{
    public const int MaxMessageIdLength = 500;
    public const int MaxQuotedLength = 50_000;
}
