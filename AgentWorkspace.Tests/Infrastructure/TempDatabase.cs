using AgentWorkspace.Data;
using AgentWorkspace.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A real database for tests below the HTTP level, deleted afterwards: a SQLite file in a temp folder, or with
/// AW_TEST_DATABASE=Postgres a fresh, already migrated database on the test run's PostgreSQL server.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly Lazy<string> postgres = new(PostgresServer.CreateDatabase);

    private readonly bool postgresRun;

    /// <param name="sqliteOnly">A SQLite file even in the PostgreSQL pass (tests of SQLite itself, e.g. its query plans).</param>
    public TempDatabase(bool sqliteOnly = false)
    {
        postgresRun = TestDatabases.Postgres && !sqliteOnly;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString => postgresRun ? postgres.Value : $"Data Source={Path.Combine(Folder, "test.db")}";

    /// <summary>The Database:Provider setting for an app host on this database.</summary>
    public string Provider => postgresRun ? "Postgres" : "Sqlite";

    public AppDbContext CreateContext() => postgresRun
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>
    /// Registers the app's context factory on this database. PostgreSQL registers it as the app does (its own context
    /// type, which owns the PostgreSQL migrations, and the write lock its transactions rely on); SQLite gets the app's
    /// pragmas and write gate when <paramref name="serialized"/>.
    /// </summary>
    public IServiceCollection AddDbContextFactory(IServiceCollection services, bool serialized = false)
    {
        if (postgresRun)
        {
            return services.AddPostgresDbContextFactory((_, options) => options.UseNpgsql(ConnectionString).AddInterceptors(new PostgresWriteLock(5000)));
        }
        return serialized
            ? services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas(5000), new SqliteWriteGate(5000)))
            : services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(ConnectionString));
    }

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
