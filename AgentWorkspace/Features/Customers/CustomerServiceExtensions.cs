namespace AgentWorkspace.Features.Customers;

public static class CustomerServiceExtensions
{
    /// <summary>The customer directory: profiles, edits with history, merges, search (needs AddTickets for visibility).</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton<CustomerService>();
        services.AddSingleton<CustomerQueries>();
        return services;
    }
}
