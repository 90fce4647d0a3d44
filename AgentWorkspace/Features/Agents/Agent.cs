using Microsoft.AspNetCore.Identity;

namespace AgentWorkspace.Features.Agents;

/// <summary>A person who signs in to the workspace: support agent, KB editor, reviewer or admin.</summary>
public sealed class Agent : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Deactivated agents cannot sign in; their history (replies, events) stays attributed to them.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>What the agent chose in the header; "online" additionally needs an open workspace tab.</summary>
    public Availability Availability { get; set; } = Availability.Online;

    /// <summary>Opt-in: a browser notification and a sound when a new chat arrives.</summary>
    public bool ChatAlerts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"light" or "dark"; null until the agent chooses (then the light palette is shown).</summary>
    public string? Theme { get; set; }

    /// <summary>"en" or "es"; null until the agent chooses (then the browser's language decides).</summary>
    public string? Language { get; set; }

    public List<TeamMember> Teams { get; set; } = [];
}

public enum Availability
{
    Online,
    Away,
}
