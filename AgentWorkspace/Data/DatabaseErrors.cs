using Microsoft.Data.Sqlite;
using Npgsql;

namespace AgentWorkspace.Data;

/// <summary>Database errors that say "not now" rather than "never": the same request may well succeed when tried again.</summary>
public static class DatabaseErrors
{
    /// <summary>A lock waited for longer than the configured limit, a deadlock victim, or SQLite's busy/locked.</summary>
    public static bool IsTransient(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        _ => false,
    });

    /// <summary>
    /// PostgreSQL rolled the transaction back to break a deadlock (or a serialization conflict): nothing of it was
    /// stored, so the whole unit of work can run again.
    /// </summary>
    public static bool IsRetryable(Exception exception) =>
        Chain(exception).Any(e => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure });

    /// <summary>Runs <paramref name="work"/> (which must open its own context and transaction) again after a deadlock, up to three times in all.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < 3 && IsRetryable(e))
            {
                await Task.Delay(Random.Shared.Next(5, 25 * attempt));
            }
        }
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
