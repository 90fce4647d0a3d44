using System.Diagnostics;
using AgentWorkspace.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Data;

public static class DatabaseCommands
{
    /// <summary>
    /// <c>dotnet run --project AgentWorkspace -- backup &lt;file&gt;</c>: an online, consistent copy of the database while the app
    /// runs, checked before it is kept. <c>restore &lt;file&gt; [--replace]</c>: with the app stopped, restores a backup
    /// that checks clean. <c>check</c>: the database's own checks and the app's invariants. On SQLite they use SQLite's
    /// backup API (the replaced database is kept beside it); on PostgreSQL pg_dump, pg_restore and psql (see
    /// <see cref="PostgresBackup"/>). They run before start-up touches the database (no migration, no demo data) and
    /// then exit; null when the arguments are not one of them.
    /// </summary>
    public static async Task<int?> RunDatabaseCommandAsync(this IServiceProvider services, string[] args)
    {
        if (args is not [("backup" or "restore" or "check") and var verb, ..])
        {
            return null;
        }
        string connectionString;
        bool postgres;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            postgres = db.Database.IsPostgres();
            connectionString = db.Database.GetConnectionString()!;
        }
        var replace = args.Contains("--replace", StringComparer.Ordinal);
        var files = args.Skip(1).Where(a => !string.Equals(a, "--replace", StringComparison.Ordinal)).ToArray();
        if (verb != "check" && files is not [{ Length: > 0 }])
        {
            await Console.Error.WriteLineAsync(verb == "restore" ? "Usage: restore <file> [--replace]" : $"Usage: {verb} <file>");
            return 2;
        }
        var toolsFolder = services.GetRequiredService<IConfiguration>()["Database:PostgresBin"];
        var database = postgres ? PostgresBackup.Describe(connectionString) : DatabaseBackup.DataSource(connectionString);
        var started = Stopwatch.StartNew();
        try
        {
            switch (verb)
            {
                case "backup":
                    {
                        var destination = Path.GetFullPath(files[0]);
                        var check = postgres
                            ? PostgresBackup.Backup(connectionString, destination, toolsFolder)
                            : DatabaseBackup.Backup(connectionString, destination);
                        await Console.Out.WriteLineAsync($"Backup of {database} written to {destination} " +
                            $"({new FileInfo(destination).Length / 1024.0 / 1024.0:N1} MiB, {check.Tickets:N0} tickets, {check.Messages:N0} messages) " +
                            $"in {started.Elapsed.TotalSeconds:N1} s; {(postgres ? "the archive reads back whole" : "integrity and foreign keys check clean")}.");
                        return 0;
                    }
                case "restore":
                    {
                        var source = Path.GetFullPath(files[0]);
                        var clock = services.GetRequiredService<TimeProvider>();
                        var restored = postgres
                            ? PostgresBackup.Restore(source, connectionString, replace, toolsFolder, clock)
                            : DatabaseBackup.Restore(source, connectionString, clock);
                        await Console.Out.WriteLineAsync($"Restored {database} from {source} " +
                            $"({restored.Check.Tickets:N0} tickets, {restored.Check.Messages:N0} messages) in {started.Elapsed.TotalSeconds:N1} s; it checks clean." +
                            (restored.PreviousDatabaseKeptAs is { } kept ? $" The database it replaced is kept at {kept}." : ""));
                        return 0;
                    }
                default:
                    {
                        var check = postgres ? PostgresBackup.Check(connectionString) : DatabaseBackup.Check(database);
                        await Console.Out.WriteLineAsync(check.IsClean
                            ? $"{database} checks clean ({check.Tickets:N0} tickets, {check.Messages:N0} messages). Checked: {check.Checked}."
                            : string.Join('\n', check.Problems) + (check.Checked.Length > 0 ? $"\nChecked: {check.Checked}." : ""));
                        return check.IsClean ? 0 : 1;
                    }
            }
        }
        catch (DatabaseBackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
