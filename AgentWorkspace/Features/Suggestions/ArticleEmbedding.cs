using AgentWorkspace.Features.KnowledgeBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>An article's sentence vector, kept so a restart does not embed unchanged articles again (~0.2 s each).
/// One row per article and model; <see cref="ContentHash"/> says which text it was made from, so a publish that
/// changes the text makes it stale and one that does not (or a republish of the same text) reuses it.</summary>
public sealed class ArticleEmbedding
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public required string Model { get; set; }

    /// <summary>SHA-256 (hex) of the model name and the text embedded (<see cref="DenseReranker.ContentHash"/>).</summary>
    public required string ContentHash { get; set; }

    /// <summary>The published revision the text came from (for people reading the table; the hash decides).</summary>
    public int RevisionNumber { get; set; }

    /// <summary>The vector's floats, little-endian.</summary>
    public required byte[] Vector { get; set; }

    public DateTimeOffset EmbeddedAt { get; set; }

    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }
        return bytes;
    }

    public static float[] ToVector(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }
        return vector;
    }
}

internal sealed class ArticleEmbeddingConfiguration : IEntityTypeConfiguration<ArticleEmbedding>
{
    public void Configure(EntityTypeBuilder<ArticleEmbedding> embedding)
    {
        embedding.Property(e => e.Model).HasMaxLength(100);
        embedding.Property(e => e.ContentHash).HasMaxLength(64);
        embedding.HasIndex(e => new { e.ArticleId, e.Model }).IsUnique();
        embedding.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
