namespace AgentWorkspace.Features.Suggestions;

/// <summary>The KB insights page's words (InsightsStrings.resx and .es.resx).</summary>
public sealed class InsightsStrings;
