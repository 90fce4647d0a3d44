using AgentWorkspace.Data;
using AgentWorkspace.Data.Postgres;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// On PostgreSQL a write declares what it changes (<see cref="WriteScope"/>): writes to different tickets overlap, writes
/// to the same ticket and undeclared writes still wait. SQLite has one writer at a time by design (SqliteWriteGateTests).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WriteScopeTests(WorkspaceAppFactory app)
{
    private TicketTestData Data => new(app.Services);

    [PostgresPassFact]
    public async Task AChangeToAnotherTicket_Commits_WhileOneTicketsWriteIsStillOpen_AndTheSameTicketAndUndeclaredWritesWaitForIt()
    {
        await StartupWrites.DoneAsync(app.Services);
        var a = await Data.CreateAsync();
        var b = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        await using var holder = await Data.DbAsync();
        var open = await holder.BeginWriteAsync(WriteScope.Ticket(a.Id));
        await holder.Tickets.Where(t => t.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Priority, TicketPriority.High));

        // With one lock for every write this waited for the holder and failed after the lock timeout.
        var other = await Data.Tickets.ExecuteAsync(ana, b.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent)).WaitAsync(TimeSpan.FromSeconds(30));
        other.Succeeded.ShouldBeTrue(other.Error);

        var same = Data.Tickets.ExecuteAsync(ana, a.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Low));
        await PostgresLocks.UntilAsync(async () => await PostgresLocks.WaitersAsync(app.ConnectionString, PostgresWriteLock.TicketKeys, a.Id) == 1,
            "the second change to ticket A waits for A's key");
        var undeclared = Task.Run(async () =>
        {
            await using var db = await Data.DbAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await transaction.CommitAsync();
        });
        // At least one: the shared host's own background writers (job claims) may be queued for the global key too.
        await PostgresLocks.UntilAsync(async () => await PostgresLocks.WaitersAsync(app.ConnectionString, PostgresWriteLock.Key) >= 1,
            "an undeclared write waits for the global key");
        same.IsCompleted.ShouldBeFalse();
        undeclared.IsCompleted.ShouldBeFalse();

        await open.CommitAsync();
        await open.DisposeAsync();

        // The waiting change read the ticket after the holder's commit: its expected priority is stale, so it is a conflict.
        (await same.WaitAsync(TimeSpan.FromSeconds(30))).Outcome.ShouldBe(CommandOutcome.Conflict);
        await undeclared.WaitAsync(TimeSpan.FromSeconds(30));
        (await Data.ReadAsync(a.Id)).Priority.ShouldBe(TicketPriority.High);
        (await Data.ReadAsync(b.Id)).Priority.ShouldBe(TicketPriority.Urgent);
    }

    [PostgresPassFact]
    public async Task ARoutingDecision_WaitsOnlyForOtherRoutingDecisions_WhileTicketWritesGoOnBesideIt()
    {
        await StartupWrites.DoneAsync(app.Services);
        var a = await Data.CreateAsync();
        var b = await Data.CreateAsync();
        var c = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);

        // A decision on ticket A holds the routing area (it counts agents' loads and must not overlap another decision).
        await using var holder = await Data.DbAsync();
        var open = await holder.BeginWriteAsync(WriteScope.TicketIn(a.Id, WriteArea.Routing));

        // A change to another ticket does not wait for it (routing used to take the exclusive global key, so every
        // ticket write queued behind each decision).
        var other = await Data.Tickets.ExecuteAsync(ana, b.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent)).WaitAsync(TimeSpan.FromSeconds(30));
        other.Succeeded.ShouldBeTrue(other.Error);

        // Another decision waits for the routing area's key, and goes ahead when the first commits.
        var decision = Data.Tickets.DecideAsSystemAsync(c.Id, (_, _) => Task.FromResult<IReadOnlyList<SystemStep>>([]));
        await PostgresLocks.UntilAsync(async () => await PostgresLocks.WaitersAsync(app.ConnectionString, PostgresWriteLock.AreaKeys, (int)WriteArea.Routing) == 1,
            "the second routing decision waits for the routing area's key");
        decision.IsCompleted.ShouldBeFalse();

        await open.CommitAsync();
        await open.DisposeAsync();
        (await decision.WaitAsync(TimeSpan.FromSeconds(30))).Succeeded.ShouldBeTrue();
    }

    [PostgresPassFact]
    public async Task ConcurrentChangesToTwoTickets_WithExpectedVersions_GetOneSuccessAndOneConflictEach()
    {
        var a = await Data.CreateAsync();
        var b = await Data.CreateAsync();
        var ana = await Data.ScopeAsync(DemoAgents.AnaEmail);
        var versionA = (await Data.ReadAsync(a.Id)).Version;
        var versionB = (await Data.ReadAsync(b.Id)).Version;

        var results = await Task.WhenAll(
            from ticket in new[] { (a.Id, versionA), (b.Id, versionB) }
            from value in new[] { TicketPriority.High, TicketPriority.Urgent }
            select Data.Tickets.ExecuteAsync(ana, ticket.Item1, [new SetPriority(TicketPriority.Normal, value)], ticket.Item2));

        foreach (var pair in results.Chunk(2))
        {
            pair.Count(r => r.Succeeded).ShouldBe(1);
            pair.Count(r => r.Outcome == CommandOutcome.Conflict).ShouldBe(1);
        }
    }
}
