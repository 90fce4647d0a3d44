using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// A file that came with a message (an e-mail's attachments today). Stored in the database with the message, in the
/// same transaction, so a message never exists without its files nor a file without its message. Only agents download
/// it, always as a download (never shown inline), with the content type it was checked to be.
/// </summary>
public sealed class MessageAttachment
{
    public long Id { get; set; }

    public int TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;

    public long MessageId { get; set; }
    public Message Message { get; set; } = null!;

    /// <summary>A bare file name (no folders, no control characters), as offered to the agent who downloads it.</summary>
    public required string FileName { get; set; }

    /// <summary>What the file is served as: a type its bytes were checked to match, else application/octet-stream.</summary>
    public required string ContentType { get; set; }

    /// <summary>What the sender said it was (kept for the agent's information, never served).</summary>
    public string? DeclaredContentType { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(200);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.DeclaredContentType).HasMaxLength(200);
        attachment.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        attachment.HasOne(a => a.Ticket).WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        attachment.HasIndex(a => new { a.TicketId, a.MessageId });
    }
}
