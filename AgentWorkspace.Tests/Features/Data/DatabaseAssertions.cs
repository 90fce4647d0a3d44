using System.Data.Common;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>Checks on a database, read-only and apart from the app's code.</summary>
public static class DatabaseAssertions
{
    /// <summary>Per-ticket sequences 1..LastMessageSeq without holes, integrity_check ok, no foreign key violations.</summary>
    public static void AssertSound(string databasePath)
    {
        using var db = OpenReadOnly(databasePath);
        Rows(db, "PRAGMA integrity_check;").ShouldBe(["ok"]);
        Rows(db, "PRAGMA foreign_key_check;").ShouldBeEmpty();
        AssertSequencesHaveNoHoles(db);
    }

    /// <summary>
    /// The app's database, whichever provider it runs on: on SQLite as <see cref="AssertSound(string)"/>; on PostgreSQL
    /// (which enforces its foreign keys itself) the per-ticket sequences, and no foreign key left unvalidated.
    /// </summary>
    public static void AssertSound(AppProcess app)
    {
        if (!app.OnPostgres)
        {
            AssertSound(app.DatabasePath);
            return;
        }
        using var db = Open(app);
        Rows(db, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated;").ShouldBeEmpty();
        AssertSequencesHaveNoHoles(db);
    }

    /// <summary>The quoted names read the same on SQLite and PostgreSQL.</summary>
    private static void AssertSequencesHaveNoHoles(DbConnection db) =>
        Rows(db, """
            SELECT t."Number" FROM "Tickets" t
            LEFT JOIN (SELECT "TicketId", COUNT(*) AS n, COUNT(DISTINCT "Seq") AS d, MIN("Seq") AS first, MAX("Seq") AS last FROM "Messages" GROUP BY "TicketId") m
              ON m."TicketId" = t."Id"
            WHERE COALESCE(m.n, 0) <> t."LastMessageSeq" OR COALESCE(m.d, 0) <> COALESCE(m.n, 0) OR COALESCE(m.last, 0) <> t."LastMessageSeq" OR COALESCE(m.first, 1) <> 1;
            """).ShouldBeEmpty("tickets whose message sequence has holes");

    /// <summary>A connection to the app's database (read-only on SQLite unless <paramref name="writable"/>), not pooled.</summary>
    public static DbConnection Open(AppProcess app, bool writable = false)
    {
        if (!app.OnPostgres)
        {
            return writable ? OpenWritable(app.DatabasePath) : OpenReadOnly(app.DatabasePath);
        }
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static SqliteConnection OpenWritable(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs one statement that must change exactly one row: a test's deliberate edit or damage.</summary>
    public static void ChangeOneRow(DbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBe(1);
    }

    public static List<string> Rows(DbConnection db, string sql)
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
