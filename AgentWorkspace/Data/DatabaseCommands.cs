using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Data;

public static class DatabaseCommands
{
    public const string PostgresAdvice =
        "On PostgreSQL use its own tools (see README, \"Backups and crashes\"): pg_dump --format=custom for a backup, pg_restore for a restore.";

    /// <summary>
    /// <c>dotnet run --project AgentWorkspace -- backup &lt;file&gt;</c>: an online, consistent copy of the database while the app
    /// runs, checked before it is kept. <c>restore &lt;file&gt;</c>: with the app stopped, replaces the database with a
    /// backup that checks clean (the replaced one is kept beside it). <c>check</c>: integrity and foreign keys of the
    /// database. They run before start-up touches the database (no migration, no demo data) and then exit; null when
    /// the arguments are not one of them.
    /// </summary>
    public static async Task<int?> RunDatabaseCommandAsync(this IServiceProvider services, string[] args)
    {
        if (args is not [("backup" or "restore" or "check") and var verb, ..])
        {
            return null;
        }
        string connectionString;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            if (!db.Database.IsSqlite())
            {
                await Console.Error.WriteLineAsync(PostgresAdvice);
                return 2;
            }
            connectionString = db.Database.GetConnectionString()!;
        }
        if (verb != "check" && args is not [_, { Length: > 0 } file])
        {
            await Console.Error.WriteLineAsync($"Usage: {verb} <file>");
            return 2;
        }
        var started = Stopwatch.StartNew();
        try
        {
            switch (verb)
            {
                case "backup":
                    {
                        var destination = Path.GetFullPath(args[1]);
                        var check = DatabaseBackup.Backup(connectionString, destination);
                        await Console.Out.WriteLineAsync($"Backup of {DatabaseBackup.DataSource(connectionString)} written to {destination} " +
                            $"({new FileInfo(destination).Length / 1024.0 / 1024.0:N1} MiB, {check.Tickets:N0} tickets, {check.Messages:N0} messages) " +
                            $"in {started.Elapsed.TotalSeconds:N1} s; integrity and foreign keys check clean.");
                        return 0;
                    }
                case "restore":
                    {
                        var source = Path.GetFullPath(args[1]);
                        var restored = DatabaseBackup.Restore(source, connectionString, services.GetRequiredService<TimeProvider>());
                        await Console.Out.WriteLineAsync($"Restored {DatabaseBackup.DataSource(connectionString)} from {source} " +
                            $"({restored.Check.Tickets:N0} tickets, {restored.Check.Messages:N0} messages) in {started.Elapsed.TotalSeconds:N1} s; it checks clean." +
                            (restored.PreviousDatabaseKeptAs is { } kept ? $" The database it replaced is kept at {kept}." : ""));
                        return 0;
                    }
                default:
                    {
                        var check = DatabaseBackup.Check(DatabaseBackup.DataSource(connectionString));
                        await Console.Out.WriteLineAsync(check.IsClean
                            ? $"{DatabaseBackup.DataSource(connectionString)} checks clean ({check.Tickets:N0} tickets, {check.Messages:N0} messages)."
                            : string.Join('\n', check.Problems));
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
