using System.Diagnostics;
using AgentWorkspace.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// What restore must refuse on PostgreSQL, and <c>--replace</c>: the PostgreSQL twin of BackupRestoreTests' refusal test
/// (the backup-while-writing test runs on both providers there). The commands run as an operator runs them: the built
/// app, its own process, with the machine's pg_dump, pg_restore and psql.
/// </summary>
[Collection(ReconnectCollection.Name)]
public sealed class PostgresBackupRestoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    private string Folder(string name) => Path.Combine(root, name);

    [PostgresPassFact]
    public async Task Restore_RefusesARunningApp_ANonEmptyDatabase_ANonDump_ADamagedDump_AndAnotherDatabasesDump_ReplacesWhenToldAndKeepsTheOld_AndLeavesNothingOfAFailedRestore()
    {
        await using var app = new AppProcess(Folder("app"), LoopbackPorts.Free());
        await app.StartAsync();
        var good = Path.Combine(Folder("backups"), "good.dump");
        var (firstCode, firstOutput) = await app.RunCommandAsync("backup", good);
        output.WriteLine(firstOutput);
        firstCode.ShouldBe(0, firstOutput);
        var (secondCode, secondOutput) = await app.RunCommandAsync("backup", good);
        secondCode.ShouldBe(1);
        secondOutput.ShouldContain("never overwrites");

        var (runningCode, runningOutput) = await app.RunCommandAsync("restore", good, "--replace");
        output.WriteLine(runningOutput);
        runningCode.ShouldBe(1);
        runningOutput.ShouldContain("an AgentWorkspace app node is running on it");
        runningOutput.ShouldContain("Nothing was restored");
        await app.StopAsync();

        // A change after the backup, so a restore visibly takes the database back.
        Execute(app, """UPDATE "Tickets" SET "Subject" = 'Changed after the backup' WHERE "Number" = (SELECT MIN("Number") FROM "Tickets");""");
        var fingerprint = Fingerprint(app);

        var (notEmptyCode, notEmptyOutput) = await app.RunCommandAsync("restore", good);
        output.WriteLine(notEmptyOutput);
        notEmptyCode.ShouldBe(1);
        notEmptyOutput.ShouldContain("is not empty");
        notEmptyOutput.ShouldContain("nothing was restored");
        Fingerprint(app).ShouldBe(fingerprint);

        var notADump = Path.Combine(Folder("backups"), "notes.dump");
        await File.WriteAllTextAsync(notADump, "This is not a dump, whatever its name says.\n");
        // The archive's table of contents is whole, its data is cut short: only reading all of it tells.
        var damaged = Path.Combine(Folder("backups"), "damaged.dump");
        var bytes = await File.ReadAllBytesAsync(good);
        await File.WriteAllBytesAsync(damaged, bytes[..(bytes.Length * 3 / 4)]);
        // A sound archive, of a database that is not AgentWorkspace's.
        var other = Path.Combine(Folder("backups"), "other.dump");
        var otherDatabase = PostgresServer.CreateEmptyDatabase();
        try
        {
            Execute(otherDatabase, "CREATE TABLE notes (id integer PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'hello');");
            PgDump(otherDatabase, other);
        }
        finally
        {
            PostgresServer.DropDatabase(otherDatabase);
        }
        foreach (var (bad, problem) in new[] { (notADump, "not a pg_dump archive"), (damaged, "damaged or incomplete"), (other, "not a dump of an AgentWorkspace database") })
        {
            var (code, refusal) = await app.RunCommandAsync("restore", bad, "--replace");
            output.WriteLine(refusal);
            code.ShouldBe(1);
            refusal.ShouldContain("nothing was restored");
            refusal.ShouldContain(problem);
            Fingerprint(app).ShouldBe(fingerprint);
        }
        Directory.GetFiles(Folder("backups"), "*.before-restore-*").ShouldBeEmpty();

        var (restoreCode, restoreOutput) = await app.RunCommandAsync("restore", good, "--replace");
        output.WriteLine(restoreOutput);
        restoreCode.ShouldBe(0, restoreOutput);
        restoreOutput.ShouldContain("checks clean");
        Fingerprint(app).ShouldNotContain("Changed after the backup");
        // The replaced database was dumped first: restored into a new database, it is the one replaced.
        var kept = Directory.GetFiles(Folder("backups"), "*.before-restore-*.dump").ShouldHaveSingleItem();
        await using (var keptCopy = new AppProcess(Folder("kept"), LoopbackPorts.Free(), postgresDatabase: PostgresServer.CreateEmptyDatabase()))
        {
            var (keptCode, keptOutput) = await keptCopy.RunCommandAsync("restore", kept);
            output.WriteLine(keptOutput);
            keptCode.ShouldBe(0, keptOutput);
            Fingerprint(keptCopy).ShouldBe(fingerprint);
        }

        // A sound archive whose restore fails half-way: the app's tables and their rows load, then a table whose CHECK
        // reads a table loaded after it refuses its row. Everything before the failure is rolled back with it.
        var halfWay = Path.Combine(Folder("backups"), "fails-half-way.dump");
        await using (var source = new AppProcess(Folder("source"), LoopbackPorts.Free(), postgresDatabase: PostgresServer.CreateEmptyDatabase()))
        {
            (await source.RunCommandAsync("restore", good)).ExitCode.ShouldBe(0);
            Execute(source, """
                CREATE TABLE public.zz_flag (x integer);
                CREATE FUNCTION public.aw_test_flag_set() RETURNS boolean LANGUAGE sql AS 'SELECT EXISTS (SELECT 1 FROM public.zz_flag)';
                CREATE TABLE public.aa_guard (v integer CHECK (public.aw_test_flag_set()));
                INSERT INTO public.zz_flag VALUES (1);
                INSERT INTO public.aa_guard VALUES (1);
                """);
            PgDump(source.ConnectionString, halfWay);
        }
        await using (var target = new AppProcess(Folder("target"), LoopbackPorts.Free(), postgresDatabase: PostgresServer.CreateEmptyDatabase()))
        {
            var (code, failure) = await target.RunCommandAsync("restore", halfWay);
            output.WriteLine(failure);
            code.ShouldBe(1);
            failure.ShouldContain("rolled back; nothing was restored");
            failure.ShouldContain("aa_guard");
            using var db = DatabaseAssertions.Open(target);
            DatabaseAssertions.Rows(db, "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public';").ShouldBeEmpty();
            DatabaseAssertions.Rows(db, "SELECT extname FROM pg_extension WHERE extname = 'unaccent';").ShouldBeEmpty();
        }

        await app.StartAsync();
        await app.StopAsync();
        var (checkCode, checkOutput) = await app.RunCommandAsync("check");
        output.WriteLine(checkOutput);
        checkCode.ShouldBe(0, checkOutput);
        DatabaseAssertions.AssertSound(app);
    }

    /// <summary>The tickets' numbers and subjects and the message count: enough to tell two databases apart.</summary>
    private static string Fingerprint(AppProcess app)
    {
        using var db = DatabaseAssertions.Open(app);
        return string.Join('\n', DatabaseAssertions.Rows(db, """SELECT "Number", "Subject" FROM "Tickets" ORDER BY "Number";"""))
            + "\n" + DatabaseAssertions.Rows(db, """SELECT COUNT(*) FROM "Messages";""").Single();
    }

    private static void Execute(AppProcess app, string sql) => Execute(app.ConnectionString, sql);

    private static void Execute(string connectionString, string sql)
    {
        using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        db.Open();
        using var command = new NpgsqlCommand(sql, db);
        command.ExecuteNonQuery();
    }

    private static void PgDump(string connectionString, string file)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        using var dump = Process.Start(Path.Combine(PostgresServer.Bin, "pg_dump"),
            ["--format=custom", $"--file={file}", "--host", csb.Host!, "--port", $"{csb.Port}", "--username", csb.Username!, csb.Database!])!;
        dump.WaitForExit();
        dump.ExitCode.ShouldBe(0);
    }

    public void Dispose() => WorkspaceAppFactory.TryDeleteDirectory(root);
}
