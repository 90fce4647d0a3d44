namespace AgentWorkspace.Features.Automation;

/// <summary>Marker for AutomationStrings.resx / .es.resx.</summary>
public sealed class AutomationStrings;
