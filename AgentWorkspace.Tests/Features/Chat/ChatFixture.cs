using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The app on Kestrel and one Node process of real @microsoft/signalr clients, shared by the chat hub tests.</summary>
public sealed class ChatFixture : IAsyncLifetime
{
    public const string IdentitySecret = "test-identity-secret-4d1f0c8a";

    /// <summary>Every client runs on 127.0.0.1, so address-wide limits are lifted here; RateLimitTests checks them on their own host.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Widget:IdentitySecret"] = IdentitySecret,
        ["Widget:RateLimits:CallsPerAddressBurst"] = "100000",
        ["Widget:RateLimits:CallsPerAddressPerSecond"] = "100000",
        ["Widget:RateLimits:MessagesPerAddressBurst"] = "100000",
        ["Widget:RateLimits:MessagesPerAddressPerSecond"] = "100000",
        ["Widget:RateLimits:StartsPerAddressBurst"] = "100000",
        ["Widget:RateLimits:StartsPerAddressPerMinute"] = "100000",
        ["Widget:RateLimits:MessagesPerConnectionBurst"] = "1000",
        ["Widget:RateLimits:MessagesPerConnectionPerSecond"] = "1000",
        ["Widget:RateLimits:CallsPerConnectionBurst"] = "1000",
        ["Widget:RateLimits:CallsPerConnectionPerSecond"] = "1000",
    };

    public WorkspaceAppFactory App { get; } = WorkspaceAppFactory.Create(settings: Settings);
    public WidgetDriver Driver { get; private set; } = null!;
    public TicketTestData Data => new(App.Services);
    public TicketService Tickets => App.Services.GetRequiredService<TicketService>();

    public async Task InitializeAsync() => Driver = await WidgetDriver.StartAsync(App.ServerAddress);

    public async Task DisposeAsync()
    {
        await Driver.DisposeAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ChatCollection : ICollectionFixture<ChatFixture>
{
    public const string Name = "Chat";
}
