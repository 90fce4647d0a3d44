using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>
/// One rule (<see cref="Article.IsPublic"/>) decides which articles customers may see, and every customer-facing path
/// follows it: the help centre, the full-text search, the suggestion engine and the widget's projection. A draft, an
/// article in review, an internal, unpublished or archived one is never public, through any of them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PublicArticleRuleTests(WorkspaceAppFactory app)
{
    private KbTestData Data => new(app.Services);

    [Fact]
    public async Task OnlyALivePublicArticleIsPublic_InMemoryInSqlAndThroughEveryCustomerFacingPath()
    {
        var word = "plomquartz" + Guid.NewGuid().ToString("N")[..8];
        var articles = await CreateOneOfEachAsync(word);
        await app.Services.GetRequiredService<KbSuggestions>().RebuildAsync();

        await using var db = await Data.DbAsync();
        var inSql = await db.Articles.Where(Article.IsPublic).Where(a => articles.Values.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        var loaded = await db.Articles.AsNoTracking().Include(a => a.PublishedRevision).Where(a => articles.Values.Contains(a.Id)).ToListAsync();
        var inMemory = loaded.Where(Article.IsPublicInMemory).Select(a => a.Id).ToList();

        var helpCentre = new List<int>();
        foreach (var (_, id) in articles)
        {
            var slug = loaded.Single(a => a.Id == id).Slug;
            if ((await Data.Help.ArticleAsync(slug, "en")).Article is { } shown && shown.Id == id)
            {
                helpCentre.Add(id);
            }
        }
        var helpSearch = (await Data.Help.SearchAsync(word, "en")).Select(a => a.Id).ToList();
        var fullText = (await new FtsArticleSearch(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>())
            .SearchPublishedAsync(word, new ArticleSearchOptions(IncludeInternal: false, Take: 50))).Select(h => h.ArticleId).ToList();
        var suggestions = app.Services.GetRequiredService<KbSuggestions>();
        var suggested = suggestions.ForCustomer(word, null, max: 50).Select(s => s.ArticleId).ToList();
        var widget = CustomerView.Suggestions(Guid.NewGuid(), suggestions.ForAgent(word, max: 50), new Uri("https://help.example.test/"))
            .Articles.Select(a => a.ArticleId).ToList();

        List<int> expected = [articles["public"]];
        inMemory.ShouldBe(expected, ignoreOrder: false, customMessage: "in memory");
        inSql.ShouldBe(expected, ignoreOrder: false, customMessage: "in SQL");
        helpCentre.ShouldBe(expected, ignoreOrder: false, customMessage: "help-centre article pages");
        helpSearch.ShouldBe(expected, ignoreOrder: false, customMessage: "help-centre search");
        fullText.ShouldBe(expected, ignoreOrder: false, customMessage: "full-text search for customers");
        suggested.ShouldBe(expected, ignoreOrder: false, customMessage: "suggestions for customers");
        widget.ShouldBe(expected, ignoreOrder: false, customMessage: "what the widget may receive");
    }

    [Fact]
    public async Task AgentsStillFindEveryLiveArticle_InternalOnesIncluded()
    {
        var word = "plomquartz" + Guid.NewGuid().ToString("N")[..8];
        var articles = await CreateOneOfEachAsync(word);
        var suggestions = app.Services.GetRequiredService<KbSuggestions>();
        await suggestions.RebuildAsync();

        var live = new[] { articles["public"], articles["internal"], articles["revision internal"] }.Order().ToList();
        var fullText = await new FtsArticleSearch(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>())
            .SearchPublishedAsync(word, new ArticleSearchOptions(IncludeInternal: true, Take: 50));
        fullText.Select(h => h.ArticleId).Order().ShouldBe(live);
        suggestions.ForAgent(word, max: 50).Select(s => s.ArticleId).Order().ShouldBe(live);
        suggestions.ForAgent(word, max: 50).Where(s => !s.IsInternal).Select(s => s.ArticleId).ShouldBe([articles["public"]]);
    }

    [Fact]
    public void TheRule_AsAPlainFunction_DeniesAnArticleWhosePublishedRevisionIsNotLoaded()
    {
        var article = new Article { Slug = "x", PublishedRevisionId = 7, Status = ArticleStatus.Published };

        Article.IsPublicInMemory(article).ShouldBeFalse();
        article.PublishedRevision = new ArticleRevision { Id = 7, Title = "t", Body = "b", AuthorId = "a" };
        Article.IsPublicInMemory(article).ShouldBeTrue();
        article.Status = ArticleStatus.Archived;
        Article.IsPublicInMemory(article).ShouldBeFalse();
    }

    /// <summary>
    /// One article in each state, all matching <paramref name="word"/>. "revision internal" is a state the service never
    /// writes (approval copies the revision's flag to the article) but the database can hold: it must not leak either.
    /// </summary>
    private async Task<Dictionary<string, int>> CreateOneOfEachAsync(string word)
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        ArticleDraft Draft(string state, bool isInternal = false) =>
            KbTestData.Draft($"{word} {state}", $"How {word} works when it is {state}.", isInternal, keywords: word);

        var articles = new Dictionary<string, int>
        {
            ["public"] = (await Data.PublishedAsync(Draft("public"))).Id,
            ["draft"] = (await Data.CreateAsync(ana, Draft("draft"))).Id,
            ["internal"] = (await Data.PublishedAsync(Draft("internal", isInternal: true))).Id,
        };
        var inReview = await Data.CreateAsync(ana, Draft("in review"));
        (await Data.Articles.SubmitAsync(ana, inReview.Id, inReview.Version)).Succeeded.ShouldBeTrue();
        articles["in review"] = inReview.Id;
        var archived = await Data.PublishedAsync(Draft("archived"));
        (await Data.Articles.ArchiveAsync(rita, archived.Id, archived.Version)).Succeeded.ShouldBeTrue();
        articles["archived"] = archived.Id;
        var unpublished = await Data.PublishedAsync(Draft("unpublished"));
        (await Data.Articles.UnpublishAsync(rita, unpublished.Id, unpublished.Version)).Succeeded.ShouldBeTrue();
        articles["unpublished"] = unpublished.Id;
        var revisionInternal = await Data.PublishedAsync(Draft("revision internal"));
        await using (var db = await Data.DbAsync())
        {
            await db.ArticleRevisions.Where(r => db.Articles.Any(a => a.Id == revisionInternal.Id && a.PublishedRevisionId == r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsInternal, true));
            await ArticleSearchIndex.SyncAsync(db, revisionInternal.Id);
        }
        articles["revision internal"] = revisionInternal.Id;
        return articles;
    }
}
