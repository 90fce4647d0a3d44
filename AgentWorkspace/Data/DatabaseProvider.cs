using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AgentWorkspace.Data;

/// <summary>Database:Provider: the embedded default (one SQLite file) or PostgreSQL for more than one machine.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviderExtensions
{
    /// <summary>True on PostgreSQL: the few places with provider-specific SQL (search indexes, locks) branch on it.</summary>
    public static bool IsPostgres(this DatabaseFacade database) =>
        string.Equals(database.ProviderName, "Npgsql.EntityFrameworkCore.PostgreSQL", StringComparison.Ordinal);
}
