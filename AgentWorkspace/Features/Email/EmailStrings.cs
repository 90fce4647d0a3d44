namespace AgentWorkspace.Features.Email;

/// <summary>Agent-facing words of the e-mail feature (EmailStrings.resx, .es.resx).</summary>
public sealed class EmailStrings;
