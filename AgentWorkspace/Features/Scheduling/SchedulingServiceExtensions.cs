namespace AgentWorkspace.Features.Scheduling;

public static class SchedulingServiceExtensions
{
    /// <summary>The durable scheduler: <see cref="JobScheduler"/> to store work, <see cref="JobRunner"/> to run it when due.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section));
        services.AddSingleton<JobRunnerSignal>();
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
