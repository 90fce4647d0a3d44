namespace AgentWorkspace.Features.Agents;

/// <summary>The admin pages' words (agents, roles, teams) and the admin services' messages: AgentsStrings.resx and .es.resx.</summary>
public sealed class AgentsStrings;
