namespace AgentWorkspace.Features.Suggestions;

/// <summary>Symmetric-delete candidate lookup over the index vocabulary (the SymSpell idea): a term and a typo of it
/// share a string made by deleting at most as many characters as the allowed edits. Build is linear in the
/// vocabulary; a lookup touches only the query's own deletes, never the whole vocabulary.</summary>
internal sealed class TypoIndex
{
    private const int TwoDeleteMinLength = 6;
    private readonly Dictionary<string, int[]> _deletes;

    public TypoIndex(IReadOnlyList<string> vocabulary)
    {
        var deletes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var term = vocabulary[id];
            if (term.Length < 3 || TextAnalyzer.IsPair(term)) continue;
            seen.Clear();
            foreach (var delete in Deletes(term, term.Length >= TwoDeleteMinLength ? 2 : 1, seen))
            {
                if (!deletes.TryGetValue(delete, out var ids)) deletes[delete] = ids = [];
                ids.Add(id);
            }
        }
        _deletes = deletes.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Term ids within <paramref name="maxEdits"/> (optimal string alignment) of <paramref name="term"/>.</summary>
    public IEnumerable<(int TermId, int Edits)> Candidates(string term, int maxEdits, IReadOnlyList<string> vocabulary)
    {
        var verified = new HashSet<int>();
        foreach (var delete in Deletes(term, maxEdits, new HashSet<string>(StringComparer.Ordinal)))
        {
            if (!_deletes.TryGetValue(delete, out var ids)) continue;
            foreach (var id in ids)
            {
                if (!verified.Add(id)) continue;
                var edits = EditDistance.Osa(term, vocabulary[id], maxEdits);
                if (edits > 0 && edits <= maxEdits) yield return (id, edits);
            }
        }
    }

    // The term itself plus every string reachable by deleting up to maxDeletes characters.
    private static IEnumerable<string> Deletes(string term, int maxDeletes, HashSet<string> seen)
    {
        var frontier = new List<string> { term };
        seen.Add(term);
        yield return term;
        for (var depth = 0; depth < maxDeletes; depth++)
        {
            var next = new List<string>();
            foreach (var word in frontier)
            {
                if (word.Length <= 2) continue;
                for (var i = 0; i < word.Length; i++)
                {
                    var shorter = word.Remove(i, 1);
                    if (seen.Add(shorter)) { next.Add(shorter); yield return shorter; }
                }
            }
            frontier = next;
        }
    }
}

internal static class EditDistance
{
    /// <summary>Optimal string alignment distance (Damerau with adjacent transpositions), or maxEdits + 1 once it
    /// is certain to exceed maxEdits.</summary>
    public static int Osa(string a, string b, int maxEdits)
    {
        if (Math.Abs(a.Length - b.Length) > maxEdits) return maxEdits + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > maxEdits) return maxEdits + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], maxEdits + 1);
    }
}
