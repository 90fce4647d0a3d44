namespace SuggestEval;

/// <summary>k-fold model selection: for each fold, the candidate with the best R@1 + R@3 + MRR on the other folds is
/// chosen, and only its results on the held-out fold are reported. Every query is held out exactly once, so the
/// figures estimate how a choice made on labelled queries does on queries it was not chosen on.</summary>
public static class KFold
{
    public sealed record Outcome(IReadOnlyList<QueryResult> HeldOut, IReadOnlyList<string> ChosenPerFold, string ChosenOnAll);

    /// <summary>Folds stratified by kind and language: queries sorted by (kind, lang, id), dealt round-robin.</summary>
    public static Dictionary<string, int> Assign(IReadOnlyList<KbQuery> queries, int folds) => queries
        .OrderBy(q => q.Kind, StringComparer.Ordinal).ThenBy(q => q.Lang, StringComparer.Ordinal).ThenBy(q => q.Id, StringComparer.Ordinal)
        .Select((q, i) => (q.Id, Fold: i % folds))
        .ToDictionary(p => p.Id, p => p.Fold);

    /// <param name="candidates">Each candidate's results on every query, in the same query order.</param>
    public static Outcome Select(IReadOnlyList<(string Name, IReadOnlyList<QueryResult> Results)> candidates,
        Dictionary<string, int> foldOf, int folds)
    {
        var heldOut = new List<QueryResult>();
        var chosen = new List<string>();
        for (var fold = 0; fold < folds; fold++)
        {
            var best = Best(candidates, r => foldOf[r.Query.Id] != fold);
            chosen.Add(best.Name);
            heldOut.AddRange(best.Results.Where(r => foldOf[r.Query.Id] == fold));
        }
        var order = candidates[0].Results.Select((r, i) => (r.Query.Id, i)).ToDictionary(p => p.Id, p => p.i);
        heldOut.Sort((a, b) => order[a.Query.Id].CompareTo(order[b.Query.Id]));
        return new Outcome(heldOut, chosen, Best(candidates, _ => true).Name);
    }

    // Ties go to the earlier candidate, so list the current defaults first.
    private static (string Name, IReadOnlyList<QueryResult> Results) Best(
        IReadOnlyList<(string Name, IReadOnlyList<QueryResult> Results)> candidates, Func<QueryResult, bool> training)
    {
        var best = candidates[0];
        var bestScore = double.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            var score = RelevanceEvaluator.Score(candidate.Results.Where(training)).Objective;
            if (score > bestScore + 1e-9) (best, bestScore) = (candidate, score);
        }
        return best;
    }
}
