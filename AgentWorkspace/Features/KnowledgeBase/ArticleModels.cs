namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>The KB browser's tabs.</summary>
public enum KbView
{
    All,
    Live,
    Drafts,
    InReview,
    Archived,
    WaitingForMyReview,
}

public sealed record KbListFilter(KbView View = KbView.All, string? Search = null, string? Language = null, int? CategoryId = null);

/// <summary>One article in the agents' list: the working copy's title and flags, plus whether a revision is live.</summary>
public sealed record ArticleListRow(
    int Id, string Title, string Language, ArticleStatus Status, bool IsLive, bool IsInternal, string? CategoryName,
    DateTimeOffset UpdatedAt, string LastAuthor, int Helpful, int NotHelpful, int RevisionNumber);

public sealed record RevisionView(
    int Number, string Title, string Slug, int? CategoryId, string? CategoryName, string Keywords, string Body, bool IsInternal,
    string AuthorId, string AuthorName, DateTimeOffset CreatedAt, string? Note, string? ApprovedByName, DateTimeOffset? ApprovedAt);

public sealed record RevisionSummary(int Number, string Title, string AuthorName, DateTimeOffset CreatedAt, string? Note, bool Approved);

public sealed record HistoryEntry(long Id, ArticleEventKind Kind, int? RevisionNumber, string ActorName, string? Comment, DateTimeOffset At);

public sealed record TranslationLink(int Id, string Language, string Title, ArticleStatus Status, bool IsLive);

/// <summary>A reviewer's request for changes the author has not answered yet (by resubmitting).</summary>
public sealed record ReviewComment(string ReviewerName, string Comment, DateTimeOffset At);

/// <summary>Everything the agent-side article page shows.</summary>
public sealed record ArticleDetails(
    int Id, long Version, string Language, ArticleStatus Status, bool IsLive, int Helpful, int NotHelpful,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    RevisionView Current, RevisionView? Published, IReadOnlyList<TranslationLink> Translations,
    IReadOnlyList<HistoryEntry> History, IReadOnlyList<RevisionSummary> Revisions,
    IReadOnlyList<string> AuthorsSinceLastApproval, ReviewComment? OpenReviewComment)
{
    /// <summary>A newer revision than the live one is being worked on.</summary>
    public bool HasPendingDraft => IsLive && Published is not null && Published.Number != Current.Number;
}

/// <summary>A category with its parent's name, e.g. "Orders &amp; shipping › Orders &amp; returns".</summary>
public sealed record CategoryOption(int Id, string Label, int? ParentId);

/// <summary>
/// A live article as a search index needs it (the suggestion engine's input): the published revision's text only,
/// never a draft's. Internal articles are included and flagged: they are for agents, never for customers.
/// <see cref="IsInternal"/> is "not <see cref="Article.IsPublic"/>", read with the text.
/// </summary>
public sealed record PublishedArticle(
    int Id, string Language, string Slug, string Title, string Keywords, string Body, bool IsInternal,
    Guid TranslationGroup, string? CategoryName, int RevisionNumber, DateTimeOffset? PublishedAt);
