using AgentWorkspace.Data;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// The in-process queue in front of SQLite's write lock: the next writer gets its turn when the previous transaction
/// ends, however it ends. The gate's own timeout is a minute here, so a turn that is never handed back shows up as a
/// writer still waiting after ten seconds.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan Handoff = TimeSpan.FromSeconds(10);
    private readonly TempDatabase database = new();
    private readonly SqliteWriteGate gate = new(timeoutMs: 60_000);

    public SqliteWriteGateTests()
    {
        using var db = CreateContext();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL; CREATE TABLE Items (Value INTEGER NOT NULL);");
    }

    [SqliteOnlyFact]
    public async Task SecondWriter_WaitsForTheFirst_AndGoesAheadWhenItCommits()
    {
        await using var first = CreateContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO Items VALUES (1)");

        var second = WriteAsync(2);
        await Task.Yield();
        second.IsCompleted.ShouldBeFalse();

        await firstTransaction.CommitAsync();
        await second.WaitAsync(Handoff);
        (await ValuesAsync()).ShouldBe([1, 2]);
    }

    [SqliteOnlyFact]
    public async Task ATransactionDisposedWithoutCommit_HandsTheTurnOn()
    {
        await using (var early = CreateContext())
        {
            await using var transaction = await early.Database.BeginTransactionAsync();
            await early.Database.ExecuteSqlRawAsync("INSERT INTO Items VALUES (1)");
            // An early return: neither commit nor rollback.
        }

        await WriteAsync(2).WaitAsync(Handoff);
        (await ValuesAsync()).ShouldBe([2]);
    }

    [SqliteOnlyFact]
    public async Task ARolledBackTransaction_HandsTheTurnOn()
    {
        await using (var first = CreateContext())
        {
            await using var transaction = await first.Database.BeginTransactionAsync();
            await first.Database.ExecuteSqlRawAsync("INSERT INTO Items VALUES (1)");
            await transaction.RollbackAsync();
            // The context stays open: the rollback itself must end the turn.
            await WriteAsync(2).WaitAsync(Handoff);
        }
        (await ValuesAsync()).ShouldBe([2]);
    }

    [SqliteOnlyFact]
    public async Task ManyWriters_QueueBehindTheHolder_AndEachGetsItsTurn()
    {
        await using var holder = CreateContext();
        await using var transaction = await holder.Database.BeginTransactionAsync();

        var writes = Enumerable.Range(1, 5).Select(WriteAsync).ToList();
        await Task.Yield();
        writes.ShouldAllBe(w => !w.IsCompleted);

        await transaction.CommitAsync();
        await Task.WhenAll(writes).WaitAsync(Handoff);
        (await ValuesAsync()).ShouldBe([1, 2, 3, 4, 5], ignoreOrder: true);
    }

    private async Task WriteAsync(int value)
    {
        await using var db = CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"INSERT INTO Items VALUES ({value})");
        await transaction.CommitAsync();
    }

    private async Task<List<int>> ValuesAsync()
    {
        await using var db = CreateContext();
        return await db.Database.SqlQueryRaw<int>("SELECT Value FROM Items ORDER BY Value").ToListAsync();
    }

    private AppDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(new SqlitePragmas(5000), gate)
            .Options);

    public void Dispose() => database.Dispose();
}
