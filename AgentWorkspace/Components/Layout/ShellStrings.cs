namespace AgentWorkspace.Components.Layout;

/// <summary>The shell's words (header, navigation, presence, notifications, reconnect): ShellStrings.resx and .es.resx.</summary>
public sealed class ShellStrings;
