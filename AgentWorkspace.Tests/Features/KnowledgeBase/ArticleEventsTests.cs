using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>The ArticleChanged events live lists and the suggestion index rely on.</summary>
[Collection(AppCollection.Name)]
public sealed class ArticleEventsTests(WorkspaceAppFactory app)
{
    private KbTestData Data => new(app.Services);

    [Fact]
    public async Task EveryChange_PublishesArticleChanged_AfterCommit_WithTheNewStatusAndWhetherItIsLive()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var seen = System.Threading.Channels.Channel.CreateUnbounded<(ArticleChanged Event, ArticleStatus StoredStatus)>();
        var notifier = app.Services.GetRequiredService<WorkspaceNotifier>();
        int? watched = null;
        using var subscription = notifier.Subscribe(Topic.Kb, async batch =>
        {
            foreach (var changed in batch.OfType<ArticleChanged>().Where(c => watched is null || c.ArticleId == watched))
            {
                // Read back from a fresh context: the change must already be committed when the event arrives.
                var stored = await Data.ReadAsync(changed.ArticleId);
                seen.Writer.TryWrite((changed, stored.Status));
            }
        });
        var mine = new List<(ArticleChanged Event, ArticleStatus StoredStatus)>();
        // Delivery is asynchronous: each step's event is awaited before the next step, so the read-back sees that step.
        async Task<T> StepAsync<T>(Func<Task<T>> step)
        {
            var result = await step();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            mine.Add(await seen.Reader.ReadAsync(timeout.Token));
            return result;
        }

        var (id, version) = await StepAsync(async () =>
        {
            var created = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Connect a payment provider"), isInternal: true));
            watched = created.Id;
            return created;
        });
        var submitted = await StepAsync(() => Data.Articles.SubmitAsync(ana, id, version));
        var approved = await StepAsync(() => Data.Articles.ApproveAsync(rita, id, submitted.Version!.Value));
        var edited = await StepAsync(() => Data.Articles.SaveAsync(ana, id, approved.Version!.Value, KbTestData.Draft("Connect a payment provider", "v2", isInternal: true)));
        var unpublished = await StepAsync(() => Data.Articles.UnpublishAsync(rita, id, edited.Version!.Value));
        await StepAsync(() => Data.Articles.ArchiveAsync(rita, id, unpublished.Version!.Value));

        mine.Select(s => (s.Event.ArticleId, s.Event.Change, s.Event.Status, s.Event.IsLive)).ShouldBe([
            (id, ArticleEventKind.Created, ArticleStatus.Draft, false),
            (id, ArticleEventKind.Submitted, ArticleStatus.InReview, false),
            (id, ArticleEventKind.Published, ArticleStatus.Published, true),
            (id, ArticleEventKind.Saved, ArticleStatus.Draft, true),
            (id, ArticleEventKind.Unpublished, ArticleStatus.Draft, false),
            (id, ArticleEventKind.Archived, ArticleStatus.Archived, false),
        ]);
        mine.ShouldAllBe(s => s.Event.Status == s.StoredStatus);
        mine.ShouldAllBe(s => s.Event.IsInternal && s.Event.Language == "en");
        mine[2].Event.ActorAgentId.ShouldBe(rita.AgentId);
    }

    [Fact]
    public async Task PublishedArticles_ListOnlyLiveRevisions_WithTheInternalFlag()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (publicId, _) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Public answer"), "Public body", keywords: "alpha, beta"));
        var (internalId, _) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Agent playbook"), "Internal body", isInternal: true));
        var (draftId, _) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Unreviewed"), "Draft body"));

        var published = await Data.Queries.PublishedArticlesAsync();

        var publicArticle = published.Single(a => a.Id == publicId);
        publicArticle.IsInternal.ShouldBeFalse();
        publicArticle.Keywords.ShouldBe("alpha, beta");
        publicArticle.Body.ShouldBe("Public body");
        publicArticle.Language.ShouldBe("en");
        published.Single(a => a.Id == internalId).IsInternal.ShouldBeTrue();
        published.ShouldNotContain(a => a.Id == draftId);
        published.ShouldNotContain(a => a.Body == "Draft body");
        published.Count(a => a.Slug == "legacy-checkout-v1-settings").ShouldBe(0, "archived demo articles are not live");
    }
}
