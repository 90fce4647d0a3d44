namespace AgentWorkspace.Features.Routing;

/// <summary>Marker for RoutingStrings.resx / .es.resx.</summary>
public sealed class RoutingStrings;
