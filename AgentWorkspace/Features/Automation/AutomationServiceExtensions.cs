namespace AgentWorkspace.Features.Automation;

public static class AutomationServiceExtensions
{
    /// <summary>
    /// Rules that react to ticket events (needs Tickets, Notifications and Sla). Other features add action kinds with
    /// <c>services.AddSingleton&lt;IRuleAction, TheirAction&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutomationOptions>().Bind(configuration.GetSection(AutomationOptions.Section));
        services.AddSingleton<AutomationHistory>();
        services.AddSingleton<AutomationEngine>();
        services.AddSingleton<AutomationAdminService>();
        services.AddSingleton<IRuleAction, SetPriorityAction>();
        services.AddSingleton<IRuleAction, SetStatusAction>();
        services.AddSingleton<IRuleAction, SetTeamAction>();
        services.AddSingleton<IRuleAction, AssignAgentAction>();
        services.AddSingleton<IRuleAction, SetCategoryAction>();
        services.AddSingleton<IRuleAction, AddTagAction>();
        services.AddSingleton<IRuleAction, RemoveTagAction>();
        services.AddSingleton<IRuleAction, AddNoteAction>();
        services.AddSingleton<IRuleAction, NotifyAction>();
        services.AddSingleton<AutomationFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<AutomationFeed>());
        return services;
    }
}
