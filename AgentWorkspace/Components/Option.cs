namespace AgentWorkspace.Components;

/// <summary>A value with its label, for drop-downs.</summary>
public sealed record Option<T>(T Value, string Text);
