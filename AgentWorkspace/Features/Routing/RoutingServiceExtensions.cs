using AgentWorkspace.Features.Scheduling;

namespace AgentWorkspace.Features.Routing;

public static class RoutingServiceExtensions
{
    /// <summary>Skills, capacities, default teams and automatic assignment (needs tickets, presence, notifications and scheduling).</summary>
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.Section));
        services.AddSingleton<RoutingEngine>();
        services.AddSingleton<RoutingAdminService>();
        services.AddSingleton<IJobHandler, AcceptTimeoutJob>();
        // The automation rules' "route automatically" action.
        services.AddSingleton<Automation.IRuleAction, AutoAssignAction>();
        services.AddSingleton<RoutingFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<RoutingFeed>());
        return services;
    }
}
