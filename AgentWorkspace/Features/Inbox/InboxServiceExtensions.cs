using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Features.Inbox;

public static class InboxServiceExtensions
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboxQuery>();
        services.AddSingleton<InboxCounts>();
        services.AddSingleton<IInterceptor, InboxCountsInterceptor>();
        services.AddSingleton<InboxFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxFeed>());
        return services;
    }
}
