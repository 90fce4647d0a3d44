namespace AgentWorkspace.Features.Canned;

public static class CannedServiceExtensions
{
    /// <summary>Canned responses: the service the management page, the composer's "/" picker and macros use.</summary>
    public static IServiceCollection AddCanned(this IServiceCollection services)
    {
        services.AddSingleton<CannedService>();
        services.AddSingleton<SharingActors>();
        // The automation rules' "send canned reply" action.
        services.AddSingleton<Automation.IRuleAction, CannedReplyAction>();
        return services;
    }
}
