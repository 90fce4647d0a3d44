namespace AgentWorkspace.Realtime.Cluster;

/// <summary>The <c>Redis</c> settings: unset, the app is one process and nothing here runs.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; null or empty: a single node.</summary>
    public string? Connection { get; set; }

    /// <summary>Prefix of every key and channel, so several workspaces can share one Redis.</summary>
    public string Prefix { get; set; } = "agentworkspace";
}

/// <summary>This process among the app nodes: a fresh id each start, so a restarted node is never mistaken for its old self.</summary>
public sealed class ClusterNode
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
