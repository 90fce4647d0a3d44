namespace AgentWorkspace.Features.Notifications;

/// <summary>Something addressed to one agent (a mention, a review request, an assignment), kept until read.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string AgentId { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }

    /// <summary>A path inside the workspace, such as /tickets/1001.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
