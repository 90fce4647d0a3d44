using Microsoft.Data.Sqlite;

namespace InboxBench.Generate;

/// <summary>
/// One prepared INSERT reused for every row: parameters are created once and only their values change,
/// so SQLite parses the statement once per transaction rather than once per row.
/// </summary>
internal sealed class Inserter : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public Inserter(SqliteConnection connection, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public void Insert(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
