using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Data;

/// <summary>
/// Per-connection SQLite settings. WAL itself is a property of the database file (set once at start-up);
/// busy_timeout lets a writer wait for another writer's lock instead of failing with SQLITE_BUSY at once.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMs) : DbConnectionInterceptor
{
    private string Sql => $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
