using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Suggestions;

public enum SuggestionSource
{
    Agent,
    Customer,
}

/// <summary>What became of a suggestion list: the gap report counts the final ones nobody used.</summary>
public enum SuggestionOutcome
{
    /// <summary>Shown while the person was still typing; superseded by a later list.</summary>
    Pending,
    /// <summary>Final: sent without using any suggestion.</summary>
    NotUsed,
    /// <summary>An agent inserted a link or excerpt into the reply.</summary>
    Inserted,
    /// <summary>Opened (by an agent beside the ticket, or by a customer), and nothing was sent afterwards: deflected for customers.</summary>
    Opened,
    /// <summary>A customer opened an article and still sent the message.</summary>
    SentAnyway,
}

/// <summary>One list of suggested articles and what the agent or customer did with it.</summary>
public sealed class SuggestionRequest
{
    public long Id { get; set; }

    /// <summary>The id handed to the widget, so a customer can report only on lists they were given.</summary>
    public Guid PublicId { get; set; }

    public SuggestionSource Source { get; set; }
    public required string Query { get; set; }
    public string Language { get; set; } = "en";

    /// <summary>The suggested article ids in rank order, comma-separated (empty when nothing matched).</summary>
    public string ArticleIds { get; set; } = "";
    public int? UsedArticleId { get; set; }
    public SuggestionOutcome Outcome { get; set; }
    public int? TicketId { get; set; }
    public string? AgentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SuggestionRequestConfiguration : IEntityTypeConfiguration<SuggestionRequest>
{
    public void Configure(EntityTypeBuilder<SuggestionRequest> request)
    {
        request.Property(r => r.Query).HasMaxLength(500);
        request.Property(r => r.Language).HasMaxLength(8);
        request.Property(r => r.ArticleIds).HasMaxLength(200);
        request.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        request.HasIndex(r => r.PublicId).IsUnique();
        request.HasIndex(r => new { r.Outcome, r.CreatedAt });
    }
}

/// <summary>The synonym groups KB editors maintain (one row; one group per line, phrases separated by commas).</summary>
public sealed class SynonymList
{
    public int Id { get; set; }
    public required string Text { get; set; }
    public string? UpdatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
