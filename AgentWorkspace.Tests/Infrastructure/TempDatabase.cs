using AgentWorkspace.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>A real SQLite file in a temp folder, deleted afterwards, for tests below the HTTP level.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString => $"Data Source={Path.Combine(Folder, "test.db")}";

    public AppDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(Folder);
    }
}
