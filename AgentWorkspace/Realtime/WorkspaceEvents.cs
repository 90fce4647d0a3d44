using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Realtime;

/// <summary>Something that happened in the workspace, published after it was committed.</summary>
public abstract record WorkspaceEvent
{
    /// <summary>Where it is delivered: only subscribers of one of these topics receive it.</summary>
    public abstract IReadOnlyList<Topic> Topics { get; }

    /// <summary>
    /// Whether other app nodes receive it too (through Redis). Events carry ids, so each node reads what it shows; only
    /// what a node derives for its own screens from other events (inbox rows, dashboard figures) stays on the node,
    /// since every node derives it from the events that do cross.
    /// </summary>
    public virtual bool CrossesNodes => true;
}

/// <summary>
/// Delivered alone, never published: the subscriber's queue overflowed and events were dropped, so whatever it shows
/// must be read afresh.
/// </summary>
public sealed record ReloadRequired : WorkspaceEvent
{
    public static readonly ReloadRequired Instance = new();

    public override IReadOnlyList<Topic> Topics => [];

    public override bool CrossesNodes => false;
}

/// <summary>An agent came online, went away or closed their last workspace tab.</summary>
public sealed record PresenceChanged(string AgentId, bool Connected, Availability Availability) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Team];
}

/// <summary>A notification was stored for one agent.</summary>
public sealed record NotificationCreated(string AgentId, long NotificationId, string Title) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Agent(AgentId)];
}

/// <summary>An agent's account changed (created, roles, teams, deactivated).</summary>
public sealed record AgentChanged(string AgentId) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Agent(AgentId), Topic.Team];
}

/// <summary>A ticket was created or one of its properties changed (status, assignee, tags...).</summary>
public sealed record TicketChanged(int TicketId, int Number, int? TeamId, string? AssigneeId, string? ActorAgentId, bool Created = false) : WorkspaceEvent
{
    /// <summary>The team before this change (the same as <see cref="TeamId"/> when it did not move).</summary>
    public int? PreviousTeamId { get; init; } = TeamId;

    /// <summary>The assignee before this change.</summary>
    public string? PreviousAssigneeId { get; init; } = AssigneeId;

    /// <summary>The owner (the responsible agent) after this change.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The owner before this change.</summary>
    public string? PreviousOwnerId { get; init; }

    public override IReadOnlyList<Topic> Topics => [Topic.Ticket(TicketId), Topic.Tickets];
}

/// <summary>A message was stored on a ticket. Carries no body: subscribers read what their viewer may see.</summary>
public sealed record MessageAdded(
    int TicketId, int Number, long MessageId, int Seq, AuthorKind AuthorKind, MessageVisibility Visibility, string? AuthorAgentId) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Ticket(TicketId), Topic.Tickets];
}

/// <summary>An agent edited one of their messages (a reply or a note; the visibility never changes).</summary>
public sealed record MessageEdited(int TicketId, long MessageId, int Seq, MessageVisibility Visibility) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Ticket(TicketId), Topic.Tickets];
}

/// <summary>A customer record was created, edited or merged (<paramref name="MergedIntoId"/>: it is now a tombstone of that one).</summary>
public sealed record CustomerChanged(int CustomerId, int? MergedIntoId = null) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Customer(CustomerId)];
}

/// <summary>An agent opened a ticket (its unread markers and badges clear).</summary>
public sealed record TicketSeen(string AgentId, int TicketId) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Agent(AgentId)];
}

/// <summary>
/// An article was created, saved, reviewed, published, unpublished, archived or relinked, committed. <paramref name="Status"/>
/// is the working copy's status; <paramref name="IsLive"/> says whether a published revision is in the help centre
/// (public) or agents' KB (internal) right now, so a search index can add, replace or drop the article on this alone.
/// </summary>
public sealed record ArticleChanged(
    int ArticleId, ArticleEventKind Change, ArticleStatus Status, bool IsLive, string Language, bool IsInternal, string? ActorAgentId) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Article(ArticleId), Topic.Kb];
}

/// <summary>A help-centre visitor said whether an article was helpful.</summary>
public sealed record ArticleFeedbackRecorded(int ArticleId) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Article(ArticleId), Topic.Kb];
}

