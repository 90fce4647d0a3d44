using System.Diagnostics;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AgentWorkspace.Tests.Features.Data;

/// <summary>
/// kill -9 of the app while 200 widget customers send at a steady rate and agents reply through the API; the app restarts
/// on the same database, the clients reconnect and finish. Nothing acknowledged to anyone may be lost or stored twice.
/// Runs in both passes: on SQLite the file, on PostgreSQL (AW_TEST_DATABASE=Postgres) a database on the test server
/// (which keeps running: it is the app node that dies).
/// </summary>
[Collection(ReconnectCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Customers = 200;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The hub's and API's per-address limits would refuse 200 customers from one address; per connection they stay as shipped.</summary>
    public static readonly IReadOnlyDictionary<string, string> OneAddressManyCustomers = new Dictionary<string, string>
    {
        ["Widget:RateLimits:CallsPerAddressBurst"] = "1000000",
        ["Widget:RateLimits:CallsPerAddressPerSecond"] = "1000000",
        ["Widget:RateLimits:MessagesPerAddressBurst"] = "1000000",
        ["Widget:RateLimits:MessagesPerAddressPerSecond"] = "1000000",
        ["Widget:RateLimits:StartsPerAddressBurst"] = "1000000",
        ["Widget:RateLimits:StartsPerAddressPerMinute"] = "1000000",
    };

    /// <summary>On both providers: the PostgreSQL pass runs the app on its own database on the test server.</summary>
    [Fact]
    public async Task KillNineUnderLoad_EveryAcknowledgedMessageIsStoredExactlyOnce_SequencesHaveNoHoles_AndTheDatabaseChecksClean()
    {
        var clock = Stopwatch.StartNew();
        await using var app = new AppProcess(dataDirectory, LoopbackPorts.Free(), OneAddressManyCustomers);
        var firstStart = await app.StartAsync();
        var (load, chats) = await CrashLoad.StartAsync(app.Address, await app.IssueApiKeyAsync(), Customers, customerRate: 40, agentRate: 10);
        await using var _ = load;
        chats.ShouldBe(Customers);
        Log($"app up in {firstStart.TotalSeconds:N1} s; {chats} chats open at {clock.Elapsed.TotalSeconds:N1} s");

        // Mid-stream: the opening messages and a few seconds of traffic acknowledged, more on the wire.
        await load.WaitForAsync(p => p.CustomerAcks >= Customers + 200 && p.AgentAcks >= 20, TimeSpan.FromSeconds(120), "get going");
        var atKill = load.Progress;
        var killedAt = DateTimeOffset.UtcNow;
        app.KillHard();
        Log($"kill -9 at {clock.Elapsed.TotalSeconds:N1} s: {atKill}");

        var restart = await app.StartAsync();
        var atRestart = load.Progress;
        Log($"restarted in {restart.TotalSeconds:N1} s: {atRestart}");
        await load.WaitForAsync(p => p.CustomerAcks >= atRestart.CustomerSent + 150 && p.AgentAcks >= atRestart.AgentAcks + 40 && p.Connected == chats,
            TimeSpan.FromSeconds(180), "catch up after the restart");
        var result = await load.FinishAsync();
        await app.StopAsync();
        Log($"finished at {clock.Elapsed.TotalSeconds:N1} s: customers sent {result.CustomerSent} (+{chats} opening) and got {result.CustomerAcks.Count} acks; " +
            $"agents sent {result.AgentSent} replies, {result.AgentAcks.Count} got a 2xx ({result.AgentAcks.Count(a => a.Attempts > 1)} after retrying); " +
            $"agent failures {Describe(result.AgentFailures)}; widget errors {Describe(result.CustomerErrors)}");

        // Every client finished: nothing still in an outbox, no reply given up.
        result.PendingCustomerMessages.ShouldBeEmpty();
        result.AgentUnanswered.ShouldBeEmpty();
        result.CustomerAcks.Count.ShouldBe(result.CustomerSent + chats);
        result.AgentAcks.Count.ShouldBe(result.AgentSent);
        // The kill really hit traffic in flight, and every widget lived through it.
        atRestart.Pending.ShouldBeGreaterThan(0);
        result.Widgets.ShouldAllBe(w => w.Reconnects >= 1);

        var stored = StoredMessages(app, result.Widgets.Select(w => w.Ticket));
        var acked = result.CustomerAcks.Concat(result.AgentAcks).ToList();
        var ours = stored.Where(m => m.Body.StartsWith("crash ", StringComparison.Ordinal)).ToList();
        Log($"stored {ours.Count} of the test's messages for {acked.Count} acknowledged");
        // Exactly once: each acknowledged message is stored once, where and as it was acknowledged; nothing else was stored.
        ours.GroupBy(m => m.Body).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("stored twice");
        stored.Where(m => m.ClientMessageId is not null).GroupBy(m => m.ClientMessageId).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("client id stored twice");
        var byClientId = stored.Where(m => m.ClientMessageId is not null).ToDictionary(m => m.ClientMessageId!);
        acked.Where(a => !byClientId.ContainsKey(a.ClientMessageId)).ShouldBeEmpty("acknowledged but not stored");
        acked.Where(a => byClientId[a.ClientMessageId] is var m && (m.Ticket != a.Ticket || m.Seq != a.Seq || m.Body != a.Body)).ShouldBeEmpty("stored differently from its ack");
        ours.Count.ShouldBe(acked.Count);
        // The resends the kill caused: stored by the killed process, acknowledged only by the restarted one (deduplicated).
        var resent = acked.Where(a => a.At > killedAt.ToUnixTimeMilliseconds() && byClientId[a.ClientMessageId].CreatedAt < killedAt).ToList();
        // And the ones the clients replayed on purpose at the end (every 20th customer ack, every 4th agent ack, as crash-load.mjs picks them).
        var replayed = result.CustomerAcks.Where((_, i) => i % 20 == 0).Concat(result.AgentAcks.Where((_, i) => i % 4 == 0)).ToList();
        Log($"{resent.Count} acknowledged only after the restart had been stored before the kill; {result.Replays.Sent} acknowledged messages replayed " +
            $"({replayed.Count(a => byClientId[a.ClientMessageId].CreatedAt < killedAt)} stored before the kill), {result.Replays.SameSeq} answered with their first sequence number; each stored once");
        result.Replays.Mismatches.ShouldBeEmpty();
        result.Replays.SameSeq.ShouldBe(result.Replays.Sent);
        replayed.Count.ShouldBe(result.Replays.Sent);
        // What each customer's widget shows: every acknowledged message of its chat, and no gap below the newest it shows.
        foreach (var widget in result.Widgets)
        {
            var publicSeqs = stored.Where(m => m.Ticket == widget.Ticket && m.IsPublic).Select(m => m.Seq).ToList();
            acked.Where(a => a.Ticket == widget.Ticket).Select(a => a.Seq).Except(widget.Seen).ShouldBeEmpty($"widget of #{widget.Ticket} misses acknowledged messages");
            publicSeqs.Where(s => s <= widget.Seen.Max()).Except(widget.Seen).ShouldBeEmpty($"widget of #{widget.Ticket} has a gap");
        }
        DatabaseAssertions.AssertSound(app);
        // And the app's own check command, as an operator runs it (on PostgreSQL: amcheck on every index when installed).
        var (checkCode, checkOutput) = await app.RunCommandAsync("check");
        Log(checkOutput);
        checkCode.ShouldBe(0, checkOutput);
        checkOutput.ShouldContain("checks clean");
        if (app.OnPostgres && File.Exists("/usr/share/postgresql/15/extension/amcheck.control"))
        {
            checkOutput.ShouldContain("B-tree indexes with amcheck");
        }
        Log($"test time {clock.Elapsed.TotalSeconds:N1} s");
    }

    private sealed record StoredMessage(int Ticket, int Seq, string? ClientMessageId, string Body, bool IsPublic, DateTimeOffset CreatedAt);

    private static List<StoredMessage> StoredMessages(AppProcess app, IEnumerable<int> tickets)
    {
        using var db = DatabaseAssertions.Open(app);
        using var command = db.CreateCommand();
        // Quoted names: the same SQL on SQLite and PostgreSQL.
        command.CommandText = $"""
            SELECT t."Number", m."Seq", m."ClientMessageId", m."Body", m."Visibility", m."CreatedAt" FROM "Messages" m JOIN "Tickets" t ON t."Id" = m."TicketId"
            WHERE t."Number" IN ({string.Join(',', tickets)});
            """;
        using var reader = command.ExecuteReader();
        var messages = new List<StoredMessage>();
        while (reader.Read())
        {
            var visibility = reader.GetValue(4).ToString();
            messages.Add(new StoredMessage(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                visibility is "Public" or "0", new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero)));
        }
        return messages;
    }

    private static string Describe(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} ×{c.Value}"));

    private void Log(string line) => output.WriteLine(line);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
    }
}
