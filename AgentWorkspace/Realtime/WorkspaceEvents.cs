using AgentWorkspace.Features.Agents;

namespace AgentWorkspace.Realtime;

/// <summary>Something that happened in the workspace, published after it was committed.</summary>
public abstract record WorkspaceEvent;

/// <summary>An agent came online, went away or closed their last workspace tab.</summary>
public sealed record PresenceChanged(string AgentId, bool Connected, Availability Availability) : WorkspaceEvent;

/// <summary>A notification was stored for one agent.</summary>
public sealed record NotificationCreated(string AgentId, long NotificationId, string Title) : WorkspaceEvent;

/// <summary>An agent's account changed (created, roles, teams, deactivated).</summary>
public sealed record AgentChanged(string AgentId) : WorkspaceEvent;
