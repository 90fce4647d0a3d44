using AgentWorkspace.Features.Suggestions;

namespace SuggestEval;

/// <summary>A measured option for long messages: search the whole text and each of its sentences on its own, and add
/// to each article's share of the whole search's top score <paramref name="weight"/> times its best share in a
/// single sentence's search. An article that one sentence asks for outranks one that many sentences brush.</summary>
public sealed class SentenceMaxRanker(SuggestionIndex index, float weight) : IRanker
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n'];

    public string Name => $"sentence-max w={weight}";

    public IReadOnlyList<string> Rank(KbQuery query)
    {
        var options = new SuggestionOptions { MaxResults = 30, IncludeInternal = true };
        var whole = index.Search(query.Text, options);
        var sentences = query.Text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Split(' ').Length >= 3).ToList();
        if (weight <= 0 || sentences.Count < 2 || whole.Count == 0) return whole.Take(RelevanceEvaluator.ListLength).Select(h => h.Id).ToList();
        var scores = whole.ToDictionary(h => h.Id, h => h.Score / whole[0].Score);
        var best = new Dictionary<string, double>();
        foreach (var sentence in sentences)
        {
            var hits = index.Search(sentence, options with { LastTokenIsPrefix = false });
            foreach (var hit in hits)
                best[hit.Id] = Math.Max(best.GetValueOrDefault(hit.Id), hit.Score / hits[0].Score);
        }
        foreach (var (id, share) in best) scores[id] = scores.GetValueOrDefault(id) + weight * share;
        return scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(RelevanceEvaluator.ListLength).Select(p => p.Key).ToList();
    }
}
