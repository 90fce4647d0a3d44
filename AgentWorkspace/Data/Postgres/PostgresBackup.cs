using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// backup, restore and check on PostgreSQL, with the machine's own pg_dump, pg_restore and psql (found in
/// Database:PostgresBin, else the newest /usr/lib/postgresql/*/bin, else PATH). The connection is the app's
/// (ConnectionStrings:Workspace), passed to the tools as PG* environment variables so no password is on a command line.
/// </summary>
public static class PostgresBackup
{
    public const string Checked = "amcheck's bt_index_check (heapallindexed) on every B-tree index, constraints validated, message sequences and the ticket-number counter";

    /// <summary>What a dump's table of contents must list to be an AgentWorkspace database.</summary>
    private static readonly string[] RequiredTables = ["__EFMigrationsHistory", "Tickets", "Messages"];

    /// <summary>
    /// pg_dump --format=custom of the live database to <paramref name="destination"/> (which must not exist), while the
    /// app runs: pg_dump reads everything in one snapshot, here exported by a transaction that also counts the tickets
    /// and messages, so the counts printed are the dump's. Written under a temporary name and renamed only once
    /// pg_restore can read the whole archive and it lists the app's tables.
    /// </summary>
    public static DatabaseCheck Backup(string connectionString, string destination, string? toolsFolder)
    {
        if (File.Exists(destination))
        {
            throw new DatabaseBackupException($"{destination} exists already; a backup never overwrites a file. Choose a new name.");
        }
        var pgDump = FindTool("pg_dump", toolsFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var partial = $"{destination}.partial-{Guid.NewGuid():N}";
        try
        {
            long tickets, messages;
            using (var connection = Open(connectionString))
            using (var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead))
            {
                if (DatabaseInvariants.Rows(connection, snapshot,
                    "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Tickets'").Count == 0)
                {
                    throw new DatabaseBackupException($"{Describe(connectionString)} holds no AgentWorkspace tables; nothing to back up.");
                }
                var snapshotId = DatabaseInvariants.Rows(connection, snapshot, "SELECT pg_export_snapshot()").Single()[0];
                (tickets, messages) = DatabaseInvariants.Counts(connection, snapshot);
                // The exporting transaction stays open until pg_dump has attached to its snapshot and finished.
                Run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshotId}", $"--file={partial}"], connectionString);
                snapshot.Rollback();
            }
            VerifyArchive(partial, toolsFolder, "The dump");
            File.Move(partial, destination);
            return new DatabaseCheck([], tickets, messages, "pg_restore reads the whole archive, which lists the app's tables");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores a dump into the configured database, with every app node stopped. Refuses a file that is not a complete
    /// pg_dump archive of an AgentWorkspace database, a database other sessions are connected to, and a database that
    /// already holds tables unless <paramref name="replace"/> (then the database is first dumped beside the backup, to
    /// <c>&lt;database&gt;.before-restore-&lt;UTC time&gt;.dump</c>, and its public schema dropped). The restore runs
    /// in one transaction (psql --single-transaction, ON_ERROR_STOP): it all lands or nothing does.
    /// </summary>
    public static RestoreResult Restore(string backupFile, string connectionString, bool replace, string? toolsFolder, TimeProvider clock)
    {
        if (!File.Exists(backupFile))
        {
            throw new DatabaseBackupException($"There is no file at {backupFile}.");
        }
        var pgRestore = FindTool("pg_restore", toolsFolder);
        var psql = FindTool("psql", toolsFolder);
        VerifyArchive(backupFile, toolsFolder, backupFile);

        var target = Describe(connectionString);
        string? keptAs = null;
        // Held to the end: while it is, no app node runs on the database and none starts (PostgresNodeLock).
        using var connection = Open(connectionString);
        if (DatabaseInvariants.Rows(connection, null, $"SELECT pg_try_advisory_lock({PostgresNodeLock.Key})").Single()[0] != "True")
        {
            throw new DatabaseBackupException($"{target} is in use: an AgentWorkspace app node is running on it. Stop every app node, then restore. Nothing was restored.");
        }
        RefuseIfInUse(connection, target);
        var tables = DatabaseInvariants.Rows(connection, null, """
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 1 LIMIT 5
            """);
        if (tables.Count > 0)
        {
            if (!replace)
            {
                throw new DatabaseBackupException($"{target} is not empty (it holds {string.Join(", ", tables.Select(t => t[0]))}...); nothing was restored. " +
                    "Restore into a new, empty database (createdb), or add --replace to replace this one (it is dumped first).");
            }
            keptAs = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(backupFile))!,
                $"{new NpgsqlConnectionStringBuilder(connectionString).Database}.before-restore-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.dump");
            Backup(connectionString, keptAs, toolsFolder);
        }
        else
        {
            replace = false;
        }

