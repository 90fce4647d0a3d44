using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>Creates fresh tickets through the real service, so a test never depends on another test's changes to demo data.</summary>
public sealed class TicketTestData(IServiceProvider services)
{
    public TicketService Tickets => services.GetRequiredService<TicketService>();

    public async Task<(int Id, int Number, int CustomerId)> CreateAsync(string teamName = "Billing & Accounts", string body = "Hello, I need help.", string? subject = null)
    {
        await using var db = await DbAsync();
        var teamId = await db.Teams.Where(t => t.Name == teamName).Select(t => t.Id).SingleAsync();
        var customerId = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var result = await Tickets.CreateTicketAsync(new NewTicket(customerId, subject ?? $"Test ticket {Guid.NewGuid():N}", body, TicketChannel.Email, TeamId: teamId));
        result.Succeeded.ShouldBeTrue(result.Error);
        var id = await db.Tickets.Where(t => t.Number == result.TicketNumber).Select(t => t.Id).SingleAsync();
        return (id, result.TicketNumber!.Value, customerId);
    }

    public async Task<AgentScope> ScopeAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var agent = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var isAdmin = await users.IsInRoleAsync(agent, Roles.Admin);
        return await services.GetRequiredService<AgentScopeResolver>().ForAgentAsync(agent.Id, isAdmin);
    }

    public async Task<Ticket> ReadAsync(int ticketId)
    {
        await using var db = await DbAsync();
        return await db.Tickets.AsNoTracking().Include(t => t.Tags).SingleAsync(t => t.Id == ticketId);
    }

    public Task<AppDbContext> DbAsync() => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
