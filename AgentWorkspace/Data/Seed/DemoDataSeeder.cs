using AgentWorkspace.Features.Agents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// Fills an empty database with the Nimbus support team's demo world: five agents in two teams (with their skills, capacities and automatic assignment), forty shop
/// owners, eighty tickets in English and Spanish with their conversations and history, business calendars and SLA
/// policies (each ticket's SLA state is computed from its history when the app starts), the help centre, and canned
/// responses and macros.
/// Runs once, when there are no agents yet. The same seed gives the same data on every run; only the
/// timestamps move with the clock, so the inbox always looks current.
/// </summary>
internal static class DemoDataSeeder
{
    /// <summary>The password of every demo agent (README "Demo sign-ins").</summary>
    public const string Password = "Demo!Pass2026";

    public const int FirstTicketNumber = 1001;

    private const int RandomSeed = 2026;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var random = new Random(RandomSeed);

        // Identity saves each user itself, so agents are created before (and outside) the transaction.
        var agents = await DemoAgents.CreateAsync(services.GetRequiredService<UserManager<Agent>>(), now);

        var db = services.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var (billing, technical) = agents.CreateTeams();
        db.Teams.AddRange(billing, technical);
        var customers = DemoCustomers.Create(now, random);
        db.Customers.AddRange(customers.Select(c => c.Customer));
        await db.SaveChangesAsync(cancellationToken);
        DemoRouting.Seed(db, agents, billing, technical);

        var calendars = DemoSla.Calendars(now, technical);
        var policies = DemoSla.Policies(agents, now);
        db.BusinessCalendars.AddRange(calendars);
        db.SlaPolicies.AddRange(policies);
        db.AddRange(DemoAutomation.Rules(technical, now));

        var builder = new DemoTicketBuilder(now, random);
        var built = DemoTicketPlanner.Plan(customers, agents, billing, technical, random).Select(builder.Build).ToList();
        DemoSla.ArrangeClocks(built, customers.Where(c => c.Customer.IsVip).Select(c => c.Customer.Id).ToHashSet(), policies, calendars, now);
        var tickets = built.OrderBy(t => t.CreatedAt).ToList();
        // Numbers follow creation time, as they would have been allocated live.
        var number = FirstTicketNumber - 1;
        foreach (var ticket in tickets)
        {
            ticket.Number = ++number;
        }
        db.Tickets.AddRange(tickets);

        var counter = await db.Counters.SingleAsync(c => c.Name == Counter.TicketNumber, cancellationToken);
        counter.Value = number;
        await db.SaveChangesAsync(cancellationToken);
        // Its own sequence, so the knowledge base seeded next gets the same numbers it always did.
        DemoSurveys.Seed(db, tickets, now, new Random(RandomSeed + 1));
        await db.SaveChangesAsync(cancellationToken);

        await DemoKnowledgeBase.SeedAsync(db, agents, now, random, cancellationToken);
        await DemoCanned.SeedAsync(db, agents, billing, technical, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
