namespace AgentWorkspace.Features.Reports;

/// <summary>Marker for the reports' strings (ReportsStrings.resx, ReportsStrings.es.resx).</summary>
public sealed class ReportsStrings;
