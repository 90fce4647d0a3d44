using System.Threading.Channels;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>Seen marks are group-committed: every mark made at once is stored, and each agent hears of theirs after the commit.</summary>
[Collection(AppCollection.Name)]
public sealed class TicketReadsTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [Fact]
    public async Task MarksMadeAtOnce_AreAllStored_AndEachAgentHearsOfTheirsAfterTheCommit()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Data.CreateAsync()));
        var agents = new List<string>();
        foreach (var email in new[] { DemoAgents.AnaEmail, DemoAgents.BenEmail, DemoAgents.RitaEmail, DemoAgents.AdminEmail })
        {
            agents.Add((await Data.ScopeAsync(email)).AgentId);
        }
        var notifier = app.Services.GetRequiredService<WorkspaceNotifier>();
        var heard = Channel.CreateUnbounded<TicketSeen>();
        using var subscription = notifier.Subscribe([.. agents.Select(Topic.Agent)], batch =>
        {
            foreach (var seen in batch.OfType<TicketSeen>()) heard.Writer.TryWrite(seen);
            return Task.CompletedTask;
        });
        var reads = app.Services.GetRequiredService<TicketReads>();
        var before = DateTimeOffset.UtcNow;

        await Task.WhenAll(agents.SelectMany(a => tickets.Select(t => reads.MarkSeenAsync(a, t.Id))));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = tickets.Select(t => t.Id).ToList();
        var stored = await db.TicketReads.Where(r => ids.Contains(r.TicketId) && agents.Contains(r.AgentId)).ToListAsync();
        stored.Count.ShouldBe(16);
        stored.ShouldAllBe(r => r.SeenAt >= before.AddSeconds(-1));
        var expected = agents.SelectMany(a => ids.Select(t => new TicketSeen(a, t))).ToHashSet();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (expected.Count > 0)
        {
            expected.Remove(await heard.Reader.ReadAsync(timeout.Token));
        }
    }

    [Fact]
    public async Task OpeningATicketsPage_StoresItsSeenMark_AndOneOpeningPerOpen_ForHandleTime()
    {
        var ticket = await Data.CreateAsync();
        var ana = (await Data.ScopeAsync(DemoAgents.AnaEmail)).AgentId;
        var reads = app.Services.GetRequiredService<TicketReads>();

        await Task.WhenAll(reads.MarkOpenedAsync(ana, ticket.Id), reads.MarkSeenAsync(ana, ticket.Id));
        await reads.MarkOpenedAsync(ana, ticket.Id);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.TicketReads.CountAsync(r => r.TicketId == ticket.Id && r.AgentId == ana)).ShouldBe(1);
        // Two openings (a seen mark alone is no opening), in the group commits that stored the marks.
        (await db.TicketOpens.CountAsync(o => o.TicketId == ticket.Id && o.AgentId == ana)).ShouldBe(2);
    }
}
