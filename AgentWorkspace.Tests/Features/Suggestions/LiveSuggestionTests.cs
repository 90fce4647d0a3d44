using AgentWorkspace.Data;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentWorkspace.Tests.Features.Suggestions;

/// <summary>The suggestion engine as the app runs it: only live articles, internal ones never to customers, changes within a second.</summary>
[Collection(AppCollection.Name)]
public sealed class LiveSuggestionTests(WorkspaceAppFactory app)
{
    private KbSuggestions Suggestions => app.Services.GetRequiredService<KbSuggestions>();
    private KbTestData Kb => new(app.Services);

    [Fact]
    public async Task APublishedArticle_BecomesSuggestible_AndArchivingItRemovesIt_WithoutARestart()
    {
        var word = "zorblaxian" + Guid.NewGuid().ToString("N")[..6];
        Suggestions.ForAgent($"{word} shipping").ShouldNotContain(s => s.Title.Contains(word));

        var (id, version) = await Kb.PublishedAsync(KbTestData.Draft($"Setting up {word} shipping", $"Turn on {word} shipping in Settings."));

        await WaitUntilAsync(() => Suggestions.ForAgent($"how do I set up {word} shipping").Any(s => s.ArticleId == id), "the published article is suggested");
        var reviewer = await Kb.ActorAsync(DemoAgents.RitaEmail);
        var archived = await Kb.Articles.ArchiveAsync(reviewer, id, (await Kb.ReadAsync(id)).Version);
        archived.Succeeded.ShouldBeTrue(archived.Error);
        await WaitUntilAsync(() => Suggestions.ForAgent($"how do I set up {word} shipping").All(s => s.ArticleId != id), "the archived article is gone");
        version.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task PublishingAnArticle_UpdatesOnlyThatArticle_AndSavingADraftOfALiveOneChangesNothing()
    {
        // A second engine on the same app, with merges off, so that any full build would show in its counter.
        var suggestions = new KbSuggestions(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), Kb.Queries,
            app.Services.GetRequiredService<WorkspaceNotifier>(), NullLogger<KbSuggestions>.Instance)
        { MergeInBackground = false };
        await suggestions.StartAsync(CancellationToken.None);
        try
        {
            var builds = suggestions.FullBuilds;
            var word = "frumplewick" + Guid.NewGuid().ToString("N")[..6];
            var (id, version) = await Kb.PublishedAsync(KbTestData.Draft($"{word} loyalty points", $"Earn {word} points on every order."));
            await WaitUntilAsync(() => suggestions.ForAgent($"{word} points").Any(s => s.ArticleId == id), "the published article is suggested");

            var editor = await Kb.ActorAsync(DemoAgents.AnaEmail);
            var saved = await Kb.Articles.SaveAsync(editor, id, version, KbTestData.Draft($"{word} snozzberry draft", "Not live yet."));
            saved.Succeeded.ShouldBeTrue(saved.Error);
            var (other, _) = await Kb.PublishedAsync(KbTestData.Draft($"{word} gift wrapping", $"Wrap {word} orders as gifts."));
            await WaitUntilAsync(() => suggestions.ForAgent($"{word} gift wrapping").Any(s => s.ArticleId == other), "the second article is suggested");

            suggestions.FullBuilds.ShouldBe(builds); // only the startup build: each publish changed one article
            suggestions.PendingChanges.ShouldBe(2); // one per publish; the draft save changed nothing
            suggestions.ForAgent($"{word} snozzberry").ShouldNotContain(s => s.Title.Contains("snozzberry"));
            suggestions.ForAgent($"{word} loyalty").ShouldContain(s => s.ArticleId == id && s.Title == $"{word} loyalty points");
        }
        finally
        {
            await suggestions.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task DraftsAndArticlesInReview_AreNeverSuggested()
    {
        var word = "quindlewort" + Guid.NewGuid().ToString("N")[..6];
        var editor = await Kb.ActorAsync(DemoAgents.AnaEmail);
        var (draftId, _) = await Kb.CreateAsync(editor, KbTestData.Draft($"{word} returns policy", $"Returning {word} items."));
        var (reviewId, reviewVersion) = await Kb.CreateAsync(editor, KbTestData.Draft($"{word} refunds explained", $"Refunding {word} orders."));
        (await Kb.Articles.SubmitAsync(editor, reviewId, reviewVersion)).Succeeded.ShouldBeTrue();
        await Suggestions.RebuildAsync();

        var everything = Suggestions.ForAgent($"{word} returns refunds", max: 50).Concat(Suggestions.ForCustomer($"{word} returns refunds", null, max: 50)).ToList();
        everything.ShouldNotContain(s => s.ArticleId == draftId || s.ArticleId == reviewId);
        everything.ShouldNotContain(s => s.Title.Contains(word));
    }

    [Fact]
    public async Task InternalArticles_AreSuggestedToAgents_ButNeverToCustomers()
    {
        var word = "vextrallium" + Guid.NewGuid().ToString("N")[..6];
        var (id, _) = await Kb.PublishedAsync(KbTestData.Draft($"Escalating {word} disputes", $"Internal steps for {word} disputes.", isInternal: true));

        await WaitUntilAsync(() => Suggestions.ForAgent($"{word} disputes").Any(s => s.ArticleId == id), "agents get the internal article");
        Suggestions.ForCustomer($"{word} disputes", null).ShouldBeEmpty();
    }

    [Fact]
    public async Task SuggestionsShowASnippet_WithTheMatchedWordsMarked()
    {
        var word = "plimbertine" + Guid.NewGuid().ToString("N")[..6];
        var (id, _) = await Kb.PublishedAsync(KbTestData.Draft($"{word} gift cards", $"Intro text that is long enough to be cut off somewhere before the point. You can redeem {word} gift cards at checkout."));
        await WaitUntilAsync(() => Suggestions.ForAgent($"redeem {word}").Any(s => s.ArticleId == id), "the article is suggested");

        var suggestion = Suggestions.ForAgent($"redeem {word}").First(s => s.ArticleId == id);
        suggestion.Snippet.Where(s => s.IsMatch).Select(s => s.Text.ToLowerInvariant()).ShouldContain("redeem");
        string.Concat(suggestion.Snippet.Select(s => s.Text)).ShouldContain("gift cards at checkout");
    }

    [Fact]
    public async Task EditedSynonyms_TakeEffectAtOnce()
    {
        var word = "grommelpost" + Guid.NewGuid().ToString("N")[..6];
        var (id, _) = await Kb.PublishedAsync(KbTestData.Draft($"{word} parcel lockers", $"Pick up parcels from a {word} locker."));
        await WaitUntilAsync(() => Suggestions.ForAgent($"{word} lockers").Any(s => s.ArticleId == id), "the article is suggested");
        var original = await Suggestions.SynonymsTextAsync();
        Suggestions.ForAgent("snorkelbox pickup").ShouldNotContain(s => s.ArticleId == id);

        await Suggestions.SaveSynonymsAsync(original + $"\nsnorkelbox, {word}", "test", DateTimeOffset.UtcNow);
        try
        {
            Suggestions.ForAgent("snorkelbox pickup").ShouldContain(s => s.ArticleId == id);
        }
        finally
        {
            await Suggestions.SaveSynonymsAsync(original, "test", DateTimeOffset.UtcNow);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        // The index is rebuilt in the background after a publish; the issue asks for "within a second".
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 5 s for: {what}");
            await Task.Delay(20);
        }
    }
}
