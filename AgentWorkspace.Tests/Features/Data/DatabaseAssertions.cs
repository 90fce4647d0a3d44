using Microsoft.Data.Sqlite;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>Checks on a database file, read-only and apart from the app's code.</summary>
public static class DatabaseAssertions
{
    /// <summary>Per-ticket sequences 1..LastMessageSeq without holes, integrity_check ok, no foreign key violations.</summary>
    public static void AssertSound(string databasePath)
    {
        using var db = OpenReadOnly(databasePath);
        Rows(db, "PRAGMA integrity_check;").ShouldBe(["ok"]);
        Rows(db, "PRAGMA foreign_key_check;").ShouldBeEmpty();
        Rows(db, """
            SELECT t.Number FROM Tickets t
            LEFT JOIN (SELECT TicketId, COUNT(*) AS N, MIN(Seq) AS First, MAX(Seq) AS Last FROM Messages GROUP BY TicketId) m ON m.TicketId = t.Id
            WHERE COALESCE(m.N, 0) <> t.LastMessageSeq OR COALESCE(m.Last, 0) <> t.LastMessageSeq OR COALESCE(m.First, 1) <> 1;
            """).ShouldBeEmpty("tickets whose message sequence has holes");
    }

    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static List<string> Rows(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }
        return rows;
    }
}
