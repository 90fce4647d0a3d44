using System.Threading.Channels;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentWorkspace.Tests.Realtime;

/// <summary>The one presence mechanism: places, tabs counted once per agent, momentary activities that expire, events.</summary>
public sealed class PresenceBoardTests : IDisposable
{
    private readonly ManualClock clock = new();
    private readonly WorkspaceNotifier notifier = new(NullLogger<WorkspaceNotifier>.Instance);
    private readonly PresenceBoard board;

    public PresenceBoardTests() => board = new PresenceBoard(notifier, clock);

    [Fact]
    public void SeveralTabsOfOneAgent_CountOnce_WithTheirHighestActivity_UntilTheLastLeaves()
    {
        var ticket = Topic.Ticket(1);
        var first = board.Join(ticket, "ana", "Ana");
        var second = board.Join(ticket, "ana", "Ana");
        using var ben = board.Join(ticket, "ben", "Ben");

        board.SetMomentary(second, PresenceActivity.TypingNote);
        board.SetMomentary(first, PresenceActivity.TypingReply);

        board.Here(ticket).ShouldBe([new PresenceEntry("ana", "Ana", PresenceActivity.TypingReply), new PresenceEntry("ben", "Ben", PresenceActivity.Present)]);
        first.Dispose();
        board.Here(ticket)[0].Activity.ShouldBe(PresenceActivity.TypingNote);
        second.Dispose();
        board.Here(ticket).Select(e => e.AgentId).ShouldBe(["ben"]);
        board.IsHere(ticket, "ana").ShouldBeFalse();
        board.Here(Topic.Ticket(2)).ShouldBeEmpty();
    }

    [Fact]
    public void Typing_ExpiresOnItsOwn_ButEditingLasts()
    {
        using var typing = board.Join(Topic.Ticket(1), "ana", "Ana");
        using var editing = board.Join(Topic.Article(1), "ana", "Ana", PresenceActivity.Editing);
        board.SetMomentary(typing, PresenceActivity.TypingReply);

        clock.Advance(PresenceBoard.TypingTimeout - TimeSpan.FromSeconds(1));
        board.Here(Topic.Ticket(1))[0].Activity.ShouldBe(PresenceActivity.TypingReply);
        clock.Advance(TimeSpan.FromSeconds(2));
        board.Here(Topic.Ticket(1))[0].Activity.ShouldBe(PresenceActivity.Present);
        board.Here(Topic.Article(1))[0].Activity.ShouldBe(PresenceActivity.Editing);
    }

    [Fact]
    public async Task Changes_ArePublished_ToThePlace_AndForArticlesToTheKbList()
    {
        var heard = Channel.CreateUnbounded<(string Who, WorkspaceEvent Event)>();
        IDisposable Listen(string who, params Topic[] topics) => notifier.Subscribe(topics, batch =>
        {
            foreach (var e in batch) heard.Writer.TryWrite((who, e));
            return Task.CompletedTask;
        });
        using var inbox = Listen("inbox", Topic.Inbox);
        using var kb = Listen("kb", Topic.Kb);
        using var ticketPage = Listen("ticket 5", Topic.Ticket(5));

        using var onTicket = board.Join(Topic.Ticket(5), "ana", "Ana");
        using var onArticle = board.Join(Topic.Article(9), "ana", "Ana", PresenceActivity.Editing);
        using var online = board.Join(Topic.Team, "ana", "Ana");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var got = new[] { await heard.Reader.ReadAsync(timeout.Token), await heard.Reader.ReadAsync(timeout.Token) };
        got.ShouldBe([("ticket 5", new PresenceMoved(Topic.Ticket(5))), ("kb", new PresenceMoved(Topic.Article(9)))], ignoreOrder: true);
        heard.Reader.TryRead(out var extra).ShouldBeFalse($"nobody else hears it: inbox screens follow their rows' tickets, and being online is not news here ({extra})");
    }

    public void Dispose() => board.Dispose();

    /// <summary>A clock the test moves by hand; its timers never fire on their own.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverTimer();

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
