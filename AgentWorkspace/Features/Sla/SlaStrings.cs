namespace AgentWorkspace.Features.Sla;

/// <summary>The SLA admin pages' and services' strings (SlaStrings.resx, SlaStrings.es.resx).</summary>
public sealed class SlaStrings;
