namespace AgentWorkspace.Features.Suggestions;

/// <summary>Symmetric-delete candidate lookup over the index's words (the SymSpell idea): a word and a typo of it
/// share a string made by deleting at most as many characters as the allowed edits. Deletes are kept as 64-bit
/// hashes in one sorted array rather than as strings (a hash collision only costs a verification), which keeps the
/// table to 12 bytes per delete at 100,000 articles. A lookup touches only the query's own deletes.</summary>
internal sealed class TypoIndex
{
    private const int TwoDeleteMinLength = 6;
    private readonly ulong[] _hashes;
    private readonly int[] _wordIds;

    public TypoIndex(IReadOnlyList<string> words)
    {
        var hashes = new List<ulong>();
        var ids = new List<int>();
        var perWord = new HashSet<ulong>();
        for (var id = 0; id < words.Count; id++)
        {
            if (words[id].Length < 3) continue;
            perWord.Clear();
            AddDeletes(words[id], words[id].Length >= TwoDeleteMinLength ? 2 : 1, perWord);
            foreach (var hash in perWord)
            {
                hashes.Add(hash);
                ids.Add(id);
            }
        }
        _hashes = [.. hashes];
        _wordIds = [.. ids];
        Array.Sort(_hashes, _wordIds);
    }

    /// <summary>Word ids within <paramref name="maxEdits"/> (optimal string alignment) of <paramref name="term"/>.</summary>
    public IEnumerable<(int TermId, int Edits)> Candidates(string term, int maxEdits, IReadOnlyList<string> words)
    {
        var deletes = new HashSet<ulong>();
        AddDeletes(term, maxEdits, deletes);
        var verified = new HashSet<int>();
        foreach (var hash in deletes)
        {
            var i = LowerBound(hash);
            for (; i < _hashes.Length && _hashes[i] == hash; i++)
            {
                var id = _wordIds[i];
                if (!verified.Add(id)) continue;
                var edits = EditDistance.Osa(term, words[id], maxEdits);
                if (edits > 0 && edits <= maxEdits) yield return (id, edits);
            }
        }
    }

    private int LowerBound(ulong hash)
    {
        var (lo, hi) = (0, _hashes.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_hashes[mid] < hash) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // Hashes of the word itself and of every string reachable by deleting one, or two, of its characters
    // (words of two letters or fewer are not shortened further), without building the strings.
    private static void AddDeletes(string word, int maxDeletes, HashSet<ulong> into)
    {
        into.Add(Hash(word, -1, -1));
        if (word.Length <= 2) return;
        for (var i = 0; i < word.Length; i++)
        {
            into.Add(Hash(word, i, -1));
            if (maxDeletes < 2 || word.Length <= 3) continue;
            for (var j = i + 1; j < word.Length; j++) into.Add(Hash(word, i, j));
        }
    }

    // FNV-1a over the characters, skipping positions skip1 and skip2.
    private static ulong Hash(string word, int skip1, int skip2)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < word.Length; i++)
        {
            if (i == skip1 || i == skip2) continue;
            hash = (hash ^ word[i]) * 1099511628211UL;
        }
        return hash;
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
