using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>The <c>check</c> command on either provider: the app's own invariants, beside each database's own checks.</summary>
[Collection(ReconnectCollection.Name)]
public sealed class DatabaseCheckTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Check_IsCleanOnTheDemoData_AndFindsAHoleInATicketsSequence_AndATicketCounterBehindTheTickets()
    {
        await using var app = new AppProcess(root, LoopbackPorts.Free());
        await app.StartAsync();
        await app.StopAsync();
        var (cleanCode, cleanOutput) = await app.RunCommandAsync("check");
        output.WriteLine(cleanOutput);
        cleanCode.ShouldBe(0, cleanOutput);
        cleanOutput.ShouldContain("checks clean");
        cleanOutput.ShouldContain(app.OnPostgres ? "amcheck" : "integrity_check");

        // A ticket that claims one message more than it has (a hole at the end), and a counter that would hand out a used number.
        Execute(app, """UPDATE "Tickets" SET "LastMessageSeq" = "LastMessageSeq" + 1 WHERE "Number" = (SELECT MIN("Number") FROM "Tickets");""");
        Execute(app, """UPDATE "Counters" SET "Value" = 1 WHERE "Name" = 'TicketNumber';""");
        var (code, problems) = await app.RunCommandAsync("check");
        output.WriteLine(problems);
        code.ShouldBe(1);
        problems.ShouldContain("message sequence: ticket #");
        problems.ShouldContain("ticket numbers: the counter is at 1");
    }

    private static void Execute(AppProcess app, string sql)
    {
        using var db = DatabaseAssertions.Open(app, writable: true);
        DatabaseAssertions.ChangeOneRow(db, sql);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(root);
    }
}
