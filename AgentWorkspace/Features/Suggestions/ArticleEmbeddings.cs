using System.Diagnostics;
using AgentWorkspace.Data;
using AgentWorkspace.Features.KnowledgeBase;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>
/// The live articles' sentence vectors (<see cref="Current"/>) and the background worker that makes them. Only the
/// published text is embedded: <see cref="KbSuggestions"/> hands over what its index holds (every live article after a
/// full read, one article after a publish), never a draft. The worker runs on one thread of below-normal priority and
/// embeds one article at a time; a vector is stored per article and model with the hash of the text it came from, so
/// a restart loads the stored vectors and embeds only articles whose text changed meanwhile. Until an article has a
/// vector, suggestions rank it lexically.
/// </summary>
public sealed class ArticleEmbeddings(
    IDbContextFactory<AppDbContext> dbFactory, ISentenceEmbedder embedder, DenseSettings settings, TimeProvider clock,
    ILogger<ArticleEmbeddings> logger) : IHostedService, IDisposable
{
    private sealed record Wanted(int ArticleId, int RevisionNumber, string Text, string Hash);

    private readonly Lock sync = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private Dictionary<string, Wanted> wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);
    private bool loadStored;
    private DenseVectorSet vectors = DenseVectorSet.Empty;
    private Thread? worker;
    private int articlesEmbedded;
    private int vectorsLoaded;
    private int queriesEmbedded;
    private int busy;
    private int disposed;

    public DenseSettings Settings => settings;

    /// <summary>The vectors searches use; replaced whole, never changed in place.</summary>
    public DenseVectorSet Current => Volatile.Read(ref vectors);

    /// <summary>Articles the encoder was run on (not counting vectors read back from the database).</summary>
    public int ArticlesEmbedded => Volatile.Read(ref articlesEmbedded);

    /// <summary>Vectors taken from the database instead of being embedded again.</summary>
    public int VectorsLoaded => Volatile.Read(ref vectorsLoaded);

    public int QueriesEmbedded => Volatile.Read(ref queriesEmbedded);

    /// <summary>True while every live article has its current vector and the worker has nothing left to do.</summary>
    public bool IsIdle
    {
        get
        {
            lock (sync)
            {
                return dirty.Count == 0 && !loadStored && Volatile.Read(ref busy) == 0;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Enabled)
        {
            worker = new Thread(Work) { IsBackground = true, Name = "ArticleEmbeddings" };
            worker.Start();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref disposed) == 0)
        {
            stopping.Cancel();
        }
        worker?.Join(TimeSpan.FromSeconds(5));
        return Task.CompletedTask;
    }

    /// <summary>Every live article, after the index was read whole: stored vectors are loaded, missing or stale ones
    /// embedded, and vectors of articles no longer live dropped.</summary>
    public void ReplaceAll(IEnumerable<PublishedArticle> live)
    {
        if (!settings.Enabled)
        {
            return;
        }
        lock (sync)
        {
            wanted = live.Select(Want).ToDictionary(w => w.Key, w => w.Item, StringComparer.Ordinal);
            dirty.Clear();
            dirty.UnionWith(wanted.Keys);
            loadStored = true;
            Volatile.Write(ref vectors, vectors.Without([.. vectors.Ids.Where(id => !wanted.ContainsKey(id))]));
        }
        wake.Release();
    }

    /// <summary>Articles whose live text changed (a publish) or that left (unpublished, archived).</summary>
    public void Update(IEnumerable<PublishedArticle> published, IReadOnlyCollection<string> removed)
    {
        if (!settings.Enabled)
        {
            return;
        }
        lock (sync)
        {
            foreach (var (key, item) in published.Select(Want))
            {
                wanted[key] = item;
                dirty.Add(key);
            }
            foreach (var id in removed)
            {
                wanted.Remove(id);
                dirty.Remove(id);
            }
            Volatile.Write(ref vectors, vectors.Without(removed));
        }
        wake.Release();
    }

    /// <summary>The query's vector (the model is loaded on first use).</summary>
    public float[] EmbedQuery(string text)
    {
        Interlocked.Increment(ref queriesEmbedded);
        return embedder.Embed(text);
    }

    private (string Key, Wanted Item) Want(PublishedArticle article)
    {
        var document = KbSuggestions.Document(article);
        var text = DenseReranker.ArticleText(document);
        return (document.Id, new Wanted(article.Id, article.RevisionNumber, text, DenseReranker.ContentHash(embedder.Model, text)));
    }

    private void Work()
    {
        var token = stopping.Token;
        BackgroundThreadPriority.Lower();
        try
        {
            while (!token.IsCancellationRequested)
            {
                wake.Wait(token);
                Interlocked.Exchange(ref busy, 1);
                try
                {
                    CatchUp(token);
                }
                finally
                {
                    Interlocked.Exchange(ref busy, 0);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void CatchUp(CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        var embeddedBefore = ArticlesEmbedded;
        bool load;
        lock (sync)
        {
            (load, loadStored) = (loadStored, false);
        }
        if (load)
        {
            LoadStored();
        }
        while (!token.IsCancellationRequested && TakeDirty() is { } next)
        {
            try
            {
                EmbedOne(next.Id, next.Item);
            }
            catch (Exception ex)
            {
                // It stays lexical until its next publish (or a restart) asks again.
                logger.LogError(ex, "Could not embed article {ArticleId}; it is ranked lexically", next.Item.ArticleId);
            }
        }
        var embedded = ArticlesEmbedded - embeddedBefore;
        if (embedded > 0)
        {
            logger.LogInformation("Embedded {Count} articles in {Seconds:F1} s ({Vectors} live vectors)",
                embedded, Stopwatch.GetElapsedTime(started).TotalSeconds, Current.Count);
        }
    }

    private (string Id, Wanted Item)? TakeDirty()
    {
        lock (sync)
        {
            foreach (var id in dirty)
            {
                dirty.Remove(id);
                if (wanted.TryGetValue(id, out var item) && vectors.HashOf(id) != item.Hash)
                {
                    return (id, item);
                }
            }
            return null;
        }
    }

    // One query for every stored vector of this model: after a restart nothing unchanged is embedded again.
    private void LoadStored()
    {
        try
        {
            using var db = dbFactory.CreateDbContext();
            var stored = db.ArticleEmbeddings.AsNoTracking().Where(e => e.Model == embedder.Model)
                .Select(e => new { e.ArticleId, e.ContentHash, e.Vector }).ToList();
            var found = new List<(string, float[], string)>();
            lock (sync)
            {
                foreach (var row in stored)
                {
                    var id = row.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (wanted.TryGetValue(id, out var item) && item.Hash == row.ContentHash && vectors.HashOf(id) != item.Hash)
                    {
                        found.Add((id, ArticleEmbedding.ToVector(row.Vector), row.ContentHash));
                        dirty.Remove(id);
                    }
                }
                Volatile.Write(ref vectors, vectors.With(found));
                Interlocked.Add(ref vectorsLoaded, found.Count);
            }
            logger.LogInformation("Loaded {Count} stored article vectors", found.Count);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not read stored article vectors; missing ones are embedded again");
        }
    }

    private void EmbedOne(string id, Wanted item)
    {
        using var db = dbFactory.CreateDbContext();
        // One row per article and model (a unique index).
        var row = db.ArticleEmbeddings.SingleOrDefault(e => e.ArticleId == item.ArticleId && e.Model == embedder.Model);
        float[] vector;
        if (row is not null && row.ContentHash == item.Hash)
        {
            vector = ArticleEmbedding.ToVector(row.Vector);
            Interlocked.Increment(ref vectorsLoaded);
        }
        else
        {
            vector = embedder.Embed(item.Text);
            Interlocked.Increment(ref articlesEmbedded);
            row ??= db.ArticleEmbeddings.Add(new ArticleEmbedding { ArticleId = item.ArticleId, Model = embedder.Model, ContentHash = "", Vector = [] }).Entity;
            (row.ContentHash, row.Vector, row.RevisionNumber, row.EmbeddedAt) = (item.Hash, ArticleEmbedding.ToBytes(vector), item.RevisionNumber, clock.GetUtcNow());
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException ex)
            {
                // Another node stored it first, or the article was deleted: the vector still serves this process.
                logger.LogWarning(ex, "Could not store the vector of article {ArticleId}", item.ArticleId);
            }
        }
        lock (sync)
        {
            // A newer publish or an unpublish while this one was embedded: that one decides.
            if (wanted.TryGetValue(id, out var now) && now.Hash == item.Hash)
            {
                Volatile.Write(ref vectors, vectors.With([(id, vector, item.Hash)]));
            }
        }
    }

    // Registered as a singleton and as a hosted service: the container disposes it twice.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        stopping.Cancel();
        stopping.Dispose();
        wake.Dispose();
    }
}
