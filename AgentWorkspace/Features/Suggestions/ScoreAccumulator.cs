namespace AgentWorkspace.Features.Suggestions;

/// <summary>One search's per-article scratch space: running totals, how many query words each article matched and
/// which. Kept and reused by its index (never shared by two searches at once) and handed back clean: only the slots
/// a search touched are reset, so a search costs what it walks, not the size of the collection.</summary>
internal sealed class ScoreAccumulator(int documentCount)
{
    /// <summary>Query words beyond this many still score and count for coverage, but are not reported as matched.</summary>
    public const int MaxReportedGroups = 64;

    private readonly float[] _best = new float[documentCount];
    private readonly int[] _groupTouched = new int[documentCount];

    public float[] Totals { get; } = new float[documentCount];
    public int[] MatchedGroups { get; } = new int[documentCount];
    public ulong[] MatchedMask { get; } = new ulong[documentCount];
    public int[] Touched { get; } = new int[documentCount];
    public int TouchedCount { get; private set; }

    /// <summary>Adds one query group: an article scores the best of the group's alternatives, walking at most
    /// <paramref name="postingLimit"/> postings per alternative (postings are stored best first).</summary>
    public void Add(QueryGroup group, int reportedIndex, SuggestionIndexData data, int postingLimit)
    {
        var counted = group.Reported ? 1 : 0;
        var bit = group.Reported && reportedIndex < MaxReportedGroups ? 1UL << reportedIndex : 0UL;
        if (group.Alternatives.Count == 1)
        {
            // Most groups are a single term: add straight into the totals.
            var (termId, weight) = group.Alternatives[0];
            if (weight <= 0f) return;
            var (start, end) = Range(data, termId, postingLimit);
            for (var p = start; p < end; p++)
            {
                var doc = data.PostingDocs[p];
                if (Totals[doc] == 0f) Touched[TouchedCount++] = doc;
                Totals[doc] += data.PostingScores[p] * weight;
                MatchedGroups[doc] += counted;
                MatchedMask[doc] |= bit;
            }
            return;
        }

        var groupCount = 0;
        foreach (var (termId, weight) in group.Alternatives)
        {
            if (weight <= 0f) continue;
            var (start, end) = Range(data, termId, postingLimit);
            for (var p = start; p < end; p++)
            {
                var doc = data.PostingDocs[p];
                var score = data.PostingScores[p] * weight;
                if (_best[doc] == 0f) _groupTouched[groupCount++] = doc;
                if (score > _best[doc]) _best[doc] = score;
            }
        }
        for (var i = 0; i < groupCount; i++)
        {
            var doc = _groupTouched[i];
            if (Totals[doc] == 0f) Touched[TouchedCount++] = doc;
            Totals[doc] += _best[doc];
            MatchedGroups[doc] += counted;
            MatchedMask[doc] |= bit;
            _best[doc] = 0f;
        }
    }

    public void Reset()
    {
        for (var i = 0; i < TouchedCount; i++)
        {
            var doc = Touched[i];
            Totals[doc] = 0f;
            MatchedGroups[doc] = 0;
            MatchedMask[doc] = 0;
        }
        TouchedCount = 0;
    }

    private static (int Start, int End) Range(SuggestionIndexData data, int termId, int limit)
    {
        var (start, end) = (data.PostingStart[termId], data.PostingStart[termId + 1]);
        return (start, end - start > limit ? start + limit : end);
    }
}
