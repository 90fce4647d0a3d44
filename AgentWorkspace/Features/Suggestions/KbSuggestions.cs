using System.Collections.Concurrent;
using AgentWorkspace.Data;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>One suggested article, with a snippet around what matched.</summary>
public sealed record KbSuggestion(int ArticleId, string Slug, string Title, string Language, bool IsInternal, IReadOnlyList<SnippetSegment> Snippet);

/// <summary>
/// The suggestion engine as the app runs it: an in-memory index of live (published, not archived) articles. When what
/// is live changes (<see cref="ArticleChanged"/>: published, unpublished, archived, unarchived) only that article is
/// read and added, replaced or dropped in the index (<see cref="SuggestionIndex.WithChanges(IEnumerable{SuggestionDocument}, IEnumerable{string})"/>);
/// pending changes are folded into a new compact index in the background once there are enough of them. Drafts and
/// articles only in review are never indexed, and saving them changes nothing; internal-only articles are indexed
/// but never returned to customers. With <c>Suggestions:Dense:Enabled</c>, texts the dense part applies to
/// (<see cref="DenseReranker.Applies"/>) are ranked lexical + MiniLM (<see cref="DenseReranker"/>), with the live
/// articles' vectors that <see cref="ArticleEmbeddings"/> keeps.
/// </summary>
public sealed class KbSuggestions(
    IDbContextFactory<AppDbContext> dbFactory, ArticleQueries articles, WorkspaceNotifier notifier, ILogger<KbSuggestions> logger,
    ArticleEmbeddings? embeddings = null) : IHostedService
{
    public const int AgentResults = 5;
    public const int CustomerResults = 3;

    private readonly SuggestionIndexHolder index = new();
    private readonly Lock sync = new();
    private readonly HashSet<int> changedArticles = [];
    private List<TaskCompletionSource> rebuildWaiters = [];
    private bool rebuildRequested;
    private bool working;
    private int merging;
    private int fullBuilds;
    private int incrementalUpdates;
    private ConcurrentDictionary<string, PublishedArticle> live = new();
    private IDisposable? subscription;

    /// <summary>How many articles the live index holds.</summary>
    public int Count => index.Current.Count;

    /// <summary>Times the whole index was built: from the database (<see cref="RebuildAsync"/>) or by folding pending
    /// changes into a new compact index.</summary>
    public int FullBuilds => Volatile.Read(ref fullBuilds);

    /// <summary>Times changed articles were applied to the index one by one.</summary>
    public int IncrementalUpdates => Volatile.Read(ref incrementalUpdates);

    /// <summary>Changes applied since the compact index was last built.</summary>
    internal int PendingChanges => index.Current.PendingChanges;

    /// <summary>False keeps every change beside the compact index (tests that must see no full build).</summary>
    internal bool MergeInBackground { get; set; } = true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(Topic.Kb, batch =>
        {
            if (batch is [ReloadRequired])
            {
                // Events were dropped: read every live article again.
                _ = Task.Run(RebuildAsync);
                return Task.CompletedTask;
            }
            foreach (var changed in batch.OfType<ArticleChanged>())
            {
                OnArticleChanged(changed);
            }
            return Task.CompletedTask;
        });
        await RebuildAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Queues the article if what is live changed; the index is updated in the background, so a publish does
    /// not wait for it, and suggestions change within a second. Saving a draft or a review step changes nothing.</summary>
    internal void OnArticleChanged(ArticleChanged changed)
    {
        if (changed.Change is not (ArticleEventKind.Published or ArticleEventKind.Unpublished
            or ArticleEventKind.Archived or ArticleEventKind.Unarchived))
        {
            return;
        }
        lock (sync)
        {
            changedArticles.Add(changed.ArticleId);
            StartWorker();
        }
    }

    public IReadOnlyList<KbSuggestion> ForAgent(string query, int max = AgentResults) => Search(query, null, includeInternal: true, max);

    public IReadOnlyList<KbSuggestion> ForCustomer(string query, string? language, int max = CustomerResults) =>
        Search(query, language, includeInternal: false, max);

    private IReadOnlyList<KbSuggestion> Search(string query, string? language, bool includeInternal, int max)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var current = Volatile.Read(ref live);
        var searched = index.Current;
        var text = query.Length > 2000 ? query[^2000..] : query;
        var options = new SuggestionOptions { MaxResults = max, IncludeInternal = includeInternal, Language = language };
        var hits = Dense(text) is { } dense
            ? Fuse(searched.Search(text, options with { MaxResults = Math.Max(max, dense.Settings.Candidates) }), text, dense, current, includeInternal, max)
            : searched.Search(text, options);
        var results = new List<KbSuggestion>(hits.Count);
        foreach (var hit in hits)
        {
            // The index and the article map change one after the other: a hit for an article that just left is dropped.
            if (current.TryGetValue(hit.Id, out var article) && (includeInternal || !article.IsInternal))
            {
                results.Add(new KbSuggestion(article.Id, article.Slug, article.Title, article.Language, article.IsInternal,
                    SuggestionSnippet.Create(article.Title, article.Body, hit.MatchedTerms, article.Language, lastTermIsPrefix: true, synonyms: searched.Synonyms)));
            }
        }
        return results;
    }

    private ArticleEmbeddings? Dense(string text) =>
        embeddings is { Current.Count: > 0 } dense && DenseReranker.Applies(text, dense.Settings) ? dense : null;

    private IReadOnlyList<SuggestionHit> Fuse(IReadOnlyList<SuggestionHit> lexical, string text, ArticleEmbeddings dense,
        ConcurrentDictionary<string, PublishedArticle> current, bool includeInternal, int max)
    {
        float[] query;
        try
        {
            query = dense.EmbedQuery(text);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not embed a query; it is ranked lexically");
            return lexical.Take(max).ToList();
        }
        return DenseReranker.Fuse(lexical, query, dense.Current, dense.Settings.Weight,
            id => current.TryGetValue(id, out var article) && (includeInternal || !article.IsInternal), max);
    }

    /// <summary>Re-reads every live article and the synonyms and swaps in a new index; completes once a rebuild that
    /// started after the call has finished. Concurrent calls coalesce into one more rebuild.</summary>
    public Task RebuildAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            rebuildRequested = true;
            rebuildWaiters.Add(done);
            StartWorker();
        }
        return done.Task;
    }

    private void StartWorker()
    {
        if (working)
        {
            return;
        }
        working = true;
        _ = Task.Run(WorkAsync);
    }

    // One worker at a time reads and applies, so an older read of an article never overwrites a newer one.
    private async Task WorkAsync()
    {
        while (true)
        {
            bool rebuild;
            int[] changed;
            List<TaskCompletionSource> waiters = [];
            lock (sync)
            {
                (rebuild, changed) = (rebuildRequested, [.. changedArticles]);
                if (!rebuild && changed.Length == 0)
                {
                    working = false;
                    return;
                }
                rebuildRequested = false;
                changedArticles.Clear(); // a rebuild reads them too
                if (rebuild)
                {
                    (waiters, rebuildWaiters) = (rebuildWaiters, []);
                }
            }
            try
            {
                await (rebuild ? RebuildFromDatabaseAsync() : ApplyAsync(changed));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not update the suggestion index; the previous one stays in use");
            }
            waiters.ForEach(w => w.TrySetResult());
            MergeIfNeeded();
        }
    }

    private async Task RebuildFromDatabaseAsync()
    {
        var published = await articles.PublishedArticlesAsync();
        var synonyms = await SynonymsAsync();
        // Swapped whole: searches in flight keep the index they started with.
        index.Rebuild(published.Select(Document), synonyms);
        Volatile.Write(ref live, new ConcurrentDictionary<string, PublishedArticle>(published.Select(a => KeyValuePair.Create(Key(a.Id), a))));
        embeddings?.ReplaceAll(published);
        Interlocked.Increment(ref fullBuilds);
    }

    // Reads the changed articles' live revisions (as the rebuild does); one that is no longer live leaves the index.
    private async Task ApplyAsync(int[] articleIds)
    {
        var published = await articles.PublishedArticlesAsync(articleIds);
        var removed = articleIds.Except(published.Select(a => a.Id)).Select(Key).ToList();
        var map = Volatile.Read(ref live);
        // An article enters the map before the index and leaves the index before the map, so a hit finds its text.
        foreach (var article in published) map[Key(article.Id)] = article;
        index.Apply(published.Select(Document), removed);
        foreach (var id in removed) map.TryRemove(id, out _);
        embeddings?.Update(published, removed);
        Interlocked.Increment(ref incrementalUpdates);
    }

    // The merge builds the whole index on a pool thread; changes keep being applied meanwhile and are replayed on it.
    private void MergeIfNeeded()
    {
        if (!MergeInBackground || !index.Current.NeedsMerge || Interlocked.Exchange(ref merging, 1) == 1)
        {
            return;
        }
        _ = Task.Run(() =>
        {
            try
            {
                while (index.Current.NeedsMerge && index.Merge())
                {
                    Interlocked.Increment(ref fullBuilds);
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not merge the suggestion index's pending changes; they stay beside it");
            }
            finally
            {
                Volatile.Write(ref merging, 0);
            }
        });
    }

    internal static SuggestionDocument Document(PublishedArticle a) => new(Key(a.Id), a.Language, a.Title, a.Keywords, a.Body, a.IsInternal);

    /// <summary>The editors' synonym list, or the built-in groups until someone edits them.</summary>
    public async Task<string> SynonymsTextAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SynonymLists.AsNoTracking().Select(s => s.Text).FirstOrDefaultAsync() ?? DefaultSynonymsText;
    }

    public async Task SaveSynonymsAsync(string text, string agentId, DateTimeOffset now)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var row = await db.SynonymLists.FirstOrDefaultAsync();
            if (row is null)
            {
                db.SynonymLists.Add(new SynonymList { Text = text, UpdatedById = agentId, UpdatedAt = now });
            }
            else
            {
                (row.Text, row.UpdatedById, row.UpdatedAt) = (text, agentId, now);
            }
            await db.SaveChangesAsync();
        }
        index.ReplaceSynonyms(SynonymSet.Parse(text));
    }

    public static string DefaultSynonymsText { get; } = string.Join('\n', SynonymSet.Default.Groups.Select(g => string.Join(", ", g)));

    private async Task<SynonymSet> SynonymsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var text = await db.SynonymLists.AsNoTracking().Select(s => s.Text).FirstOrDefaultAsync();
        return text is null ? SynonymSet.Default : SynonymSet.Parse(text);
    }

    private static string Key(int articleId) => articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
