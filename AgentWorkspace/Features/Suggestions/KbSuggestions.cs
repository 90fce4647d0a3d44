using AgentWorkspace.Data;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>One suggested article, with a snippet around what matched.</summary>
public sealed record KbSuggestion(int ArticleId, string Slug, string Title, string Language, bool IsInternal, IReadOnlyList<SnippetSegment> Snippet);

/// <summary>
/// The suggestion engine as the app runs it: an in-memory index of live (published, not archived) articles, rebuilt
/// off to the side and swapped in whenever an article is published, edited live, unpublished or archived
/// (<see cref="ArticleChanged"/>), or when editors change the synonyms. Drafts and articles only in review are never
/// indexed; internal-only articles are indexed but never returned to customers.
/// </summary>
public sealed class KbSuggestions(
    IDbContextFactory<AppDbContext> dbFactory, ArticleQueries articles, WorkspaceNotifier notifier, ILogger<KbSuggestions> logger) : IHostedService
{
    public const int AgentResults = 5;
    public const int CustomerResults = 3;

    private readonly SuggestionIndexHolder index = new();
    private readonly SemaphoreSlim rebuildGate = new(1, 1);
    private Dictionary<string, PublishedArticle> live = [];
    private int rebuildRequested;
    private IDisposable? subscription;

    /// <summary>How many articles the live index holds.</summary>
    public int Count => index.Current.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Rebuilt in the background: a publish does not wait for the index, and suggestions change within a second.
        // Only what is live matters: saving a draft, submitting or reviewing it changes nothing customers or agents get.
        subscription = notifier.Subscribe(Topic.Kb, batch =>
        {
            if (batch.Any(e => e is ReloadRequired or ArticleChanged { Change: ArticleEventKind.Published or ArticleEventKind.Unpublished or ArticleEventKind.Archived or ArticleEventKind.Unarchived }))
            {
                _ = Task.Run(RebuildAsync);
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
        var hits = searched.Search(query.Length > 2000 ? query[^2000..] : query,
            new SuggestionOptions { MaxResults = max, IncludeInternal = includeInternal, Language = language });
        var results = new List<KbSuggestion>(hits.Count);
        foreach (var hit in hits)
        {
            // The index and the article map are swapped separately: a hit for an article that just left is dropped.
            if (current.TryGetValue(hit.Id, out var article) && (includeInternal || !article.IsInternal))
            {
                results.Add(new KbSuggestion(article.Id, article.Slug, article.Title, article.Language, article.IsInternal,
                    SuggestionSnippet.Create(article.Title, article.Body, hit.MatchedTerms, article.Language, lastTermIsPrefix: true, synonyms: searched.Synonyms)));
            }
        }
        return results;
    }

    /// <summary>Re-reads the live articles and synonyms and swaps in a new index. Concurrent calls coalesce into one more rebuild.</summary>
    public async Task RebuildAsync()
    {
        Interlocked.Exchange(ref rebuildRequested, 1);
        while (Volatile.Read(ref rebuildRequested) == 1 && await rebuildGate.WaitAsync(0))
        {
            try
            {
                while (Interlocked.Exchange(ref rebuildRequested, 0) == 1)
                {
                    var published = await articles.PublishedArticlesAsync();
                    var synonyms = await SynonymsAsync();
                    var documents = published.Select(a => new SuggestionDocument(Key(a.Id), a.Language, a.Title, a.Keywords, a.Body, a.IsInternal));
                    // Swapped whole: searches in flight keep the index they started with.
                    index.Rebuild(documents, synonyms);
                    Volatile.Write(ref live, published.ToDictionary(a => Key(a.Id)));
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not rebuild the suggestion index; the previous one stays in use");
            }
            finally
            {
                rebuildGate.Release();
            }
        }
    }

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
