using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Data;

/// <summary>
/// Queues this process's write transactions in memory, before they ask SQLite for its one write lock.
/// Without it, a transaction that finds the lock taken (BEGIN IMMEDIATE answers SQLITE_BUSY) is parked by SQLite's
/// busy handler, which blocks its thread-pool thread in sleeps of up to 100 ms and polls: under concurrent writes the
/// lock sits idle between polls and blocked threads pile up (bench/ChatBench: eight API clients replying at once got
/// ~75 replies/s with the server using 0.6 of 2 cores). Here a transaction first awaits its turn without holding a
/// thread, and is handed the lock as soon as the previous one commits, rolls back or closes its connection.
/// SQLite's busy timeout still covers other processes on the same file (tools, a second instance); a writer that waits
/// longer than that timeout here goes on to SQLite anyway, so a stuck holder degrades to the old behaviour, never to a hang.
/// Writes outside an explicit transaction (single-statement ExecuteUpdate/ExecuteSql) are not queued here.
/// </summary>
internal sealed class SqliteWriteGate(int timeoutMs) : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private DbConnection? holder;
    private DbTransaction? holderTransaction; // a committed SqliteTransaction no longer knows its connection

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Hold(connection, gate.Wait(timeoutMs));
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        Hold(connection, await gate.WaitAsync(timeoutMs, cancellationToken));
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Started(connection, result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Started(connection, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Release(transaction);

    // A transaction disposed without commit or rollback (an early return) ends when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    private void Hold(DbConnection connection, bool entered)
    {
        if (entered)
        {
            lock (sync)
            {
                holder = connection;
            }
        }
    }

    private void Started(DbConnection connection, DbTransaction transaction)
    {
        lock (sync)
        {
            if (ReferenceEquals(holder, connection))
            {
                holderTransaction = transaction;
            }
        }
    }

    /// <summary>Ends the turn of whoever holds it through <paramref name="connectionOrTransaction"/>; anything else is a no-op.</summary>
    private Task Release(object connectionOrTransaction)
    {
        lock (sync)
        {
            if (holder is null || !(ReferenceEquals(holder, connectionOrTransaction) || ReferenceEquals(holderTransaction, connectionOrTransaction)))
            {
                return Task.CompletedTask;
            }
            holder = null;
            holderTransaction = null;
        }
        gate.Release();
        return Task.CompletedTask;
    }
}
