using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Suggestions;

/// <summary>The dense part as the app runs it (Suggestions:Dense:Enabled on), with <see cref="ConceptEmbedder"/> in
/// place of the model so that embedding the demo KB costs nothing and every encoder call is counted.</summary>
public sealed class ArticleEmbeddingsTests(ArticleEmbeddingsTests.DenseApp dense) : IClassFixture<ArticleEmbeddingsTests.DenseApp>
{
    public sealed class DenseApp : IAsyncLifetime
    {
        public ConceptEmbedder Embedder { get; } = new();
        public WorkspaceAppFactory App { get; private set; } = null!;

        public Task InitializeAsync()
        {
            App = Start(Embedder);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static WorkspaceAppFactory Start(ConceptEmbedder embedder, string? dataDirectory = null) => WorkspaceAppFactory.Create(
        dataDirectory: dataDirectory,
        settings: new Dictionary<string, string?> { ["Suggestions:Dense:Enabled"] = "true" },
        services: services => services.AddSingleton<ISentenceEmbedder>(embedder));

    private ArticleEmbeddings Embeddings => dense.App.Services.GetRequiredService<ArticleEmbeddings>();
    private KbSuggestions Suggestions => dense.App.Services.GetRequiredService<KbSuggestions>();
    private KbTestData Kb => new(dense.App.Services);

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task APublishedEdit_ReEmbedsThatArticleOnly_AndADraftSaveEmbedsNothing()
    {
        await WaitUntilAllEmbeddedAsync(dense.App);
        var word = "quoxlet" + Guid.NewGuid().ToString("N")[..6];
        var (id, version) = await Kb.PublishedAsync(KbTestData.Draft($"{word} parcel lockers", $"Collect {word} parcels from a locker."));
        await WaitUntilAsync(() => Embeddings.Current.Contains(Key(id)), "the published article has a vector");
        var embedded = Embeddings.ArticlesEmbedded;
        var hashes = Embeddings.Current.Ids.ToDictionary(i => i, i => Embeddings.Current.HashOf(i));

        var ana = await Kb.ActorAsync(DemoAgents.AnaEmail);
        var draft = await Kb.Articles.SaveAsync(ana, id, version, KbTestData.Draft($"{word} parcel lockers", $"Draft only: {word} snorkwood lockers."));
        draft.Succeeded.ShouldBeTrue(draft.Error);
        var (other, _) = await Kb.PublishedAsync(KbTestData.Draft($"{word} gift wrapping", $"Wrap {word} orders as gifts."));
        await WaitUntilAsync(() => Embeddings.Current.Contains(Key(other)), "the second article has a vector");

        Embeddings.ArticlesEmbedded.ShouldBe(embedded + 1); // the second article; the draft save embedded nothing
        dense.Embedder.CallsContaining("snorkwood").ShouldBe(0);
        Embeddings.Current.HashOf(Key(id)).ShouldBe(hashes[Key(id)]);

        var rita = await Kb.ActorAsync(DemoAgents.RitaEmail);
        var submitted = await Kb.Articles.SubmitAsync(ana, id, draft.Version!.Value);
        submitted.Succeeded.ShouldBeTrue(submitted.Error);
        (await Kb.Articles.ApproveAsync(rita, id, submitted.Version!.Value)).Succeeded.ShouldBeTrue();
        await WaitUntilAsync(() => Embeddings.Current.HashOf(Key(id)) != hashes[Key(id)], "the edited article's new vector");

        Embeddings.ArticlesEmbedded.ShouldBe(embedded + 2);
        dense.Embedder.CallsContaining("snorkwood").ShouldBe(1); // its published text, once
        foreach (var (article, hash) in hashes.Where(h => h.Key != Key(id)))
        {
            Embeddings.Current.HashOf(article).ShouldBe(hash);
        }
    }

    [Fact]
    public async Task AnArticleWithoutAVectorYet_IsStillFoundLexically()
    {
        await WaitUntilAllEmbeddedAsync(dense.App);
        var word = "brindlequay" + Guid.NewGuid().ToString("N")[..6];
        var marker = "heldback" + Guid.NewGuid().ToString("N")[..6];
        dense.Embedder.Hold(marker);
        try
        {
            var (id, _) = await Kb.PublishedAsync(KbTestData.Draft($"{word} wrapping service", $"Our {word} wrapping service packs your order. {marker}"));
            // Long and English, so the mix applies; the parcel and tracking words make demo articles the dense favourites.
            var query = $"Hello, how does the {word} wrapping work for a parcel I am sending today, and will the tracking still show it?";
            var queries = Embeddings.QueriesEmbedded;

            await WaitUntilAsync(() => Suggestions.ForAgent(query).FirstOrDefault()?.ArticleId == id, "the new article first, by its lexical score");

            Embeddings.Current.Contains(Key(id)).ShouldBeFalse(); // still being embedded
            Embeddings.QueriesEmbedded.ShouldBeGreaterThan(queries); // the query went through the mix
        }
        finally
        {
            dense.Embedder.Release();
        }
    }

    [Fact]
    public async Task SpanishText_StaysLexical_AndEnglishTextIsEmbedded()
    {
        await WaitUntilAllEmbeddedAsync(dense.App);
        var queries = Embeddings.QueriesEmbedded;

        Suggestions.ForCustomer("Hola, el paquete que pedí la semana pasada no ha llegado y el número de seguimiento no muestra nada, ¿qué puedo hacer?", null);
        Embeddings.QueriesEmbedded.ShouldBe(queries);

        Suggestions.ForCustomer("Hello, the parcel I ordered last week has not arrived and the tracking number shows nothing, what can I do?", null);
        Embeddings.QueriesEmbedded.ShouldBe(queries + 1);
    }

    [Fact]
    public async Task ARestart_ReusesTheStoredVectors_WithoutRunningTheEncoder()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = new ConceptEmbedder();
            int live;
            await using (var app = Start(first, dataDirectory))
            {
                live = await WaitUntilAllEmbeddedAsync(app);
                first.Calls.Count.ShouldBe(live);
            }

            var second = new ConceptEmbedder();
            await using (var app = Start(second, dataDirectory))
            {
                (await WaitUntilAllEmbeddedAsync(app)).ShouldBe(live);
                var embeddings = app.Services.GetRequiredService<ArticleEmbeddings>();
                second.Calls.ShouldBeEmpty();
                embeddings.ArticlesEmbedded.ShouldBe(0);
                embeddings.VectorsLoaded.ShouldBe(live);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            WorkspaceAppFactory.TryDeleteDirectory(dataDirectory);
        }
    }

    /// <summary>Waits until every live article has a vector; returns how many.</summary>
    private static async Task<int> WaitUntilAllEmbeddedAsync(WorkspaceAppFactory app)
    {
        var suggestions = app.Services.GetRequiredService<KbSuggestions>();
        var embeddings = app.Services.GetRequiredService<ArticleEmbeddings>();
        await WaitUntilAsync(() => suggestions.Count > 0 && embeddings.IsIdle && embeddings.Current.Count == suggestions.Count, "every live article has a vector");
        return embeddings.Current.Count;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 60 s for: {what}");
            await Task.Delay(20);
        }
    }
}
