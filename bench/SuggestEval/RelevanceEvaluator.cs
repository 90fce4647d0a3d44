using AgentWorkspace.Features.Suggestions;

namespace SuggestEval;

public sealed record SliceScore(int Count, double RecallAt1, double RecallAt3, double Mrr);

public sealed record QueryMiss(KbQuery Query, IReadOnlyList<string> Top3);

public sealed record RelevanceReport(SliceScore Overall, IReadOnlyDictionary<string, SliceScore> ByKind,
    IReadOnlyDictionary<string, SliceScore> ByLang, IReadOnlyDictionary<string, SliceScore> ByHalf, IReadOnlyList<QueryMiss> Misses)
{
    public IEnumerable<(string Name, SliceScore Score)> Slices()
    {
        yield return ("overall", Overall);
        foreach (var (kind, score) in ByKind.OrderBy(p => p.Key)) yield return ($"kind={kind}", score);
        foreach (var (lang, score) in ByLang.OrderBy(p => p.Key)) yield return ($"lang={lang}", score);
        foreach (var (half, score) in ByHalf.OrderBy(p => p.Key)) yield return ($"half={half}", score);
    }
}

/// <summary>R@1 (top is gold), R@3 (gold or also_ok in the top 3), MRR (1/rank of the first gold), on ranked lists of
/// ten, searched the way the agent workspace searches: no language given, internal articles allowed.</summary>
public static class RelevanceEvaluator
{
    public const int ListLength = 10;

    /// <summary>A 2-fold split of the queries by the parity of their id's number: a tuning change has to help both
    /// halves, so it is less likely to fit a handful of queries.</summary>
    public static string Half(string queryId)
    {
        var digits = new string(queryId.Where(char.IsDigit).ToArray());
        return digits.Length > 0 && (digits[^1] - '0') % 2 == 1 ? "odd" : "even";
    }

    public static RelevanceReport Evaluate(SuggestionIndex index, IReadOnlyList<KbQuery> queries)
    {
        var rows = new List<(KbQuery Query, double R1, double R3, double Rr, List<string> Ranked)>();
        foreach (var query in queries)
        {
            var ranked = index.Search(query.Text, new SuggestionOptions { MaxResults = ListLength, IncludeInternal = true })
                .Select(h => h.Id).ToList();
            var acceptable = query.Gold.Concat(query.AlsoOk ?? []).ToHashSet();
            var firstGold = ranked.FindIndex(id => query.Gold.Contains(id));
            rows.Add((query,
                ranked.Count > 0 && query.Gold.Contains(ranked[0]) ? 1 : 0,
                ranked.Take(3).Any(acceptable.Contains) ? 1 : 0,
                firstGold < 0 ? 0 : 1.0 / (firstGold + 1),
                ranked));
        }

        SliceScore Score(IEnumerable<(KbQuery Query, double R1, double R3, double Rr, List<string> Ranked)> slice)
        {
            var list = slice.ToList();
            return list.Count == 0 ? new SliceScore(0, 0, 0, 0)
                : new SliceScore(list.Count, list.Average(r => r.R1), list.Average(r => r.R3), list.Average(r => r.Rr));
        }

        return new RelevanceReport(
            Score(rows),
            rows.GroupBy(r => r.Query.Kind).ToDictionary(g => g.Key, g => Score(g)),
            rows.GroupBy(r => r.Query.Lang).ToDictionary(g => g.Key, g => Score(g)),
            rows.GroupBy(r => Half(r.Query.Id)).ToDictionary(g => g.Key, g => Score(g)),
            rows.Where(r => r.R1 == 0).Select(r => new QueryMiss(r.Query, r.Ranked.Take(3).ToList())).ToList());
    }
}
