using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>The seeded demo tickets in every SLA state, at whatever moment the demo was seeded.</summary>
internal static class DemoSlaStates
{
    public static async Task ShouldShowEveryStateAsync(WorkspaceAppFactory app)
    {
        await app.Services.GetRequiredService<SlaFeed>().CatchUp;
        List<int> ids;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            ids = await db.Tickets.Select(t => t.Id).ToListAsync();
            (await db.SlaStates.CountAsync()).ShouldBe(ids.Count);
            (await db.SlaPolicies.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
            (await db.BusinessCalendars.SingleAsync(c => c.IsDefault)).Name.ShouldBe("Madrid office");
        }
        var states = (await app.Services.GetRequiredService<SlaClock>().ForTicketsAsync(ids)).Values.Select(s => s.Status).ToHashSet();

        new[] { SlaStatus.OnTrack, SlaStatus.AtRisk, SlaStatus.Breached, SlaStatus.Paused, SlaStatus.Met }.Except(states).ShouldBeEmpty();
    }
}
