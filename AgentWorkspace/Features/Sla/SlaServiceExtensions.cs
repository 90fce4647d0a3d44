using AgentWorkspace.Features.Scheduling;

namespace AgentWorkspace.Features.Sla;

public static class SlaServiceExtensions
{
    /// <summary>Business calendars, SLA policies, each ticket's clock and the timed rules (needs <see cref="SchedulingServiceExtensions.AddScheduling"/>).</summary>
    public static IServiceCollection AddSla(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton<SlaEngine>();
        services.AddSingleton<SlaActions>();
        services.AddSingleton<SlaClock>();
        services.AddSingleton<SlaAdminService>();
        services.AddSingleton<IJobHandler, SlaJobHandler>();
        services.AddSingleton<IJobHandler, AutoCloseHandler>();
        services.AddSingleton<IJobHandler, StatusReminder>();
        services.AddSingleton<SlaFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaFeed>());
        return services;
    }
}
