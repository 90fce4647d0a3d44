using AgentWorkspace.Data;
using AgentWorkspace.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A real database for tests below the HTTP level, deleted afterwards: a SQLite file in a temp folder, or with
/// AW_TEST_DATABASE=Postgres a fresh, already migrated database on the test run's PostgreSQL server.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly Lazy<string> postgres = new(PostgresServer.CreateDatabase);

    public TempDatabase()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString => TestDatabases.Postgres ? postgres.Value : $"Data Source={Path.Combine(Folder, "test.db")}";

    /// <summary>The Database:Provider setting for an app host on this database.</summary>
    public string Provider => TestDatabases.Provider;

    public AppDbContext CreateContext() => TestDatabases.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>
    /// Points a context's options at this database. PostgreSQL always gets the app's write lock (its transactions
    /// rely on it); SQLite gets the app's pragmas and write gate when <paramref name="serialized"/>.
    /// </summary>
    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options, bool serialized = false) => TestDatabases.Postgres
        ? options.UseNpgsql(ConnectionString).AddInterceptors(new PostgresWriteLock(5000))
        : serialized
            ? options.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas(5000), new SqliteWriteGate(5000))
            : options.UseSqlite(ConnectionString);

    public void Dispose()
    {
        if (postgres.IsValueCreated)
        {
            PostgresServer.DropDatabase(postgres.Value);
        }
        SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(Folder);
    }
}
