using System.Net.Http.Headers;
using System.Text.Json;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// <c>backup &lt;file&gt;</c> while the app runs and customers and agents write, <c>restore &lt;file&gt;</c> into a fresh folder,
/// the app started on it; and restore refusing what it must refuse. The commands run as an operator runs them: the
/// built app, its own process. The first test runs on both providers (on PostgreSQL the restore goes into a new, empty
/// database); the refusals are each provider's own (PostgreSQL's in <see cref="PostgresBackupRestoreTests"/>).
/// </summary>
[Collection(ReconnectCollection.Name)]
public sealed class BackupRestoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    private string Folder(string name) => Path.Combine(root, name);

    [Fact]
    public async Task BackupWhileWritesFlow_RestoredIntoAFreshFolder_TheAppStartsOnItWithTheData_AndItChecksClean()
    {
        await using var live = new AppProcess(Folder("live"), LoopbackPorts.Free(), CrashSafetyTests.OneAddressManyCustomers);
        await live.StartAsync();
        var key = await live.IssueApiKeyAsync();
        var (load, chats) = await CrashLoad.StartAsync(live.Address, key, customers: 20, customerRate: 10, agentRate: 5);
        await using var _ = load;
        await load.WaitForAsync(p => p.CustomerAcks >= chats + 30 && p.AgentAcks >= 10, TimeSpan.FromSeconds(120), "get going");

        var backupFile = Path.Combine(Folder("backups"), "workspace-backup.db");
        var backupStarted = DateTimeOffset.UtcNow;
        var before = load.Progress;
        var (exitCode, backupOutput) = await live.RunCommandAsync("backup", backupFile);
        var after = load.Progress;
        output.WriteLine(backupOutput);
        exitCode.ShouldBe(0, backupOutput);
        backupOutput.ShouldContain(live.OnPostgres ? "reads back whole" : "check clean");
        // Writes went on while the copy was taken (the backup does not stop the app).
        var result = await load.FinishAsync();
        await live.StopAsync();
        output.WriteLine($"acknowledged when the backup started: {before.CustomerAcks} customer, {before.AgentAcks} agent; when it ended: {after.CustomerAcks}, {after.AgentAcks}; at the end {result.CustomerAcks.Count}, {result.AgentAcks.Count}");
        result.CustomerAcks.Concat(result.AgentAcks).ShouldContain(a => a.At > backupStarted.ToUnixTimeMilliseconds(), "nothing was written after the backup started");

        await using var restored = new AppProcess(Folder("restored"), LoopbackPorts.Free(),
            postgresDatabase: TestDatabases.Postgres ? PostgresServer.CreateEmptyDatabase() : null);
        var (restoreCode, restoreOutput) = await restored.RunCommandAsync("restore", backupFile);
        output.WriteLine(restoreOutput);
        restoreCode.ShouldBe(0, restoreOutput);
        DatabaseAssertions.AssertSound(restored);
        var (checkCode, checkOutput) = await restored.RunCommandAsync("check");
        output.WriteLine(checkOutput);
        checkCode.ShouldBe(0, checkOutput);
        await restored.StartAsync();

        // Everything acknowledged before the backup began is in the restored app, read through its API with the same key
        // (API keys are in the database too).
        var ackedBefore = result.CustomerAcks.Concat(result.AgentAcks).Where(a => a.At < backupStarted.ToUnixTimeMilliseconds()).ToList();
        ackedBefore.Count.ShouldBeGreaterThanOrEqualTo(chats + 40);
        using var api = new HttpClient { BaseAddress = restored.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        foreach (var ticket in ackedBefore.GroupBy(a => a.Ticket))
        {
            using var response = await api.GetAsync($"api/v1/tickets/{ticket.Key}");
            response.IsSuccessStatusCode.ShouldBeTrue($"#{ticket.Key}: {(int)response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var ids = json.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => m.TryGetProperty("clientMessageId", out var id) ? id.GetString() : null).ToHashSet();
            ticket.Select(a => a.ClientMessageId).Where(id => !ids.Contains(id)).ShouldBeEmpty($"missing from #{ticket.Key} after the restore");
        }
        await restored.StopAsync();
        DatabaseAssertions.AssertSound(restored);
    }

    [SqliteOnlyFact]
    public async Task Restore_RefusesACorruptFile_ANonDatabase_AndARunningApp_ThenReplacesTheDatabaseAndKeepsTheOldOne()
    {
        await using var app = new AppProcess(Folder("app"), LoopbackPorts.Free());
        await app.StartAsync();
        var good = Path.Combine(Folder("backups"), "good.db");
        (await app.RunCommandAsync("backup", good)).ExitCode.ShouldBe(0);
        var (secondCode, secondOutput) = await app.RunCommandAsync("backup", good);
        secondCode.ShouldBe(1);
        secondOutput.ShouldContain("never overwrites");

        var (runningCode, runningOutput) = await app.RunCommandAsync("restore", good);
        output.WriteLine(runningOutput);
        runningCode.ShouldBe(1);
        runningOutput.ShouldContain("Stop the app");
        await app.StopAsync();

        // A change after the backup, so a restore visibly takes the database back.
        ExecuteOn(app.DatabasePath, "UPDATE Tickets SET Subject = 'Changed after the backup' WHERE Number = (SELECT MIN(Number) FROM Tickets);");
        var fingerprint = Fingerprint(app.DatabasePath);

        // Readable, but two indexes swapped: integrity_check lists rows missing from them.
        var badIndexes = CopyChangedBy(good, "bad-indexes.db", """
            PRAGMA writable_schema = ON;
            CREATE TEMP TABLE Roots AS SELECT name, rootpage FROM sqlite_master WHERE name IN ('IX_Messages_TicketId_Seq', 'IX_Messages_AuthorAgentId');
            UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM temp.Roots r WHERE r.name <> sqlite_master.name)
            WHERE name IN ('IX_Messages_TicketId_Seq', 'IX_Messages_AuthorAgentId');
            """);
        // Sound pages, but a message whose customer does not exist: foreign_key_check finds it.
        var danglingKey = CopyChangedBy(good, "dangling-key.db",
            "UPDATE Messages SET AuthorCustomerId = 999999 WHERE Id = (SELECT MIN(Id) FROM Messages WHERE AuthorCustomerId IS NOT NULL);");
        var corrupt = Path.Combine(Folder("backups"), "corrupt.db");
        CorruptCopy(good, corrupt);
        var notADatabase = Path.Combine(Folder("backups"), "notes.txt");
        await File.WriteAllTextAsync(notADatabase, "This is not a database, whatever its name says.\n");
        foreach (var (bad, problem) in new[] { (badIndexes, "missing from index"), (danglingKey, "foreign key"), (corrupt, "malformed"), (notADatabase, "not a database") })
        {
            var (code, refusal) = await app.RunCommandAsync("restore", bad);
            output.WriteLine(refusal);
            code.ShouldBe(1);
            refusal.ShouldContain("nothing was restored");
            refusal.ShouldContain(problem);
            Fingerprint(app.DatabasePath).ShouldBe(fingerprint);
        }
        Directory.GetFiles(app.DataDirectory, "*.before-restore-*").ShouldBeEmpty();

        var (restoreCode, restoreOutput) = await app.RunCommandAsync("restore", good);
        output.WriteLine(restoreOutput);
        restoreCode.ShouldBe(0, restoreOutput);
        Fingerprint(app.DatabasePath).ShouldNotContain("Changed after the backup");
        var kept = Directory.GetFiles(app.DataDirectory, "*.before-restore-*").ShouldHaveSingleItem();
        Fingerprint(kept).ShouldBe(fingerprint);
        await app.StartAsync();
        await app.StopAsync();
        DatabaseAssertions.AssertSound(app.DatabasePath);
    }

    private string CopyChangedBy(string source, string name, string sql)
    {
        var copy = Path.Combine(Folder("backups"), name);
        File.Copy(source, copy);
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, ForeignKeys = false }.ToString());
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return copy;
    }

    /// <summary>A copy with every b-tree page's header overwritten: still an SQLite file, but integrity_check fails.</summary>
    private static void CorruptCopy(string source, string destination)
    {
        var bytes = File.ReadAllBytes(source);
        var pageSize = bytes[16] << 8 | bytes[17];
        pageSize = pageSize == 1 ? 65536 : pageSize;
        for (var page = 1; (page + 1) * pageSize <= bytes.Length; page++)
        {
            Array.Fill(bytes, (byte)0xA5, page * pageSize, 12);
        }
        File.WriteAllBytes(destination, bytes);
    }

    /// <summary>The tickets' numbers and subjects and the message count: enough to tell two databases apart.</summary>
    private static string Fingerprint(string databasePath)
    {
        using var db = DatabaseAssertions.OpenReadOnly(databasePath);
        return string.Join('\n', DatabaseAssertions.Rows(db, "SELECT Number, Subject FROM Tickets ORDER BY Number;"))
            + "\n" + DatabaseAssertions.Rows(db, "SELECT COUNT(*) FROM Messages;").Single();
    }

    private static void ExecuteOn(string databasePath, string sql)
    {
        using var db = DatabaseAssertions.OpenWritable(databasePath);
        DatabaseAssertions.ChangeOneRow(db, sql);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(root);
    }
}
