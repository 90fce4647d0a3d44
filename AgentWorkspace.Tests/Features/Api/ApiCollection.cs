using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>
/// The API tests' own app and SQLite file (same factory, same demo data as the App collection). They create
/// dozens of tickets and customers, which would break the demo-data counts App-collection tests assert.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<WorkspaceAppFactory>
{
    public const string Name = "Api";
}
