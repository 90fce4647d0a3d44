namespace AgentWorkspace.Features.Agents;

public static class AgentServiceExtensions
{
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddScoped<AgentAdminService>();
        return services;
    }
}
