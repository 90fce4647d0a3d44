using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Realtime;

/// <summary>Something that happened in the workspace, published after it was committed.</summary>
public abstract record WorkspaceEvent;

/// <summary>An agent came online, went away or closed their last workspace tab.</summary>
public sealed record PresenceChanged(string AgentId, bool Connected, Availability Availability) : WorkspaceEvent;

/// <summary>A notification was stored for one agent.</summary>
public sealed record NotificationCreated(string AgentId, long NotificationId, string Title) : WorkspaceEvent;

/// <summary>An agent's account changed (created, roles, teams, deactivated).</summary>
public sealed record AgentChanged(string AgentId) : WorkspaceEvent;

/// <summary>A ticket was created or one of its properties changed (status, assignee, tags...).</summary>
public sealed record TicketChanged(int TicketId, int Number, int? TeamId, string? AssigneeId, string? ActorAgentId, bool Created = false) : WorkspaceEvent;

/// <summary>A message was stored on a ticket. Carries no body: subscribers read what their viewer may see.</summary>
public sealed record MessageAdded(
    int TicketId, int Number, long MessageId, int Seq, AuthorKind AuthorKind, MessageVisibility Visibility, string? AuthorAgentId) : WorkspaceEvent;

/// <summary>Someone opened or left a ticket, or started or stopped typing on it.</summary>
public sealed record TicketViewersChanged(int TicketId) : WorkspaceEvent;

/// <summary>An agent edited one of their messages (a reply or a note; the visibility never changes).</summary>
public sealed record MessageEdited(int TicketId, long MessageId, int Seq, MessageVisibility Visibility) : WorkspaceEvent;

/// <summary>An agent opened a ticket (its unread markers and badges clear).</summary>
public sealed record TicketSeen(string AgentId, int TicketId) : WorkspaceEvent;
