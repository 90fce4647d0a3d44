using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentWorkspace.Features.Presence;

namespace AgentWorkspace.Realtime.Cluster;

/// <summary>
/// What travels between nodes on the Redis channel: events as their ids (the records carry no bodies or names a
/// customer typed; each node reads what it shows from the database), presence places, heartbeats, reload requests.
/// </summary>
internal sealed record ClusterMessage(string Node, string Kind, string? Type = null, JsonElement? Event = null, Topic? Subject = null, PresenceEntry[]? Here = null)
{
    public const string EventKind = "event";
    public const string PresenceKind = "presence";
    public const string HeartbeatKind = "heartbeat";
    public const string ReloadKind = "reload";
    public const string LeftKind = "left";
}

internal static class ClusterWire
{
    /// <summary>Every event type by name; an unknown name (a node running another version) is skipped, not guessed.</summary>
    private static readonly Dictionary<string, Type> EventTypes = typeof(WorkspaceEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(WorkspaceEvent)) && !t.IsAbstract)
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    // Topics and CrossesNodes are computed from the ids; sending them would only let a receiver disagree.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type.IsSubclassOf(typeof(WorkspaceEvent)))
                    {
                        foreach (var property in info.Properties.Where(p => p.Name is "topics" or "crossesNodes").ToList())
                        {
                            info.Properties.Remove(property);
                        }
                    }
                },
            },
        },
    };

    public static string Event(string node, WorkspaceEvent workspaceEvent)
    {
        var type = workspaceEvent.GetType();
        return Write(new ClusterMessage(node, ClusterMessage.EventKind, type.FullName, JsonSerializer.SerializeToElement(workspaceEvent, type, Options)));
    }

    public static string Presence(string node, Topic subject, IReadOnlyList<PresenceEntry> here) =>
        Write(new ClusterMessage(node, ClusterMessage.PresenceKind, Subject: subject, Here: [.. here]));

    public static string Signal(string node, string kind) => Write(new ClusterMessage(node, kind));

    public static string PresenceEntries(IReadOnlyList<PresenceEntry> here) => JsonSerializer.Serialize(here, Options);

    public static PresenceEntry[] ReadPresenceEntries(string json) => JsonSerializer.Deserialize<PresenceEntry[]>(json, Options) ?? [];

    public static string SubjectKey(Topic subject) => JsonSerializer.Serialize(subject, Options);

    public static Topic ReadSubjectKey(string json) => JsonSerializer.Deserialize<Topic>(json, Options);

    public static ClusterMessage? Read(string json) => JsonSerializer.Deserialize<ClusterMessage>(json, Options);

    public static WorkspaceEvent? ReadEvent(ClusterMessage message) =>
        message is { Type: { } name, Event: { } payload } && EventTypes.TryGetValue(name, out var type)
            ? payload.Deserialize(type, Options) as WorkspaceEvent
            : null;

    private static string Write(ClusterMessage message) => JsonSerializer.Serialize(message, Options);
}
