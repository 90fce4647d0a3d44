using Npgsql;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>What PostgreSQL's lock table says about one test database: who waits for which advisory key.</summary>
public static class PostgresLocks
{
    private const string WaitersSql = """
        SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND classid::bigint = @classid AND objid::bigint = @objid AND objsubid = @objsubid
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    /// <summary>Transactions waiting for the two-part advisory key (<paramref name="first"/>, <paramref name="second"/>).</summary>
    public static Task<long> WaitersAsync(string connectionString, int first, int second) =>
        CountAsync(connectionString, first, second, objsubid: 2);

    /// <summary>Transactions waiting for the one-part advisory key <paramref name="key"/> (below 2^32).</summary>
    public static Task<long> WaitersAsync(string connectionString, long key) =>
        CountAsync(connectionString, key >> 32, key & 0xFFFFFFFF, objsubid: 1);

    /// <summary>Polls until <paramref name="condition"/> holds (a lock wait is only visible in pg_locks), or fails after 20 s.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for: {what}");
            }
            await Task.Delay(20);
        }
    }

    private static async Task<long> CountAsync(string connectionString, long classid, long objid, int objsubid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(WaitersSql, connection);
        command.Parameters.AddWithValue("classid", classid);
        command.Parameters.AddWithValue("objid", objid);
        command.Parameters.AddWithValue("objsubid", (short)objsubid);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
