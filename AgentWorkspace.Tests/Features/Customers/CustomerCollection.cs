using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>Customer service tests: their own app, since they add customers that demo-data counts elsewhere don't expect.</summary>
[CollectionDefinition(Name)]
public sealed class CustomerCollection : ICollectionFixture<WorkspaceAppFactory>
{
    public const string Name = "Customers";
}
