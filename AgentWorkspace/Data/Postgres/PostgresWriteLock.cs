using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// What BEGIN IMMEDIATE is on SQLite: every explicit transaction first takes one transaction-scoped advisory lock, so
/// write transactions run one at a time across every app node on the database. The services were written for that
/// (TicketService's read-check-write with expectedVersion, the per-ticket message Sequence as max + 1, "one customer per
/// new address" in the API and the widget, routing's capacity checks, the job claims): each stays atomic without a
/// retry loop, on every node. Reads never wait (MVCC), and a transaction holds the lock only until it commits or rolls
/// back, so a crashed node cannot keep it. Writes outside an explicit transaction are not queued, as on SQLite.
/// </summary>
internal sealed class PostgresWriteLock(int timeoutMs) : DbTransactionInterceptor
{
    /// <summary>The advisory lock's key: any constant the app uses for nothing else ("AW" in ASCII).</summary>
    internal const long Key = 0x4157;

    // lock_timeout bounds only the wait for the turn (the busy timeout's role on SQLite); the rest of the transaction
    // runs with the server's default.
    private string Sql => $"SET LOCAL lock_timeout = {timeoutMs}; SELECT pg_advisory_xact_lock({Key}); SET LOCAL lock_timeout = DEFAULT;";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}
