using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Api;

/// <summary>
/// A key an admin issued for an integration (chatbot, CRM, web form). Only a SHA-256 hash of the secret
/// is stored; the prefix finds the row, the hash proves the secret.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown in the admin list and used to find the row.</summary>
    public required string Prefix { get; set; }

    /// <summary>Hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>What the key may do; "tickets" is the REST API v1.</summary>
    public string Scope { get; set; } = "tickets";

    /// <summary>When set, the key sees and creates only this team's tickets; otherwise all tickets.</summary>
    public int? TeamId { get; set; }

    /// <summary>The admin who issued the key; the API acts on their behalf in ticket histories.</summary>
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.Name).HasMaxLength(100);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.Hash).HasMaxLength(64);
        key.Property(k => k.Scope).HasMaxLength(32);
        key.HasIndex(k => k.Prefix).IsUnique();
        key.HasOne<Agents.Agent>().WithMany().HasForeignKey(k => k.CreatedById).OnDelete(DeleteBehavior.Restrict);
        key.HasOne<Agents.Team>().WithMany().HasForeignKey(k => k.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
