namespace AgentWorkspace.Features.Dashboard;

public static class DashboardServiceExtensions
{
    /// <summary>The supervisors' live dashboard (/dashboard): one <see cref="DashboardState"/> computes for all open dashboards.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardState>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardState>());
        return services;
    }
}
