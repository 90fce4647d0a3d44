namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>Browser tests: one app host and one Chromium shared by the collection.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>HTTP integration tests against the real app on its own SQLite file.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<WorkspaceAppFactory>
{
    public const string Name = "App";
}

/// <summary>
/// The text-policy tests at the service and HTTP entry points: their own app, since they add teams, agents, keys and
/// articles that the App collection's demo-data counts don't expect.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TextPolicyCollection : ICollectionFixture<WorkspaceAppFactory>
{
    public const string Name = "TextPolicy";
}

/// <summary>Tests that stop and start their own app hosts (server restarts): apart from the shared host.</summary>
[CollectionDefinition(Name)]
public sealed class ReconnectCollection
{
    public const string Name = "Reconnect";
}
