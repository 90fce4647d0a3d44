namespace AgentWorkspace.Features.Notifications;

public static class NotificationServiceExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationCenter>();
        return services;
    }
}
