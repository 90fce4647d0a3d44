namespace AgentWorkspace.Features.Canned;

/// <summary>Marker for the canned responses' and macros' strings (CannedStrings.resx, CannedStrings.es.resx).</summary>
public sealed class CannedStrings;
