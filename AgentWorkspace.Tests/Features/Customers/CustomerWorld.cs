using AgentWorkspace.Data;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>Customers and tickets made through the real services of an app, each with a unique name so tests never meet.</summary>
public sealed class CustomerWorld(IServiceProvider services)
{
    public CustomerService Customers => services.GetRequiredService<CustomerService>();
    public CustomerQueries Queries => services.GetRequiredService<CustomerQueries>();
    public TicketService Tickets => services.GetRequiredService<TicketService>();

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    public Task<AgentScope> ScopeAsync(string email) => new TicketTestData(services).ScopeAsync(email);

    public async Task<int> CreateCustomerAsync(AgentScope scope, string name, string? email = null, string? phone = null, string? company = null)
    {
        var result = await Customers.CreateAsync(scope, new NewCustomer(name, email, phone, company));
        result.Succeeded.ShouldBeTrue(result.Error);
        return result.CustomerId!.Value;
    }

    public async Task<int> CreateTicketAsync(AgentScope scope, int customerId, string team = "Billing & Accounts", string? subject = null)
    {
        await using var db = await DbAsync();
        var teamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
        var result = await Tickets.CreateByAgentAsync(scope, new AgentNewTicket(
            customerId, TicketChannel.Phone, subject ?? Unique("Call "), "The customer called about an invoice.", FirstMessageKind.AgentSummary, TeamId: teamId));
        result.Succeeded.ShouldBeTrue(result.Error);
        return result.TicketNumber!.Value;
    }

    public async Task<Customer> ReadAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.Customers.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == id);
    }

    public Task<AppDbContext> DbAsync() => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
