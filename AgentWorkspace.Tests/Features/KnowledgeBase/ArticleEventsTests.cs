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
        var seen = new List<(ArticleChanged Event, ArticleStatus StoredStatus)>();
        var notifier = app.Services.GetRequiredService<WorkspaceNotifier>();
        int? watched = null;
        using var subscription = notifier.Subscribe(async e =>
        {
            if (e is ArticleChanged changed && (watched is null || changed.ArticleId == watched))
            {
                // Read back from a fresh context: the change must already be committed when the event arrives.
                var stored = await Data.ReadAsync(changed.ArticleId);
                lock (seen)
                {
                    seen.Add((changed, stored.Status));
                }
            }
        });

        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Connect a payment provider"), isInternal: true));
        watched = id;
        var submitted = await Data.Articles.SubmitAsync(ana, id, version);
        var approved = await Data.Articles.ApproveAsync(rita, id, submitted.Version!.Value);
        var edited = await Data.Articles.SaveAsync(ana, id, approved.Version!.Value, KbTestData.Draft("Connect a payment provider", "v2", isInternal: true));
        var unpublished = await Data.Articles.UnpublishAsync(rita, id, edited.Version!.Value);
        await Data.Articles.ArchiveAsync(rita, id, unpublished.Version!.Value);

        List<(ArticleChanged Event, ArticleStatus StoredStatus)> mine;
        lock (seen)
        {
            mine = seen.Where(s => s.Event.ArticleId == id).ToList();
        }
        mine.Select(s => (s.Event.Change, s.Event.Status, s.Event.IsLive)).ShouldBe([
            (ArticleEventKind.Created, ArticleStatus.Draft, false),
            (ArticleEventKind.Submitted, ArticleStatus.InReview, false),
            (ArticleEventKind.Published, ArticleStatus.Published, true),
            (ArticleEventKind.Saved, ArticleStatus.Draft, true),
            (ArticleEventKind.Unpublished, ArticleStatus.Draft, false),
            (ArticleEventKind.Archived, ArticleStatus.Archived, false),
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
