using System.Diagnostics;
using AgentWorkspace.Features.Suggestions;
using SuggestEval;

namespace SuggestBench;

/// <summary>
/// The suggestion path with the dense part on, as <c>KbSuggestions</c> runs it: lexical search for
/// <see cref="DenseSettings.Candidates"/>, then (when <see cref="DenseReranker.Applies"/>) the query embedding, the SIMD
/// cosine scan over every article vector and the fusion. Every article is embedded with the real model first, one at a
/// time as the app's background worker does (that is the throughput figure); queries are timed idle and again while a
/// second thread keeps embedding articles (a publish burst in the background).
/// </summary>
public static class DenseBench
{
    public static void Run(List<KbArticle> kbArticles, Dictionary<string, LanguageText> languages, List<BenchQuery> devQueries,
        int[] sizes, int seed, int perKind, SuggestionTuning tuning, int embedLimit)
    {
        using var process = Process.GetCurrentProcess();
        var settings = new DenseSettings();
        using var embedder = new MiniLmEmbedder();
        process.Refresh();
        var before = process.WorkingSet64;
        var loadStart = Stopwatch.GetTimestamp();
        embedder.Embed("warm up the model");
        var loadTime = Stopwatch.GetElapsedTime(loadStart);
        process.Refresh();
        var loaded = process.WorkingSet64;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        process.Refresh();
        Console.WriteLine($"model: {embedder.Model}; load + first embedding {loadTime.TotalSeconds:F2} s; working set {before / 1048576.0:F0} -> {loaded / 1048576.0:F0} MB, " +
            $"{process.WorkingSet64 / 1048576.0:F0} MB after a full collection");

        foreach (var size in sizes)
        {
            var docs = size == kbArticles.Count
                ? kbArticles.Select(KbEvalData.ToDocument).ToList()
                : new CorpusGenerator(languages, seed).Generate(size);
            var index = SuggestionIndex.Build(docs, SynonymSet.Default, tuning);

            var load = LoadAverage();
            var perArticle = new List<double>(docs.Count);
            var embedStart = Stopwatch.GetTimestamp();
            var vectors = new List<(string, float[], string)>(docs.Count);
            // Past embedLimit articles, vectors of the embedded ones are reused: the scan costs the same per vector.
            foreach (var doc in docs.Take(embedLimit))
            {
                var text = DenseReranker.ArticleText(doc);
                var start = Stopwatch.GetTimestamp();
                vectors.Add((doc.Id, embedder.Embed(text), DenseReranker.ContentHash(embedder.Model, text)));
                perArticle.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            var embedTime = Stopwatch.GetElapsedTime(embedStart);
            var embedded = vectors.Count;
            for (var i = embedded; i < docs.Count; i++) vectors.Add((docs[i].Id, vectors[i % embedded].Item2, "reused"));
            var set = DenseVectorSet.Empty.With(vectors);
            perArticle.Sort();
            process.Refresh();
            Console.WriteLine();
            Console.WriteLine($"### {size:N0} articles, dense on ({settings.Weight} weight, min words {settings.MinWords}, English only {settings.EnglishOnly})");
            Console.WriteLine($"- embedding {embedded:N0} articles, one at a time: {embedTime.TotalSeconds:F1} s, {embedded / embedTime.TotalSeconds:F1} articles/s; " +
                $"per article p50 {Percentile(perArticle, 0.5):F1} ms, p99 {Percentile(perArticle, 0.99):F1} ms; load {load} -> {LoadAverage()}");
            if (embedded < docs.Count) Console.WriteLine($"- the other {docs.Count - embedded:N0} articles reuse those vectors (--dense-embed {embedLimit})");
            Console.WriteLine($"- average words embedded per article {docs.Take(embedded).Average(d => DenseReranker.ArticleText(d).Split(' ').Length):F0}");
            Console.WriteLine($"- process working set now {process.WorkingSet64 / 1048576.0:F0} MB (vectors: {docs.Count * 384 * 4 / 1048576.0:F1} MB of floats)");

            var shuffle = new Random(seed);
            var queries = devQueries.Concat(new QueryGenerator(languages, seed).Generate(perKind, docs)).OrderBy(_ => shuffle.Next()).ToList();
            foreach (var query in queries.Take(50)) Search(index, set, embedder, settings, query.Text, includeInternal: true);
            Measure("idle", index, set, embedder, settings, queries);

            using var burst = new CancellationTokenSource();
            var background = new Thread(() =>
            {
                for (var i = 0; !burst.IsCancellationRequested; i++) embedder.Embed(DenseReranker.ArticleText(docs[i % docs.Count]));
            }) { IsBackground = true, Priority = ThreadPriority.BelowNormal };
            background.Start();
            Measure("while a background thread embeds articles", index, set, embedder, settings, queries);
            burst.Cancel();
            background.Join();
        }
    }

    private static void Measure(string label, SuggestionIndex index, DenseVectorSet set, MiniLmEmbedder embedder, DenseSettings settings, List<BenchQuery> queries)
    {
        var load = LoadAverage();
        var timings = new List<(string Slice, double Ms, double ScanMs)>();
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var (dense, scanMs) = Search(index, set, embedder, settings, queries[i].Text, includeInternal: i % 2 == 0);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            timings.Add(($"{queries[i].Kind}, {(dense ? "dense" : "lexical only")}", ms, scanMs));
            timings.Add((dense ? "all dense" : "all lexical only", ms, scanMs));
        }
        Console.WriteLine();
        Console.WriteLine($"Per query, {label} (load {load} -> {LoadAverage()}), wall clock; scan + fusion in brackets:");
        Console.WriteLine();
        Console.WriteLine("| queries | n | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var slice in timings.GroupBy(t => t.Slice).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var wall = slice.Select(t => t.Ms).Order().ToList();
            var scan = slice.Select(t => t.ScanMs).Order().ToList();
            string Cell(double q) => $"{Percentile(wall, q):F2} ({Percentile(scan, q):F2})";
            Console.WriteLine($"| {slice.Key} | {wall.Count} | {Cell(0.50)} | {Cell(0.95)} | {Cell(0.99)} | {Cell(1.0)} |");
        }
    }

    // As KbSuggestions.Search: lexical candidates, then the embedding and the mix when the dense part applies.
    private static (bool Dense, double ScanMs) Search(SuggestionIndex index, DenseVectorSet set, MiniLmEmbedder embedder, DenseSettings settings, string text, bool includeInternal)
    {
        var options = new SuggestionOptions { MaxResults = 5, IncludeInternal = includeInternal };
        if (!DenseReranker.Applies(text, settings))
        {
            index.Search(text, options);
            return (false, 0);
        }
        var lexical = index.Search(text, options with { MaxResults = settings.Candidates });
        var query = embedder.Embed(text);
        var scan = Stopwatch.GetTimestamp();
        DenseReranker.Fuse(lexical, query, set, settings.Weight, _ => true, options.MaxResults);
        return (true, Stopwatch.GetElapsedTime(scan).TotalMilliseconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
