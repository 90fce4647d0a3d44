namespace AgentWorkspace.Features.Api;

/// <summary>The API keys page and the key service's messages to admins: ApiStrings.resx and .es.resx (the REST API itself answers in English).</summary>
public sealed class ApiStrings;
