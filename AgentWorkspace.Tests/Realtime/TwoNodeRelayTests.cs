using System.Collections.Concurrent;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Realtime;

/// <summary>The notifier across two nodes: what crosses, once, and who on the other node receives it.</summary>
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeRelayTests(TwoNodeFixture nodes)
{
    private static WorkspaceNotifier Notifier(WorkspaceAppFactory node) => node.Services.GetRequiredService<WorkspaceNotifier>();

    [Fact]
    public async Task AnEventPublishedOnOneNode_ReachesTheOtherNodesScreensOnce_NeverEchoesBack_AndIsWorkedOnOnlyWhereItWasCommitted()
    {
        var agent = "relay-" + Guid.NewGuid().ToString("N");
        var onA = new ConcurrentQueue<WorkspaceEvent>();
        var onB = new ConcurrentQueue<WorkspaceEvent>();
        var workOnB = new ConcurrentQueue<WorkspaceEvent>();
        using var screenA = Notifier(nodes.NodeA).Subscribe(Topic.Agent(agent), Collect(onA));
        using var screenB = Notifier(nodes.NodeB).Subscribe(Topic.Agent(agent), Collect(onB));
        using var feedB = Notifier(nodes.NodeB).Subscribe(Topic.Agent(agent), Collect(workOnB), origins: Origins.ThisNode);

        Notifier(nodes.NodeA).Publish(new TicketSeen(agent, 1));
        Notifier(nodes.NodeA).Publish(new NotificationCreated(agent, 7, "A title"));
        Notifier(nodes.NodeA).Publish(new AgentChanged(agent));

        await WaitUntilAsync(() => onB.Count >= 3);
        onB.ToArray().ShouldBe(new WorkspaceEvent[] { new TicketSeen(agent, 1), new NotificationCreated(agent, 7, "A title"), new AgentChanged(agent) }, ignoreOrder: false,
            "the other node receives each event once, in order, equal to what was published");
        Notifier(nodes.NodeB).Publish(new TicketSeen(agent, 2));
        await WaitUntilAsync(() => workOnB.Count >= 1 && onA.Count >= 4);

        onA.ToArray().ShouldBe(new WorkspaceEvent[] { new TicketSeen(agent, 1), new NotificationCreated(agent, 7, "A title"), new AgentChanged(agent), new TicketSeen(agent, 2) },
            ignoreOrder: false, "the origin node delivers its own events once (Redis does not echo them back)");
        workOnB.ToArray().ShouldBe(new WorkspaceEvent[] { new TicketSeen(agent, 2) }, ignoreOrder: false, "work follows only the events committed on its own node");
        onB.Count.ShouldBe(4);
    }

    [Fact]
    public async Task WhatANodeDerivesForItsOwnScreens_StaysOnThatNode()
    {
        var subject = Topic.Article(900_000 + Random.Shared.Next(1000));
        var onB = new ConcurrentQueue<WorkspaceEvent>();
        using var screenB = Notifier(nodes.NodeB).Subscribe(subject, Collect(onB));

        // Presence travels as places (the relay's presence messages), not as the PresenceMoved each node derives from them.
        using (nodes.NodeA.Services.GetRequiredService<PresenceBoard>().Join(subject, "agent-a", "Agent A"))
        {
            await WaitUntilAsync(() => nodes.NodeB.Services.GetRequiredService<PresenceBoard>().IsHere(subject, "agent-a"));
        }
        await WaitUntilAsync(() => !nodes.NodeB.Services.GetRequiredService<PresenceBoard>().IsHere(subject, "agent-a"));

        onB.ShouldAllBe(e => e is PresenceMoved);
        onB.Count.ShouldBe(2, "one move when the agent came, one when they left: each derived once, on node B");
    }

    [Fact]
    public async Task AnArticlePublishedOnNodeB_IsSuggestedOnNodeA_ThroughItsOwnIndex()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var suggestionsOnA = nodes.NodeA.Services.GetRequiredService<KbSuggestions>();
        suggestionsOnA.ForCustomer(word, "en").ShouldBeEmpty();

        var (articleId, _) = await new KbTestData(nodes.NodeB.Services).PublishedAsync(KbTestData.Draft($"Resetting the {word} widget", $"Press and hold the {word} button."));

        await WaitUntilAsync(() => suggestionsOnA.ForCustomer(word, "en").Any(s => s.ArticleId == articleId));
    }

    [Fact]
    public async Task ALease_IsHeldByOneNodeAtATime_RenewedByItsHolder_AndTakenOverOnceItRunsOut()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        var onA = nodes.NodeA.Services.GetRequiredService<ClusterLeases>();
        var onB = nodes.NodeB.Services.GetRequiredService<ClusterLeases>();
        var duration = TimeSpan.FromMilliseconds(500);

        (await onA.HoldAsync(name, duration)).ShouldBeTrue();
        (await onB.HoldAsync(name, duration)).ShouldBeFalse();
        (await onA.HoldAsync(name, duration)).ShouldBeTrue("its holder renews it");
        (await onB.HoldAsync(name, duration)).ShouldBeFalse();

        // Node A stops renewing (it died): B gets it once the lease ran out, and A no longer holds it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await onB.HoldAsync(name, TimeSpan.FromSeconds(30)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(50);
        }
        (await onA.HoldAsync(name, duration)).ShouldBeFalse();
    }

    private static Func<IReadOnlyList<WorkspaceEvent>, Task> Collect(ConcurrentQueue<WorkspaceEvent> into) => batch =>
    {
        foreach (var e in batch)
        {
            into.Enqueue(e);
        }
        return Task.CompletedTask;
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 15 s");
            }
            await Task.Delay(10);
        }
    }
}
