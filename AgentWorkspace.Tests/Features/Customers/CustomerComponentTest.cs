using System.Security.Claims;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>Customer components rendered with the real customer and ticket services on a real (migrated, empty) SQLite database.</summary>
public abstract class CustomerComponentTest : ComponentTest
{
    protected const string AgentId = "agent-ana";

    private readonly TempDatabase database = new();

    protected CustomerComponentTest()
    {
        using (var db = database.CreateContext())
        {
            db.Database.Migrate();
            db.Users.Add(new Agent { Id = AgentId, UserName = "ana@nimbus.test", Email = "ana@nimbus.test", DisplayName = "Ana García", CreatedAt = DateTimeOffset.UtcNow });
            db.Teams.Add(new Team { Name = "Billing & Accounts" });
            db.SaveChanges();
        }
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddNotifications();
        Services.AddTickets();
        Services.AddCustomers();
        AddAuthorization().SetAuthorized("Ana García").SetRoles(Roles.Agent).SetClaims(new Claim(ClaimTypes.NameIdentifier, AgentId));
    }

    protected static AgentScope Ana { get; } = new(AgentId, IsAdmin: false, []);

    protected CustomerService Customers => Services.GetRequiredService<CustomerService>();

    protected AppDbContext Db() => database.CreateContext();

    protected async Task<int> CustomerAsync(string name, string? email = null, string? phone = null, bool verified = false)
    {
        if (verified)
        {
            await using var db = Db();
            var customer = new Customer { Name = name, Email = email, Phone = phone, IsVerified = true, ExternalId = "site-" + name, CreatedAt = DateTimeOffset.UtcNow };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        }
        var result = await Customers.CreateAsync(Ana, new NewCustomer(name, email, phone));
        result.Succeeded.ShouldBeTrue(result.Error);
        return result.CustomerId!.Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}
