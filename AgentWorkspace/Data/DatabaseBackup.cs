using Microsoft.Data.Sqlite;

namespace AgentWorkspace.Data;

/// <summary>
/// What a database check found: on SQLite <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c>, on PostgreSQL
/// amcheck on the indexes (see <see cref="Postgres.PostgresBackup.Check"/>), and on both the app's own invariants
/// (<see cref="DatabaseInvariants"/>). <paramref name="Checked"/> says what was checked, for the operator.
/// </summary>
public sealed record DatabaseCheck(IReadOnlyList<string> Problems, long Tickets, long Messages, string Checked = "")
{
    public bool IsClean => Problems.Count == 0;
}

/// <summary>
/// Online backup and restore of the SQLite database, with SQLite's own backup API: the copy is taken inside one read
/// transaction, so it is the database as of one commit, while the app keeps reading and writing (WAL readers do not
/// block writers). Every file is checked (integrity, foreign keys) before it is trusted: a backup that does not check
/// clean is not kept, and a restore refuses a file that does not.
/// </summary>
public static class DatabaseBackup
{
    private const int BusyTimeoutMs = 10_000;

    public const string SqliteChecked = "integrity_check, foreign_key_check, message sequences and the ticket-number counter";

    /// <summary>Copies the live database to <paramref name="destination"/> (which must not exist yet) and checks the copy.</summary>
    public static DatabaseCheck Backup(string connectionString, string destination)
    {
        if (File.Exists(destination))
        {
            throw new DatabaseBackupException($"{destination} exists already; a backup never overwrites a file. Choose a new name.");
        }
        var sourcePath = DataSource(connectionString);
        if (!File.Exists(sourcePath))
        {
            throw new DatabaseBackupException($"There is no database at {sourcePath}.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        // Written under a temporary name and renamed once checked: a crash or a full disk never leaves a half backup
        // under the name a restore would use.
        var partial = $"{destination}.partial-{Guid.NewGuid():N}";
        try
        {
            using (var source = Open(sourcePath, SqliteOpenMode.ReadWrite))
            using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(copy);
                // The copy carries the live file's WAL mode; a backup is one self-contained file.
                Execute(copy, "PRAGMA journal_mode = DELETE;");
            }
            var check = Check(partial);
            if (!check.IsClean)
            {
                throw new DatabaseBackupException("The copy did not check clean, so it was not kept:\n" + string.Join('\n', check.Problems));
            }
            File.Move(partial, destination);
            return check;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the database with <paramref name="backupFile"/>, with the app stopped. Refuses a file that does not check
    /// clean, and a database another process has open (the app still running). The database it replaces is first copied
    /// to <c>&lt;database&gt;.before-restore-&lt;UTC time&gt;</c>, so a restore of the wrong file loses nothing.
    /// </summary>
    public static RestoreResult Restore(string backupFile, string connectionString, TimeProvider clock)
    {
        if (!File.Exists(backupFile))
        {
            throw new DatabaseBackupException($"There is no file at {backupFile}.");
        }
        var backupCheck = Check(backupFile);
        if (!backupCheck.IsClean)
        {
            throw new DatabaseBackupException($"{backupFile} is not a sound AgentWorkspace database; nothing was restored:\n" + string.Join('\n', backupCheck.Problems));
        }
        var targetPath = DataSource(connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        string? keptAs = null;
        var replacing = File.Exists(targetPath) && new FileInfo(targetPath).Length > 0;
        using (var target = Open(targetPath, SqliteOpenMode.ReadWriteCreate, busyTimeoutMs: 0))
        {
            if (replacing)
            {
                RefuseIfInUse(target, targetPath);
                keptAs = $"{targetPath}.before-restore-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
                using (var kept = Open(keptAs, SqliteOpenMode.ReadWriteCreate))
                {
                    target.BackupDatabase(kept);
                    Execute(kept, "PRAGMA journal_mode = DELETE;");
                }
            }
            using var source = Open(backupFile, SqliteOpenMode.ReadOnly);
            // SQLite replaces the target's pages in one write transaction: an interrupted restore leaves the old database.
            source.BackupDatabase(target);
        }
        var check = Check(targetPath);
        if (!check.IsClean)
        {
            throw new DatabaseBackupException($"The restored database did not check clean (the one it replaced is at {keptAs}):\n" + string.Join('\n', check.Problems));
        }
        return new RestoreResult(check, keptAs);
    }

    /// <summary>Integrity and foreign keys of a database file, and how many tickets and messages it holds.</summary>
    public static DatabaseCheck Check(string file)
    {
        var problems = new List<string>();
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            problems.AddRange(Rows(connection, "PRAGMA integrity_check;").Where(row => row != "ok"));
            problems.AddRange(Rows(connection,
                "SELECT 'foreign key: ' || \"table\" || ' row ' || COALESCE(rowid, '?') || ' refers to a missing ' || parent || ' row' FROM pragma_foreign_key_check;"));
            if (problems.Count > 0)
            {
                return new DatabaseCheck(problems.Take(20).ToList(), 0, 0);
            }
            if (Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Tickets', 'Messages');").Count < 3)
            {
                return new DatabaseCheck(["It holds no AgentWorkspace tables."], 0, 0);
            }
            var invariants = DatabaseInvariants.Problems(connection);
            if (invariants.Count > 0)
            {
                return new DatabaseCheck(invariants, 0, 0);
            }
            var (tickets, messages) = DatabaseInvariants.Counts(connection);
            return new DatabaseCheck([], tickets, messages, SqliteChecked);
        }
        catch (SqliteException e)
        {
            // "file is not a database", "database disk image is malformed": the file can't even be read.
            return new DatabaseCheck([e.Message], 0, 0);
        }
    }

    /// <summary>
    /// Leaving WAL mode needs the only connection to the file: while the app (or any other process) has it open this
    /// fails at once (busy timeout 0), which is how a restore under a running app is refused.
    /// </summary>
    private static void RefuseIfInUse(SqliteConnection target, string targetPath)
    {
        try
        {
            if (Rows(target, "PRAGMA journal_mode = DELETE;").FirstOrDefault() is not "delete")
            {
                throw new DatabaseBackupException($"{targetPath} is in use by another process. Stop the app, then restore.");
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            throw new DatabaseBackupException($"{targetPath} is in use by another process (is the app still running?). Stop the app, then restore.");
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode, int busyTimeoutMs = BusyTimeoutMs)
    {
        // No pooling: the files must really be closed when this returns (renamed, deleted, or opened by the app).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {busyTimeoutMs};");
        return connection;
    }

    internal static string DataSource(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }
        return rows;
    }
}

public sealed record RestoreResult(DatabaseCheck Check, string? PreviousDatabaseKeptAs);

public sealed class DatabaseBackupException(string message) : Exception(message);
