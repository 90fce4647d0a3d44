using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// A customer asked for a one-time sign-in link. The row is queued first and the link made when the e-mail is sent: the
/// token exists only in that e-mail, and the database keeps its SHA-256. It works once, until <see cref="ExpiresAt"/>.
/// Rows exist only for addresses of known customers; the page answers the same either way.
/// </summary>
public sealed class PortalSignIn
{
    public long Id { get; set; }

    /// <summary>The address asked for, normalized: signing in covers the customers with this address.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The customer's stored address, the e-mail's recipient.</summary>
    public required string Recipient { get; set; }

    public required string RecipientName { get; set; }

    /// <summary>"en" or "es": the language the e-mail is written in (the help centre's, when the link was asked for).</summary>
    public required string Language { get; set; }

    /// <summary>SHA-256 of the link's token, set when the e-mail is sent; a new attempt replaces it.</summary>
    public byte[]? TokenHash { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public PortalMailState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

public enum PortalMailState
{
    Queued,
    Sent,
    Failed,
}

internal sealed class PortalSignInConfiguration : IEntityTypeConfiguration<PortalSignIn>
{
    public void Configure(EntityTypeBuilder<PortalSignIn> signIn)
    {
        signIn.Property(s => s.NormalizedEmail).HasMaxLength(320);
        signIn.Property(s => s.Recipient).HasMaxLength(320);
        signIn.Property(s => s.RecipientName).HasMaxLength(200);
        signIn.Property(s => s.Language).HasMaxLength(5);
        signIn.Property(s => s.TokenHash).HasMaxLength(32);
        signIn.Property(s => s.LastError).HasMaxLength(1000);
        signIn.HasIndex(s => s.TokenHash).IsUnique();
        signIn.HasIndex(s => new { s.State, s.NextAttemptAt });
    }
}
