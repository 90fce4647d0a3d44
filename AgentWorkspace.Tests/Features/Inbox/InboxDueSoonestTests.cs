using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The "Due soonest" sort and the "Breaching soon" view on the demo data's SLA states, page after page.</summary>
[Collection(AppCollection.Name)]
public sealed class InboxDueSoonestTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);
    private InboxQuery Inbox => app.Services.GetRequiredService<InboxQuery>();

    [Fact]
    public async Task DueSoonest_ListsTheNextDueInstantAscending_TicketsWithoutALast_AcrossKeysetPages()
    {
        await app.Services.GetRequiredService<SlaFeed>().CatchUp;
        var created = await Data.CreateAsync(); // a new ticket gets a policy too: one more due instant in the list
        // The SLA engine computes the new ticket's clock just after its commit: wait for it rather than race it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var fresh = await Data.DbAsync();
            if (await fresh.Tickets.AnyAsync(t => t.Id == created.Id && t.SlaDueKey != long.MaxValue) || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(50);
        }
        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);
        var filter = new InboxFilter { View = InboxView.AllOpen, Sort = InboxSort.DueSoonest };

        var paged = new List<InboxRow>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Inbox.ListAsync(admin, filter, after, 7);
            paged.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        await using var db = await Data.DbAsync();
        var open = InboxQuery.OpenStatuses.ToList();
        var tickets = await db.Tickets.Where(t => open.Contains(t.Status)).Select(t => t.Id).ToListAsync();
        var states = (await db.SlaStates.AsNoTracking().ToListAsync()).ToDictionary(s => s.TicketId, InboxSla.Of);
        var expected = tickets
            .OrderBy(id => states.GetValueOrDefault(id).DueAt is null)
            .ThenBy(id => states.GetValueOrDefault(id).DueAt)
            .ThenBy(id => id)
            .ToList();

        pages.ShouldBeGreaterThan(2, "enough open tickets to page through");
        paged.Select(r => r.Id).ShouldBe(expected);
        paged.Count(r => r.Sla.DueAt is not null).ShouldBeGreaterThan(1, "the demo data has running targets");
        paged.Select(r => r.Sla.DueAt).SkipWhile(d => d is not null).ShouldAllBe(d => d == null, "no due instant after the first ticket without one");
        paged.ShouldContain(r => r.Id == created.Id && r.Sla.DueAt != null);
    }

    [Fact]
    public async Task BreachingSoon_HoldsOpenTicketsAtRiskBreachedOrDueWithinTheWindow_AndItsCountAgrees()
    {
        await app.Services.GetRequiredService<SlaFeed>().CatchUp;
        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);
        var now = DateTimeOffset.UtcNow;

        var rows = (await Inbox.ListAsync(admin, new InboxFilter { View = InboxView.BreachingSoon, Sort = InboxSort.DueSoonest }, null, InboxQuery.MaxPageSize)).Rows;

        rows.ShouldNotBeEmpty("the demo data has tickets at risk and breached");
        rows.ShouldAllBe(r => InboxMatcher.IsOpen(r.Status) && r.Sla.BreachingSoonAt(now));
        (await Inbox.CountBreachingSoonAsync(admin)).ShouldBe(rows.Count);
        (await Inbox.CountsAsync(admin))[nameof(InboxView.BreachingSoon)].ShouldBe(rows.Count);
    }
}
