using System.Threading.Channels;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentWorkspace.Tests.Realtime;

/// <summary>The live backbone on its own: topics, publishing that never waits, batches, and overflow that reloads.</summary>
public sealed class WorkspaceNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WorkspaceNotifier notifier = new(NullLogger<WorkspaceNotifier>.Instance);

    private static TicketSeen Seen(int ticketId, string agent = "a1") => new(agent, ticketId);

    [Fact]
    public async Task Publish_ReturnsAtOnce_WhileASubscriberIsStuck_AndOthersStillReceiveEverything()
    {
        var stuck = new TaskCompletionSource();
        using var slow = notifier.Subscribe(Topic.Agent("a1"), _ => stuck.Task);
        var received = Channel.CreateUnbounded<WorkspaceEvent>();
        using var fast = notifier.Subscribe(Topic.Agent("a1"), batch =>
        {
            foreach (var e in batch) received.Writer.TryWrite(e);
            return Task.CompletedTask;
        });

        for (var i = 0; i < 100; i++)
        {
            // Returns void: there is nothing a publisher could wait on.
            notifier.Publish(Seen(i));
        }

        using var timeout = new CancellationTokenSource(Patience);
        for (var i = 0; i < 100; i++)
        {
            ((TicketSeen)await received.Reader.ReadAsync(timeout.Token)).TicketId.ShouldBe(i);
        }
        stuck.SetResult();
    }

    [Fact]
    public async Task AnOverflowingQueue_DeliversOneReloadInsteadOfTheEventsItCouldNotHold()
    {
        var first = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var batches = Channel.CreateUnbounded<IReadOnlyList<WorkspaceEvent>>();
        using var subscription = notifier.Subscribe(Topic.Agent("a1"), async batch =>
        {
            batches.Writer.TryWrite(batch);
            first.TrySetResult();
            await release.Task;
        }, capacity: 4);

        notifier.Publish(Seen(0));
        await first.Task.WaitAsync(Patience);
        for (var i = 1; i <= 20; i++)
        {
            notifier.Publish(Seen(i)); // 4 fit in the queue, 16 overflow
        }
        release.SetResult();

        using var timeout = new CancellationTokenSource(Patience);
        (await batches.Reader.ReadAsync(timeout.Token)).ShouldBe([Seen(0)]);
        (await batches.Reader.ReadAsync(timeout.Token)).ShouldBe([ReloadRequired.Instance]);

        notifier.Publish(Seen(21));
        (await batches.Reader.ReadAsync(timeout.Token)).ShouldBe([Seen(21)], "after the reload, events flow again");
    }

    [Fact]
    public async Task EventsThatArriveWhileTheSubscriberIsBusy_ComeAsOneBatch_InOrder()
    {
        var release = new TaskCompletionSource();
        var first = new TaskCompletionSource();
        var batches = Channel.CreateUnbounded<IReadOnlyList<WorkspaceEvent>>();
        using var subscription = notifier.Subscribe(Topic.Agent("a1"), async batch =>
        {
            batches.Writer.TryWrite(batch);
            first.TrySetResult();
            await release.Task;
        });

        notifier.Publish(Seen(0));
        await first.Task.WaitAsync(Patience);
        for (var i = 1; i <= 10; i++)
        {
            notifier.Publish(Seen(i));
        }
        release.SetResult();

        using var timeout = new CancellationTokenSource(Patience);
        (await batches.Reader.ReadAsync(timeout.Token)).Count.ShouldBe(1);
        var burst = await batches.Reader.ReadAsync(timeout.Token);
        burst.Cast<TicketSeen>().Select(e => e.TicketId).ShouldBe(Enumerable.Range(1, 10));
    }

    [Fact]
    public async Task APacedSubscriber_GetsTheFirstEventAtOnce_AndABurstWithinItsPaceAsOneLaterBatch_LosingNothing()
    {
        var pace = TimeSpan.FromMilliseconds(600);
        var batches = Channel.CreateUnbounded<(long At, IReadOnlyList<WorkspaceEvent> Batch)>();
        using var subscription = notifier.Subscribe([Topic.Agent("a1")], batch =>
        {
            batches.Writer.TryWrite((System.Diagnostics.Stopwatch.GetTimestamp(), batch));
            return Task.CompletedTask;
        }, pace: pace);

        using var timeout = new CancellationTokenSource(Patience);
        notifier.Publish(Seen(0));
        var (firstAt, first) = await batches.Reader.ReadAsync(timeout.Token);
        first.ShouldBe([Seen(0)]);
        for (var i = 1; i <= 40; i++)
        {
            notifier.Publish(Seen(i));
        }

        var received = new List<WorkspaceEvent>();
        long secondAt = 0;
        while (received.Count < 40)
        {
            var (at, batch) = await batches.Reader.ReadAsync(timeout.Token);
            secondAt = secondAt == 0 ? at : secondAt;
            received.AddRange(batch);
        }
        received.ShouldBe(Enumerable.Range(1, 40).Select(i => (WorkspaceEvent)Seen(i)).ToList(), "every event of the burst, in order");
        System.Diagnostics.Stopwatch.GetElapsedTime(firstAt, secondAt).ShouldBeGreaterThanOrEqualTo(pace - TimeSpan.FromMilliseconds(20),
            "the burst waited for the pace instead of being handed over event by event");
    }

    [Fact]
    public async Task APacedSubscriberWhoseQueueOverflowsDuringItsPace_GetsOneReload()
    {
        var batches = Channel.CreateUnbounded<IReadOnlyList<WorkspaceEvent>>();
        using var subscription = notifier.Subscribe([Topic.Agent("a1")], batch =>
        {
            batches.Writer.TryWrite(batch);
            return Task.CompletedTask;
        }, capacity: 4, pace: TimeSpan.FromSeconds(2));

        using var timeout = new CancellationTokenSource(Patience);
        notifier.Publish(Seen(0));
        (await batches.Reader.ReadAsync(timeout.Token)).ShouldBe([Seen(0)]);
        for (var i = 1; i <= 20; i++)
        {
            notifier.Publish(Seen(i)); // the pump is pacing: 4 fit in the queue, 16 overflow
        }
        (await batches.Reader.ReadAsync(timeout.Token)).ShouldBe([ReloadRequired.Instance]);
    }

    [Fact]
    public async Task ASubscriber_ReceivesOnlyItsTopics_AndAnEventOnTwoOfItsTopicsOnce()
    {
        var ticketOne = Channel.CreateUnbounded<WorkspaceEvent>();
        using var one = notifier.Subscribe([Topic.Ticket(1), Topic.Tickets], batch =>
        {
            foreach (var e in batch) ticketOne.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        var ticketTwo = Channel.CreateUnbounded<WorkspaceEvent>();
        using var two = notifier.Subscribe(Topic.Ticket(2), batch =>
        {
            foreach (var e in batch) ticketTwo.Writer.TryWrite(e);
            return Task.CompletedTask;
        });

        var onTwo = new PresenceMoved(Topic.Ticket(2));
        var onOne = new TicketChanged(1, 1001, null, null, null);
        notifier.Publish(onTwo);
        notifier.Publish(onOne); // topics Ticket:1 and Tickets: both followed by the first subscriber
        notifier.Publish(new PresenceMoved(Topic.Ticket(1)));

        using var timeout = new CancellationTokenSource(Patience);
        (await ticketTwo.Reader.ReadAsync(timeout.Token)).ShouldBe(onTwo);
        (await ticketOne.Reader.ReadAsync(timeout.Token)).ShouldBe(onOne);
        (await ticketOne.Reader.ReadAsync(timeout.Token)).ShouldBe(new PresenceMoved(Topic.Ticket(1)), "the first event came once, then the next one");
        ticketTwo.Reader.TryRead(out _).ShouldBeFalse("ticket 2's subscriber heard nothing about ticket 1");
    }

    [Fact]
    public async Task AFailingSubscriber_KeepsReceiving_AndDoesNotStopOthers()
    {
        var failed = Channel.CreateUnbounded<WorkspaceEvent>();
        using var failing = notifier.Subscribe(Topic.Agent("a1"), batch =>
        {
            foreach (var e in batch) failed.Writer.TryWrite(e);
            throw new InvalidOperationException("boom");
        });
        var received = Channel.CreateUnbounded<WorkspaceEvent>();
        using var healthy = notifier.Subscribe(Topic.Agent("a1"), batch =>
        {
            foreach (var e in batch) received.Writer.TryWrite(e);
            return Task.CompletedTask;
        });

        notifier.Publish(Seen(1));
        using var timeout = new CancellationTokenSource(Patience);
        (await failed.Reader.ReadAsync(timeout.Token)).ShouldBe(Seen(1));
        (await received.Reader.ReadAsync(timeout.Token)).ShouldBe(Seen(1));
        notifier.Publish(Seen(2));

        (await failed.Reader.ReadAsync(timeout.Token)).ShouldBe(Seen(2), "it threw on the first event and still got the second");
        (await received.Reader.ReadAsync(timeout.Token)).ShouldBe(Seen(2));
    }

    [Fact]
    public void Disposing_Unsubscribes_FromEveryTopic()
    {
        var subscription = notifier.Subscribe([Topic.Ticket(7), Topic.Inbox], _ => Task.CompletedTask);
        notifier.SubscriberCount(Topic.Ticket(7)).ShouldBe(1);
        notifier.SubscriberCount(Topic.Inbox).ShouldBe(1);

        subscription.Dispose();

        notifier.SubscriberCount(Topic.Ticket(7)).ShouldBe(0);
        notifier.SubscriberCount(Topic.Inbox).ShouldBe(0);
    }
}
