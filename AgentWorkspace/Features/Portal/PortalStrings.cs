namespace AgentWorkspace.Features.Portal;

/// <summary>The portal's words (PortalStrings.resx and .es.resx), in the help centre's language.</summary>
public sealed class PortalStrings;
