using System.Diagnostics;
using AgentWorkspace.Features.Suggestions;

namespace SuggestBench;

/// <summary>--publish: how long a publish takes to become searchable when it changes one article in the index
/// (<see cref="SuggestionIndexHolder.Apply"/>), how searches fare while changes are pending beside the compact index,
/// how close their results are to a full rebuild's, and what a background merge costs and does to publishes made
/// while it runs. The app adds to this the read of the one changed article from the database.</summary>
public static class PublishBench
{
    public static void Run(Dictionary<string, LanguageText> languages, List<BenchQuery> devQueries, int size, int seed, int publishes, SuggestionTuning tuning)
    {
        var docs = new CorpusGenerator(languages, seed).Generate(size);
        var build = Stopwatch.StartNew();
        var holder = new SuggestionIndexHolder(SuggestionIndex.Build(docs, SynonymSet.Default, tuning));
        build.Stop();
        var shuffle = new Random(seed);
        var queries = devQueries.Concat(new QueryGenerator(languages, seed).Generate(200, docs)).OrderBy(_ => shuffle.Next()).ToList();
        SuggestionOptions[] options = [new() { IncludeInternal = true }, new() { IncludeInternal = false }];

        // Each publish is a new article or a new version of an old one (alternately), its title carrying a word no
        // other article has, so "searchable" means exactly that article is found.
        var fresh = new CorpusGenerator(languages, seed + 1).Generate(publishes * 2);
        var pick = new Random(seed + 2);
        var next = 0;
        (SuggestionDocument Doc, string Marker) Publication()
        {
            var i = next++;
            var id = i % 2 == 0 ? $"pub-{i:D4}" : docs[pick.Next(docs.Count)].Id;
            var marker = $"zqmark{i}x";
            return (fresh[i % fresh.Count] with { Id = id, Title = $"{fresh[i % fresh.Count].Title} {marker}" }, marker);
        }
        double PublishAndFind()
        {
            var (doc, marker) = Publication();
            var start = Stopwatch.GetTimestamp();
            holder.Apply([doc]);
            var found = holder.Search(marker, options[0]).Any(h => h.Id == doc.Id);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!found) throw new InvalidOperationException($"published {doc.Id} is not searchable");
            return elapsed;
        }

        foreach (var query in queries) holder.Search(query.Text, options[0]); // warm-up
        PublishAndFind(); // JIT of the delta path; merged away below so the measured publishes start from a compact index
        holder.Merge();

        var load = LoadAverage();
        var searchBefore = SearchLatencies(holder.Current, queries, options);
        var publishTimes = Enumerable.Range(0, publishes).Select(_ => PublishAndFind()).ToList();
        var pending = holder.Current;
        var searchPending = SearchLatencies(pending, queries, options);
        var (sameTop, sameTen, compared) = Fidelity(pending, queries, options, tuning);

        // A merge on a pool thread while publishes keep coming, one every 50 ms.
        var merge = Stopwatch.StartNew();
        var merging = Task.Run(holder.Merge);
        var duringMerge = new List<double>();
        while (!merging.IsCompleted && duringMerge.Count < 200)
        {
            duringMerge.Add(PublishAndFind());
            Thread.Sleep(50);
        }
        var merged = merging.Result;
        merge.Stop();
        load += " -> " + LoadAverage();

        Console.WriteLine();
        Console.WriteLine($"### {size:N0} articles, {publishes} publishes (index build {build.Elapsed.TotalSeconds:F2} s)");
        Console.WriteLine();
        Console.WriteLine($"- load average (1/5/15 min) before -> after: {load}");
        Console.WriteLine($"- publish -> searchable (Apply + a search that finds it), {publishes} publishes with 1..{publishes} pending: " +
            $"p50 {Percentile(publishTimes, 0.5):F1} ms, p99 {Percentile(publishTimes, 0.99):F1} ms, max {publishTimes.Max():F1} ms");
        Console.WriteLine($"- search with 0 pending: {searchBefore}; with {pending.PendingChanges} pending: {searchPending} ({queries.Count} searches each)");
        Console.WriteLine($"- after {pending.PendingChanges} changes vs a full rebuild of the same articles, {compared} searches: same top result {100.0 * sameTop / compared:F1}%, " +
            $"identical top 10 {100.0 * sameTen / compared:F1}%; score drift bound {pending.ScoreDrift:P4}");
        Console.WriteLine($"- background merge: {merge.Elapsed.TotalSeconds:F2} s (merged: {merged}); {duringMerge.Count} publishes during it: " +
            (duringMerge.Count == 0 ? "none" : $"p50 {Percentile(duringMerge, 0.5):F1} ms, p99 {Percentile(duringMerge, 0.99):F1} ms, max {duringMerge.Max():F1} ms") +
            $"; pending after the merge: {holder.Current.PendingChanges}");
    }

    private static string SearchLatencies(SuggestionIndex index, List<BenchQuery> queries, SuggestionOptions[] options)
    {
        var times = new List<double>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Search(queries[i].Text, options[i % 2]);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return $"p50 {Percentile(times, 0.5):F2} ms, p99 {Percentile(times, 0.99):F2} ms";
    }

    private static (int SameTop, int SameTen, int Compared) Fidelity(SuggestionIndex index, List<BenchQuery> queries, SuggestionOptions[] options, SuggestionTuning tuning)
    {
        var rebuilt = SuggestionIndex.Build(index.Documents.ToList(), index.Synonyms, tuning);
        int sameTop = 0, sameTen = 0, compared = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var full = rebuilt.Search(queries[i].Text, options[i % 2]).Select(h => h.Id).ToList();
            if (full.Count == 0) continue;
            var incremental = index.Search(queries[i].Text, options[i % 2]).Select(h => h.Id).ToList();
            compared++;
            if (incremental.FirstOrDefault() == full[0]) sameTop++;
            if (incremental.SequenceEqual(full)) sameTen++;
        }
        return (sameTop, sameTen, compared);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
