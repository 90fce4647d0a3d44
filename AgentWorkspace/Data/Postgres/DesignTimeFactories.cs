using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// dotnet ef builds each provider's context here (no app host, no database needed to add a migration):
/// <c>--context AppDbContext</c> for SQLite, <c>--context PostgresAppDbContext</c> for PostgreSQL.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=data/agentworkspace.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("AW_POSTGRES") ?? "Host=localhost;Database=agentworkspace")
            .Options);
}
