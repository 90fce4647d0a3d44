using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Macros;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Canned;

/// <summary>
/// The ticket page's world (Ana and Lucas in Billing, a customer) plus canned responses and macros on the real services,
/// and Ben in another team (Technical Support) to test who sees what.
/// </summary>
public abstract class CannedTest : TicketPageTest
{
    protected CannedService Canned => Services.GetRequiredService<CannedService>();
    protected MacroService Macros => Services.GetRequiredService<MacroService>();

    protected SharingActor AnaActor => new(Ana.AgentId, false, Ana.TeamIds);
    protected SharingActor LucasActor => new(Lucas.AgentId, false, Lucas.TeamIds);

    /// <summary>A supervisor of no team: manages shared and team items.</summary>
    protected SharingActor Supervisor => new("agent-rita", true, []);

    protected int BillingId => Ana.TeamIds[0];

    /// <summary>Adds Ben (Technical Support) and the supervisor Rita; returns Ben as an actor.</summary>
    protected async Task<SharingActor> AddBenAndRitaAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        if (await db.TeamMembers.FirstOrDefaultAsync(m => m.AgentId == "agent-ben") is { } existing)
        {
            return new SharingActor("agent-ben", false, [existing.TeamId]);
        }
        var team = new Team { Name = "Technical Support" };
        db.Teams.Add(team);
        foreach (var (id, name) in new[] { ("agent-ben", "Ben Carter"), ("agent-rita", "Rita Moreno") })
        {
            db.Users.Add(new Agent { Id = id, UserName = id, Email = $"{id}@example.test", DisplayName = name, CreatedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();
        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, AgentId = "agent-ben" });
        await db.SaveChangesAsync();
        return new SharingActor("agent-ben", false, [team.Id]);
    }

    /// <summary>Saves a response as the supervisor (shared or team) or its author (personal); fails the test when refused.</summary>
    protected async Task<int> SaveAsync(string shortcut, string? en, string? es = null, Sharing sharing = Sharing.Shared, int? teamId = null, SharingActor? by = null)
    {
        by ??= sharing == Sharing.Personal ? AnaActor : Supervisor;
        await AddBenAndRitaAsync();
        var saved = await Canned.SaveAsync(by, new CannedDraft(0, shortcut, $"Title of {shortcut}", en, es, sharing, teamId));
        saved.Succeeded.ShouldBeTrue(saved.Problem?.Message);
        return saved.Id!.Value;
    }

    protected async Task SetCustomerNameAsync(Ticket ticket, string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Customers.Where(c => c.Id == ticket.CustomerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name));
    }

    protected async Task SetLanguageAsync(Ticket ticket, string language)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Language, language));
    }
}
