using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Reports;

public sealed class ReportRebuildTests
{
    [Fact]
    public async Task TheRebuild_GivesTheSameFactsAndAggregatesAsTheLiveUpkeep()
    {
        await using var world = await ReportWorld.CreateAsync();
        var live = await world.SnapshotAsync();
        live.Count(r => r.StartsWith("C ", StringComparison.Ordinal)).ShouldBe(4);
        live.ShouldContain(r => r.StartsWith("D ", StringComparison.Ordinal));

        (await world.Store.RebuildAsync()).ShouldBe(3);

        (await world.SnapshotAsync()).ShouldBe(live);
    }

    [Fact]
    public async Task AfterRandomChanges_TheKeptUpRowsEqualAFullRebuild()
    {
        await using var world = await ReportWorld.CreateAsync();
        var w = world.Sla;
        var random = new Random(15);
        var scopes = new[] { await w.ScopeAsync(w.Id.Ana), await w.ScopeAsync(w.Id.Tom) };
        var tickets = new List<int> { world.T1, world.T2, world.T3 };
        for (var i = 0; i < 40; i++)
        {
            w.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 600)));
            var ticketId = tickets[random.Next(tickets.Count)];
            await using var db = w.Db();
            var current = db.Tickets.Single(t => t.Id == ticketId);
            var scope = scopes[random.Next(scopes.Length)];
            switch (random.Next(9))
            {
                case 0:
                    tickets.Add(await w.NewTicketAsync(assign: random.Next(2) == 0));
                    break;
                case 1 when current.Status != TicketStatus.Closed:
                    var next = (TicketStatus)random.Next(6);
                    await w.Tickets.ExecuteAsync(scope, ticketId, new SetStatus(current.Status, next));
                    break;
                case 2 when current.Status != TicketStatus.Closed:
                    await w.Tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage("Reply", random.Next(3) == 0 ? MessageVisibility.Internal : MessageVisibility.Public));
                    break;
                case 3:
                    await w.Tickets.AddCustomerMessageAsync(ticketId, current.CustomerId, "More", null);
                    break;
                case 4:
                    await w.Tickets.ExecuteAsync(scope, ticketId, new Assign(current.AssigneeId, random.Next(2) == 0 ? null : scope.AgentId));
                    break;
                case 5:
                    await w.Tickets.ExecuteAsync(scopes[0], ticketId, new SetTeam(current.TeamId, current.TeamId == w.Id.Support ? w.Id.Tier2 : w.Id.Support));
                    break;
                case 6 when current.Tier < 3:
                    await w.Tickets.ExecuteAsync(scopes[0], ticketId, new Escalate(current.TeamId, current.Tier + 1, "Harder than it looked"));
                    break;
                // Tags and categories change after creation (the per-tag and per-category rows must follow).
                case 7:
                    var tag = new[] { "vip", "refund", "bug" }[random.Next(3)];
                    var tagged = db.TicketTags.Any(t => t.TicketId == ticketId && t.Tag == tag);
                    await w.Tickets.ExecuteAsync(scopes[0], ticketId, tagged ? new RemoveTag(tag) : new AddTag(tag));
                    break;
                case 8:
                    var category = new[] { null, "billing", "returns" }[random.Next(3)];
                    await w.Tickets.ExecuteAsync(scopes[0], ticketId, new SetCategory(current.Category, category));
                    break;
            }
        }
        // A follow-up of a closed ticket is a new ticket too: count every ticket there is.
        await world.WaitForFactsAsync();
        var live = await world.SnapshotAsync();
        live.ShouldContain(r => r.StartsWith("D False", StringComparison.Ordinal) && r.Contains(" t:", StringComparison.Ordinal), "some per-tag rows");
        live.ShouldContain(r => r.StartsWith("D True", StringComparison.Ordinal) && r.Contains(" k:", StringComparison.Ordinal), "some per-category rows");
        live.ShouldContain(r => r.StartsWith("H ", StringComparison.Ordinal) && r.Contains(" t:", StringComparison.Ordinal), "some per-tag hours");

        await world.Store.RebuildAsync();

        (await world.SnapshotAsync()).ShouldBe(live);
    }
}
