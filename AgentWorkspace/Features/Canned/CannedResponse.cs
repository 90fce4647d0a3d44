using AgentWorkspace.Features.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Canned;

/// <summary>
/// A reply agents insert with "/shortcut": Markdown with variables (<see cref="CannedTemplate"/>), in English and/or
/// Spanish; the ticket's language picks the version, the other is the fallback.
/// </summary>
public sealed class CannedResponse : IShareable
{
    public const int MaxShortcutLength = 40;
    public const int MaxTitleLength = 120;
    public const int MaxBodyLength = 5_000;

    public int Id { get; set; }

    /// <summary>What follows "/" in the composer, lower case: letters, digits, '-' and '_'.</summary>
    public required string Shortcut { get; set; }
    public required string Title { get; set; }
    public string? BodyEn { get; set; }
    public string? BodyEs { get; set; }

    public Sharing Sharing { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>The author; for a personal response, the only agent who sees it.</summary>
    public string? OwnerId { get; set; }

    /// <summary>How often it was inserted into a composer (by an agent or a macro).</summary>
    public int UsageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The version for <paramref name="language"/>, or the other one when that is missing.</summary>
    public (string Body, string Language) BodyFor(string language) =>
        language == "es"
            ? BodyEs is { Length: > 0 } es ? (es, "es") : (BodyEn ?? "", "en")
            : BodyEn is { Length: > 0 } en ? (en, "en") : (BodyEs ?? "", "es");
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.ToTable("CannedResponses");
        builder.Property(c => c.Shortcut).HasMaxLength(CannedResponse.MaxShortcutLength);
        builder.Property(c => c.Title).HasMaxLength(CannedResponse.MaxTitleLength);
        builder.Property(c => c.BodyEn).HasMaxLength(CannedResponse.MaxBodyLength);
        builder.Property(c => c.BodyEs).HasMaxLength(CannedResponse.MaxBodyLength);
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.Sharing, c.TeamId });
        builder.HasIndex(c => c.OwnerId);
    }
}
