using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace InboxBench.Measure;

/// <summary>
/// While switched on, records each SQL command EF sends with the parameters it carries and SQLite's
/// EXPLAIN QUERY PLAN for it, or on PostgreSQL its EXPLAIN (ANALYZE, BUFFERS): run on the same connection, so it
/// sees the same schema and statistics (ANALYZE runs the query once more: the captured runs are not timed).
/// Off during timed runs: it costs nothing then.
/// </summary>
internal sealed class PlanCapture : DbCommandInterceptor
{
    private readonly List<string> captured = [];

    public bool Enabled { get; set; }

    public IReadOnlyList<string> Drain()
    {
        var result = captured.ToList();
        captured.Clear();
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Capture(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbCommand command)
    {
        if (!Enabled || command.CommandText.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var text = new StringBuilder();
        text.AppendLine(command.CommandText.Trim());
        foreach (DbParameter p in command.Parameters)
        {
            text.AppendLine($"  -- {p.ParameterName} = {Format(p.Value)}");
        }
        text.AppendLine("  QUERY PLAN");
        if (command.Connection is NpgsqlConnection postgres)
        {
            ExplainPostgres(postgres, command, text);
            captured.Add(text.ToString());
            return;
        }
        using var explain = ((SqliteConnection)command.Connection!).CreateCommand();
        explain.Transaction = (SqliteTransaction?)command.Transaction;
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (SqliteParameter p in command.Parameters)
        {
            explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value) { SqliteType = p.SqliteType });
        }
        var depth = new Dictionary<long, int> { [0] = 0 };
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[id] = level;
            text.Append(' ', 2 * level).Append("|--").AppendLine(reader.GetString(3));
        }
        captured.Add(text.ToString());
    }

    private static void ExplainPostgres(NpgsqlConnection connection, DbCommand command, StringBuilder text)
    {
        using var explain = connection.CreateCommand();
        explain.Transaction = (NpgsqlTransaction?)command.Transaction;
        explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
        foreach (NpgsqlParameter p in command.Parameters)
        {
            explain.Parameters.Add(p.Clone());
        }
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            text.Append("    ").AppendLine(reader.GetString(0));
        }
    }

    private static string Format(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        System.Collections.IEnumerable items => "{" + string.Join(", ", items.Cast<object?>().Select(Format)) + "}",
        _ => value.ToString() ?? "",
    };
}
