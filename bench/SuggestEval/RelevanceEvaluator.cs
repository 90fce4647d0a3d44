using System.Diagnostics;
using AgentWorkspace.Features.Suggestions;

namespace SuggestEval;

public sealed record SliceScore(int Count, double RecallAt1, double RecallAt3, double Mrr)
{
    /// <summary>What k-fold selection maximises on the training folds: the three figures the targets are set on.</summary>
    public double Objective => RecallAt1 + RecallAt3 + Mrr;
}

/// <summary>One query's outcome under one ranker, and how long the ranker took for it.</summary>
public sealed record QueryResult(KbQuery Query, double R1, double R3, double Rr, IReadOnlyList<string> Ranked, double Milliseconds);

public sealed record QueryMiss(KbQuery Query, IReadOnlyList<string> Top3);

/// <summary>Anything that turns a query into a ranked list of article ids: our engine, the Lucene baseline, a hybrid.</summary>
public interface IRanker
{
    string Name { get; }

    IReadOnlyList<string> Rank(KbQuery query);
}

/// <summary>The engine searched the way the agent workspace searches: no language given, internal articles allowed.</summary>
public sealed class EngineRanker(string name, SuggestionIndex index) : IRanker
{
    public string Name => name;

    public SuggestionIndex Index => index;

    public IReadOnlyList<string> Rank(KbQuery query) =>
        index.Search(query.Text, new SuggestionOptions { MaxResults = RelevanceEvaluator.ListLength, IncludeInternal = true })
            .Select(h => h.Id).ToList();
}

/// <summary>R@1 (top is gold), R@3 (gold or also_ok in the top 3), MRR (1/rank of the first gold), on ranked lists of ten.</summary>
public static class RelevanceEvaluator
{
    public const int ListLength = 10;

    public static IReadOnlyList<QueryResult> Run(IRanker ranker, IReadOnlyList<KbQuery> queries)
    {
        var results = new List<QueryResult>(queries.Count);
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var ranked = ranker.Rank(query);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var acceptable = query.Gold.Concat(query.AlsoOk ?? []).ToHashSet();
            var firstGold = ranked.ToList().FindIndex(id => query.Gold.Contains(id));
            results.Add(new QueryResult(query,
                ranked.Count > 0 && query.Gold.Contains(ranked[0]) ? 1 : 0,
                ranked.Take(3).Any(acceptable.Contains) ? 1 : 0,
                firstGold < 0 ? 0 : 1.0 / (firstGold + 1),
                ranked, elapsed));
        }
        return results;
    }

    public static SliceScore Score(IEnumerable<QueryResult> slice)
    {
        var list = slice.ToList();
        return list.Count == 0 ? new SliceScore(0, 0, 0, 0)
            : new SliceScore(list.Count, list.Average(r => r.R1), list.Average(r => r.R3), list.Average(r => r.Rr));
    }

    /// <summary>overall, then by kind, by language, and by kind and language.</summary>
    public static IEnumerable<(string Name, SliceScore Score)> Slices(IReadOnlyList<QueryResult> results)
    {
        yield return ("overall", Score(results));
        foreach (var kind in results.GroupBy(r => r.Query.Kind).OrderBy(g => g.Key)) yield return ($"kind={kind.Key}", Score(kind));
        foreach (var lang in results.GroupBy(r => r.Query.Lang).OrderBy(g => g.Key)) yield return ($"lang={lang.Key}", Score(lang));
        foreach (var both in results.GroupBy(r => $"{r.Query.Kind}/{r.Query.Lang}").OrderBy(g => g.Key)) yield return (both.Key, Score(both));
    }

    public static IEnumerable<QueryMiss> Misses(IReadOnlyList<QueryResult> results) =>
        results.Where(r => r.R1 == 0).Select(r => new QueryMiss(r.Query, r.Ranked.Take(3).ToList()));
}
