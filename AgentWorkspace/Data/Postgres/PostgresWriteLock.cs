using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// What BEGIN IMMEDIATE is on SQLite, narrowed to what a transaction declares it changes. Every explicit transaction
/// first takes transaction-scoped advisory locks, across every app node on the database:
/// <list type="bullet">
/// <item>one that declares a <see cref="WriteScope"/> takes the global key <em>shared</em>, then its ticket's key and
/// its customer's and its area's keys exclusively (always in that order, so two scoped transactions can never wait for
/// each other in a circle): writes to different tickets run side by side, writes to the same ticket one at a time;</item>
/// <item>one that declares nothing takes the global key <em>exclusively</em>: it runs alone, as every write did before
/// scopes existed.</item>
/// </list>
/// The services were written for one writer at a time (TicketService's read-check-write with expectedVersion, the
/// per-ticket message Sequence as max + 1, "one customer per new address" in the API and the widget, routing's
/// capacity checks, the job claims, the maintained view counts and report rows); each still holds: a scoped
/// transaction reads and writes only its own ticket's rows under its ticket's key (expectedVersion, Sequence), the
/// ticket-number counter is a row that PostgreSQL locks from its UPDATE until commit (unique, gap-free), per-customer
/// checks run under the customer's key, the report upkeep (facts, hour/day/month rows) under its area's key, and
/// everything not converted to a scope (routing, jobs, customers, report rebuilds, admin) still excludes every other
/// write. The view counts are sums of each commit's deltas, so commits in any order give the same counts; the SLA and
/// report upkeep may read a ticket while it changes, and that change's own event refreshes it again after its commit. Reads never wait (MVCC), and a transaction holds its locks only until it
/// commits or rolls back, so a crashed node cannot keep them. Writes outside an explicit transaction are not queued,
/// as on SQLite.
/// </summary>
/// <param name="timeoutMs">
/// How long a write waits for any lock (the advisory keys, then the rows it updates) before it fails with 55P03: long
/// enough to queue behind a burst, as SQLite's in-process gate queues, short enough for a person waiting on the answer.
/// </param>
internal sealed class PostgresWriteLock(int timeoutMs) : DbTransactionInterceptor
{
    /// <summary>The global advisory key: any constant the app uses for nothing else ("AW" in ASCII).</summary>
    internal const long Key = 0x4157;

    /// <summary>The first half of a ticket's two-part key ("AWT"); two-part keys never collide with the one-part global key.</summary>
    internal const int TicketKeys = 0x415754;

    /// <summary>The first half of a customer's two-part key ("AWC").</summary>
    internal const int CustomerKeys = 0x415743;

    /// <summary>The first half of a <see cref="WriteArea"/>'s two-part key ("AWA").</summary>
    internal const int AreaKeys = 0x415741;

    internal string Sql(WriteScope? scope)
    {
        // lock_timeout stays set for the whole transaction: it bounds the waits for the rows a scoped transaction
        // shares with others (the ticket-number counter) as well as the turn itself.
        var sql = $"SET LOCAL lock_timeout = {timeoutMs}; ";
        if (scope is null)
        {
            return sql + $"SELECT pg_advisory_xact_lock({Key});";
        }
        sql += $"SELECT pg_advisory_xact_lock_shared({Key}); ";
        // Always tickets in ascending order, then the customer, then the area: no two scoped transactions can each
        // hold a key the other waits for.
        foreach (var ticketId in scope.TicketIds.Distinct().Order())
        {
            sql += $"SELECT pg_advisory_xact_lock({TicketKeys}, {ticketId}); ";
        }
        if (scope.CustomerId is { } customerId)
        {
            sql += $"SELECT pg_advisory_xact_lock({CustomerKeys}, {customerId}); ";
        }
        if (scope.Area is { } area)
        {
            sql += $"SELECT pg_advisory_xact_lock({AreaKeys}, {(int)area}); ";
        }
        return sql;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql(WriteScopes.Of(eventData.Context));
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql(WriteScopes.Of(eventData.Context));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}