        // pg_restore turns the archive into SQL, psql runs it in one transaction. psql's input is closed (and the
        // transaction committed) only once pg_restore has written everything and exited 0; if it fails, psql is killed
        // first and the server rolls the transaction back.
        var clear = replace ? new[] { "-c", "DROP SCHEMA public CASCADE", "-c", "CREATE SCHEMA public" } : [];
        using var writer = StartTool(pgRestore, ["--no-owner", "--no-privileges", "--file=-", backupFile], connectionString, redirectInput: false);
        using var runner = StartTool(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", .. clear, "-f", "-"], connectionString, redirectInput: true);
        var writerErrors = writer.StandardError.ReadToEndAsync();
        var runnerOutput = runner.StandardOutput.ReadToEndAsync();
        var runnerErrors = runner.StandardError.ReadToEndAsync();
        try
        {
            writer.StandardOutput.BaseStream.CopyTo(runner.StandardInput.BaseStream);
        }
        catch (IOException)
        {
            // psql stopped reading: it hit an error (ON_ERROR_STOP) and rolled back; its stderr says which.
            writer.Kill();
        }
        writer.WaitForExit();
        if (!runner.HasExited && writer.ExitCode != 0)
        {
            runner.Kill();
            runner.WaitForExit();
            throw new DatabaseBackupException($"pg_restore could not read {backupFile}; nothing was restored:\n{writerErrors.Result.Trim()}");
        }
        try
        {
            runner.StandardInput.Close();
        }
        catch (IOException)
        {
            // already gone, as above
        }
        runner.WaitForExit();
        _ = runnerOutput.Result;
        if (runner.ExitCode != 0)
        {
            throw new DatabaseBackupException($"The restore failed and was rolled back; nothing was restored:\n{runnerErrors.Result.Trim()}");
        }

        var check = Check(connectionString);
        if (!check.IsClean)
        {
            throw new DatabaseBackupException($"The restored database did not check clean{(keptAs is null ? "" : $" (the one it replaced is in {keptAs})")}:\n" +
                string.Join('\n', check.Problems));
        }
        return new RestoreResult(check, keptAs);
    }

    /// <summary>
    /// The PostgreSQL meaning of <c>check</c>, safe while the app runs (only share locks): amcheck's
    /// <c>bt_index_check(heapallindexed)</c> on every B-tree index of the public schema (each index's structure, and
    /// every table row present in it), when the amcheck module is installed (postgresql-contrib); no constraint left
    /// NOT VALID; and the app's invariants (<see cref="DatabaseInvariants"/>). The amcheck extension is created inside
    /// the checking transaction and rolled back with it, so the database is left as it was.
    /// </summary>
    public static DatabaseCheck Check(string connectionString)
    {
        var problems = new List<string>();
        using var connection = Open(connectionString);
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var missing = RequiredTables.Except(DatabaseInvariants.Rows(connection, transaction,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").Select(r => r[0])).ToList();
        if (missing.Count > 0)
        {
            return new DatabaseCheck([$"It holds no AgentWorkspace tables ({string.Join(", ", missing)} missing)."], 0, 0);
        }
        var checkedWhat = Checked;
        string? amcheck;
        try
        {
            Execute(connection, transaction, "SAVEPOINT amcheck; CREATE EXTENSION IF NOT EXISTS amcheck;");
            amcheck = null;
        }
        catch (PostgresException e)
        {
            Execute(connection, transaction, "ROLLBACK TO SAVEPOINT amcheck;");
            amcheck = e.Message;
        }
        if (amcheck is null)
        {
            var indexes = DatabaseInvariants.Rows(connection, transaction, """
                SELECT c.relname, c.oid FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = c.relam
                WHERE n.nspname = 'public' AND am.amname = 'btree' AND i.indisvalid AND i.indisready AND c.relpersistence <> 't'
                ORDER BY 1
                """).Select(r => (Name: r[0], Oid: long.Parse(r[1], CultureInfo.InvariantCulture))).ToList();
            foreach (var (index, oid) in indexes)
            {
                try
                {
                    Execute(connection, transaction, $"SAVEPOINT one_index; SELECT bt_index_check({oid}::oid::regclass, true); RELEASE SAVEPOINT one_index;");
                }
                catch (PostgresException e)
                {
                    Execute(connection, transaction, "ROLLBACK TO SAVEPOINT one_index;");
                    problems.Add($"index {index}: {e.MessageText}{(e.Detail is { } detail ? $" ({detail})" : "")}");
                }
            }
            checkedWhat = $"{indexes.Count} B-tree indexes with amcheck, constraints validated, message sequences and the ticket-number counter";
        }
        else
        {
            checkedWhat = $"constraints validated, message sequences and the ticket-number counter; indexes NOT checked: amcheck is not available ({amcheck})";
        }
        problems.AddRange(DatabaseInvariants.Rows(connection, transaction, """
            SELECT conrelid::regclass::text, conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND NOT c.convalidated
            """).Select(r => $"constraint {r[1]} on {r[0]} is NOT VALID: rows may break it"));
        problems.AddRange(DatabaseInvariants.Problems(connection, transaction));
        var (tickets, messages) = problems.Count == 0 ? DatabaseInvariants.Counts(connection, transaction) : (0, 0);
        transaction.Rollback();
        return new DatabaseCheck(problems, tickets, messages, checkedWhat);
    }

    /// <summary>Host, port and database, without credentials, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        return $"database {csb.Database} on {csb.Host}:{csb.Port}";
    }

    /// <summary>
    /// The archive is a pg_dump custom archive that pg_restore can read to its end (a truncated or damaged file fails
    /// here, before anything is touched), and its table of contents lists the app's tables.
    /// </summary>
    private static void VerifyArchive(string file, string? toolsFolder, string what)
    {
        var pgRestore = FindTool("pg_restore", toolsFolder);
        var (listCode, list, listErrors) = Run(pgRestore, ["--list", file], connectionString: null, check: false);
        if (listCode != 0)
        {
            throw new DatabaseBackupException($"{what} is not a pg_dump archive pg_restore can read; nothing was restored:\n{listErrors.Trim()}");
        }
        var missing = RequiredTables.Where(table => !list.Contains($" TABLE public {table} ", StringComparison.Ordinal)
            && !list.Contains($" TABLE public {table}\n", StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new DatabaseBackupException($"{what} is not a dump of an AgentWorkspace database ({string.Join(", ", missing)} missing); nothing was restored.");
        }
        var (readCode, _, readErrors) = Run(pgRestore, ["--file=/dev/null", file], connectionString: null, check: false);
        if (readCode != 0)
        {
            throw new DatabaseBackupException($"{what} is damaged or incomplete (pg_restore cannot read all of it); nothing was restored:\n{readErrors.Trim()}");
        }
    }

    /// <summary>
    /// The app's own sessions (any node still running) would see tables vanish and appear under them: a restore needs
    /// the database to itself. Connections that are closing (an app just stopped) get a few seconds to go.
    /// </summary>
    private static void RefuseIfInUse(NpgsqlConnection connection, string target)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var others = DatabaseInvariants.Rows(connection, null, """
                SELECT COALESCE(NULLIF(application_name, ''), 'a client') || ' from ' || COALESCE(host(client_addr), 'the local socket')
                FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """);
            if (others.Count == 0)
            {
                return;
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(5))
            {
                throw new DatabaseBackupException($"{target} is in use by {others.Count} other session(s) ({string.Join(", ", others.Select(o => o[0]).Distinct().Take(3))}): " +
                    "Stop every app node (and close other sessions), then restore. Nothing was restored.");
            }
            Thread.Sleep(200);
        }
    }

