using System.Numerics;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>One search's per-article scratch space: running total, the best alternative of the current query word,
/// and which query words matched. Kept and reused by its index (never shared by two searches at once) and handed
/// back clean: only the slots a search touched are reset, so a search costs what it walks, not the size of the
/// collection. One 16-byte slot per article, so scoring a posting touches one cache line, not three.</summary>
internal sealed class ScoreAccumulator(int documentCount)
{
    /// <summary>Query words tracked by bit; beyond this many they still score and count for coverage, but are not
    /// reported as matched.</summary>
    public const int MaxReportedGroups = 64;

    private struct Slot
    {
        public ulong Mask;
        public float Total;
        public float Best;
    }

    private readonly Slot[] _slots = new Slot[documentCount];
    private readonly int[] _groupTouched = new int[documentCount];
    private int[]? _overflowMatches; // matches of reported words past MaxReportedGroups, rarely needed

    public int[] Touched { get; } = new int[documentCount];
    public int TouchedCount { get; private set; }

    public float Total(int doc) => _slots[doc].Total;

    public void Scale(int doc, float factor) => _slots[doc].Total *= factor;

    public ulong MatchedMask(int doc) => _slots[doc].Mask;

    public int MatchedGroups(int doc) => BitOperations.PopCount(_slots[doc].Mask) + (_overflowMatches?[doc] ?? 0);

    /// <summary>Adds one query group: an article scores the best of the group's alternatives, walking at most
    /// <paramref name="postingLimit"/> postings per alternative (postings are stored best first).</summary>
    public void Add(QueryGroup group, int reportedIndex, SuggestionIndexData data, int postingLimit)
    {
        var bit = group.Reported && reportedIndex < MaxReportedGroups ? 1UL << reportedIndex : 0UL;
        var overflow = group.Reported && reportedIndex >= MaxReportedGroups;
        if (overflow) _overflowMatches ??= new int[_slots.Length];
        var (docs, scores) = (data.PostingDocs, data.PostingScores);
        if (group.Alternatives.Count == 1 && !overflow)
        {
            // Most groups are a single term: add straight into the totals.
            var (termId, weight) = group.Alternatives[0];
            if (weight <= 0f) return;
            var (start, end) = Range(data, termId, postingLimit);
            for (var p = start; p < end; p++)
            {
                ref var slot = ref _slots[docs[p]];
                if (slot.Total == 0f) Touched[TouchedCount++] = docs[p];
                slot.Total += scores[p] * weight;
                slot.Mask |= bit;
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
                ref var slot = ref _slots[docs[p]];
                var score = scores[p] * weight;
                if (slot.Best == 0f) _groupTouched[groupCount++] = docs[p];
                if (score > slot.Best) slot.Best = score;
            }
        }
        for (var i = 0; i < groupCount; i++)
        {
            var doc = _groupTouched[i];
            ref var slot = ref _slots[doc];
            if (slot.Total == 0f) Touched[TouchedCount++] = doc;
            slot.Total += slot.Best;
            slot.Best = 0f;
            slot.Mask |= bit;
            if (overflow) _overflowMatches![doc]++;
        }
    }

    public void Reset()
    {
        for (var i = 0; i < TouchedCount; i++)
        {
            _slots[Touched[i]] = default;
            if (_overflowMatches is not null) _overflowMatches[Touched[i]] = 0;
        }
        TouchedCount = 0;
    }

    private static (int Start, int End) Range(SuggestionIndexData data, int termId, int limit)
    {
        var (start, end) = (data.PostingStart[termId], data.PostingStart[termId + 1]);
        return (start, end - start > limit ? start + limit : end);
    }
}
