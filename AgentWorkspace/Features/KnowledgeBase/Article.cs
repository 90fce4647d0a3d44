using System.Linq.Expressions;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;

namespace AgentWorkspace.Features.KnowledgeBase;

public enum ArticleStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}

/// <summary>A knowledge-base article in one language. Its content lives in revisions; the article points at the live one.</summary>
public sealed class Article : IVersioned
{
    /// <summary>
    /// The one rule for "customers may see this article", deny by default: a revision is live (published, not
    /// archived) and neither the article nor that revision is internal. The help centre queries with it, the full-text
    /// search filters its customer-facing results by it, and the suggestion index flags every article it does not hold
    /// as internal (what the widget's <c>CustomerView</c> drops). An expression so EF translates it to SQL.
    /// </summary>
    public static readonly Expression<Func<Article, bool>> IsPublic = a =>
        a.PublishedRevisionId != null && a.Status != ArticleStatus.Archived && !a.IsInternal
        && a.PublishedRevision != null && !a.PublishedRevision.IsInternal;

    /// <summary><see cref="IsPublic"/> for an article in memory; one whose published revision is not loaded is not public.</summary>
    public static readonly Func<Article, bool> IsPublicInMemory = IsPublic.Compile();

    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>"en" or "es".</summary>
    public string Language { get; set; } = "en";

    /// <summary>Articles that are translations of each other share this id.</summary>
    public Guid TranslationGroup { get; set; } = Guid.NewGuid();

    public int? CategoryId { get; set; }
    public ArticleCategory? Category { get; set; }

    /// <summary>
    /// Where the working copy (the current revision) is in review. Published means the current revision is the
    /// live one; a Draft or InReview article may still have an older revision live (see <see cref="PublishedRevisionId"/>).
    /// </summary>
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>
    /// Agent-facing only: never shown in the help centre or suggested to customers. Like <see cref="Slug"/> and
    /// <see cref="CategoryId"/>, this is the live value: a revision proposes a new one, approval applies it.
    /// </summary>
    public bool IsInternal { get; set; }

    /// <summary>The latest revision (what editors work on).</summary>
    public int? CurrentRevisionId { get; set; }
    public ArticleRevision? CurrentRevision { get; set; }

    /// <summary>The approved revision customers see; stays live while a newer draft is in review.</summary>
    public int? PublishedRevisionId { get; set; }
    public ArticleRevision? PublishedRevision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public int HelpfulCount { get; set; }
    public int NotHelpfulCount { get; set; }

    public long Version { get; set; }

    public List<ArticleRevision> Revisions { get; set; } = [];
}

public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>1, 2, 3... within the article.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>Comma-separated search keywords.</summary>
    public string Keywords { get; set; } = "";

    /// <summary>The slug, category and internal flag this revision proposes; they reach the article when it is approved.</summary>
    public string Slug { get; set; } = "";
    public int? CategoryId { get; set; }
    public bool IsInternal { get; set; }

    public required string AuthorId { get; set; }
    public Agent? Author { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who approved this revision, when it was published.</summary>
    public string? ApprovedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
}

/// <summary>Two levels: a top category (ParentId null) and its subcategories.</summary>
public sealed class ArticleCategory
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The Spanish name shown to Spanish-speaking visitors of the help centre.</summary>
    public string? NameEs { get; set; }
    public required string Slug { get; set; }
    public int? ParentId { get; set; }
    public ArticleCategory? Parent { get; set; }
    public int SortOrder { get; set; }
}
