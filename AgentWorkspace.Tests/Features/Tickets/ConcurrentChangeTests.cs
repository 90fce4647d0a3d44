using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Tickets;

[Collection(AppCollection.Name)]
public sealed class ConcurrentChangeTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [Fact]
    public async Task TwoAgentsChangingTheSameFieldAtOnce_OneWins_TheOtherGetsAConflict()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var lucas = await Data.ScopeAsync(DemoAgents.LucasEmail);
        using var start = new SemaphoreSlim(0);

        var anaTask = Task.Run(async () => { await start.WaitAsync(); return await Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.OnHold)); });
        var lucasTask = Task.Run(async () => { await start.WaitAsync(); return await Data.Tickets.ExecuteAsync(lucas, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Resolved)); });
        start.Release(2);
        var results = await Task.WhenAll(anaTask, lucasTask);

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Count(r => r.Outcome == CommandOutcome.Conflict).ShouldBe(1);
        var winner = results[0].Succeeded ? TicketStatus.OnHold : TicketStatus.Resolved;
        (await Data.ReadAsync(ticket.Id)).Status.ShouldBe(winner);
        await using var db = await Data.DbAsync();
        (await db.TicketEvents.CountAsync(e => e.TicketId == ticket.Id && e.Field == "Status")).ShouldBe(1);
    }

    [Fact]
    public async Task ManyConcurrentChangesToDifferentFields_AllLand()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var lucas = await Data.ScopeAsync(DemoAgents.LucasEmail);

        var results = await Task.WhenAll(
            Task.Run(() => Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetPriority(TicketPriority.Normal, TicketPriority.High))),
            Task.Run(() => Data.Tickets.ExecuteAsync(lucas, ticket.Id, new Assign(null, lucas.AgentId))),
            Task.Run(() => Data.Tickets.ExecuteAsync(ana, ticket.Id, new AddTag("refund"))),
            Task.Run(() => Data.Tickets.ExecuteAsync(lucas, ticket.Id, new AddTag("vip"))),
            Task.Run(() => Data.Tickets.ExecuteAsync(ana, ticket.Id, new SetCategory(null, "Billing"))));

        results.ShouldAllBe(r => r.Succeeded);
        var stored = await Data.ReadAsync(ticket.Id);
        stored.Priority.ShouldBe(TicketPriority.High);
        stored.AssigneeId.ShouldBe(lucas.AgentId);
        stored.Category.ShouldBe("Billing");
        stored.Tags.Select(t => t.Tag).ShouldBe(["refund", "vip"], ignoreOrder: true);
    }

    [Fact]
    public async Task ConcurrentMessages_GetDistinctGapFreeSequenceNumbers()
    {
        var ticket = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => i % 3 == 0
            ? Data.Tickets.AddCustomerMessageAsync(ticket.Id, ticket.CustomerId, $"customer {i}", $"c-{i}")
            : Data.Tickets.AddAgentMessageAsync(ana, ticket.Id, new AgentMessage($"agent {i}", MessageVisibility.Internal, $"a-{i}")))));

        await using var db = await Data.DbAsync();
        var seqs = await db.Messages.Where(m => m.TicketId == ticket.Id).OrderBy(m => m.Seq).Select(m => m.Seq).ToListAsync();
        seqs.ShouldBe(Enumerable.Range(1, 13).ToList());
        (await Data.ReadAsync(ticket.Id)).LastMessageSeq.ShouldBe(13);
    }
}
