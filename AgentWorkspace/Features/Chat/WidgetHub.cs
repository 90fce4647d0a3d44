using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// The only door customers use: the embeddable widget talks to this hub and never holds a Blazor circuit.
/// Anonymous by design; conversations will be authorised per call by a conversation token.
/// </summary>
[AllowAnonymous]
public sealed class WidgetHub : Hub
{
    public const string Path = "/hubs/widget";

    /// <summary>The widget's handshake: proves the round trip works and tells the widget what it talks to.</summary>
    public WidgetHello Hello() => new("AgentWorkspace", 1);
}

public sealed record WidgetHello(string Service, int ProtocolVersion);

public static class WidgetHubExtensions
{
    public const int MaximumReceiveMessageSize = 32 * 1024;

    public static IServiceCollection AddWidgetHub(this IServiceCollection services)
    {
        // Scoped to this hub: Blazor's own circuit hub keeps its settings.
        services.AddSignalR().AddHubOptions<WidgetHub>(options => options.MaximumReceiveMessageSize = MaximumReceiveMessageSize);
        return services;
    }

    public static IEndpointRouteBuilder MapWidgetHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<WidgetHub>(WidgetHub.Path).AllowAnonymous();
        return endpoints;
    }
}