    /// <summary>Database:PostgresBin, else the newest /usr/lib/postgresql/&lt;version&gt;/bin, else PATH.</summary>
    internal static string FindTool(string name, string? toolsFolder)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(toolsFolder))
        {
            candidates.Add(Path.Combine(toolsFolder, name));
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", name)));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)));
        return candidates.FirstOrDefault(File.Exists) ?? throw new DatabaseBackupException(
            $"{name} was not found (looked in Database:PostgresBin, /usr/lib/postgresql/*/bin and PATH). Install PostgreSQL's client tools " +
            "(Debian: apt-get install postgresql-client-15, the server's version or newer) or set Database:PostgresBin to their folder.");
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        // Not pooled: a restore checks that no other session is connected, and the tools need the database to themselves.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "AgentWorkspace command" }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static (int ExitCode, string Output, string Errors) Run(string tool, IReadOnlyList<string> arguments, string? connectionString, bool check = true)
    {
        using var process = StartTool(tool, arguments, connectionString, redirectInput: false);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new DatabaseBackupException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}):\n{errors.Result.Trim()}");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    private static Process StartTool(string tool, IReadOnlyList<string> arguments, string? connectionString, bool redirectInput)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (connectionString is not null)
        {
            foreach (var (key, value) in LibpqEnvironment(connectionString))
            {
                start.Environment[key] = value;
            }
        }
        return Process.Start(start) ?? throw new DatabaseBackupException($"{tool} did not start.");
    }

    /// <summary>The Npgsql connection string as libpq's environment variables (what pg_dump, pg_restore and psql read).</summary>
    internal static Dictionary<string, string> LibpqEnvironment(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = csb.Host ?? "localhost",
            ["PGPORT"] = csb.Port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = csb.Database ?? "",
            ["PGAPPNAME"] = "AgentWorkspace command",
            ["PGCONNECT_TIMEOUT"] = Math.Max(csb.Timeout, 2).ToString(CultureInfo.InvariantCulture),
            ["PGSSLMODE"] = csb.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        if (csb.Username is { Length: > 0 } user)
        {
            environment["PGUSER"] = user;
        }
        if (csb.Password is { Length: > 0 } password)
        {
            environment["PGPASSWORD"] = password;
        }
        if (csb.Passfile is { Length: > 0 } passfile)
        {
            environment["PGPASSFILE"] = passfile;
        }
        return environment;
    }
}
