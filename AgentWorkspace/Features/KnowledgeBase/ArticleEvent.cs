using AgentWorkspace.Features.Agents;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>What happened to an article. Also the <c>Change</c> of <see cref="Realtime.ArticleChanged"/>.</summary>
public enum ArticleEventKind
{
    Created,
    Saved,
    Submitted,
    Withdrawn,
    ChangesRequested,
    Published,
    Unpublished,
    Archived,
    Unarchived,
    Restored,
    TranslationLinked,
    TranslationUnlinked,
}

/// <summary>One line of an article's history: who did what, to which revision, when, and why (a reviewer's comments).</summary>
public sealed class ArticleEvent
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public ArticleEventKind Kind { get; set; }

    /// <summary>The revision the event concerns (saved, submitted, published...), when there is one.</summary>
    public int? RevisionNumber { get; set; }

    public string? ActorAgentId { get; set; }
    public Agent? ActorAgent { get; set; }

    /// <summary>The reviewer's comments, a revision note, or "restored from revision 3".</summary>
    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
