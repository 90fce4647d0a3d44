using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AgentWorkspace.Features.Presence;

public static class PresenceServiceExtensions
{
    public static IServiceCollection AddPresence(this IServiceCollection services)
    {
        services.AddSingleton<PresenceBoard>();
        services.AddSingleton<PresenceTracker>();
        services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
        return services;
    }
}
