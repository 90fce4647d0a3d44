namespace AgentWorkspace.Features.Tickets;

public static class TicketServiceExtensions
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<AgentScopeResolver>();
        services.AddSingleton<TicketPresence>();
        services.AddSingleton<TicketReads>();
        return services;
    }
}
