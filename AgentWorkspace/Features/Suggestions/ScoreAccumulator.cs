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
    private readonly PostingRun[] _runs = new PostingRun[2]; // a term's postings in the compact index and in the delta

    public int[] Touched { get; } = new int[documentCount];
    public int TouchedCount { get; private set; }

    public float Total(int doc) => _slots[doc].Total;

    public void Scale(int doc, float factor) => _slots[doc].Total *= factor;

    public ulong MatchedMask(int doc) => _slots[doc].Mask;

    public int MatchedGroups(int doc) => BitOperations.PopCount(_slots[doc].Mask) + (_overflowMatches?[doc] ?? 0);

    /// <summary>Documents this accumulator has room for.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Adds one query group: an article scores the best of the group's alternatives, walking at most
    /// <paramref name="postingLimit"/> postings per alternative and index (postings are stored best first).</summary>
    public void Add(QueryGroup group, int reportedIndex, SuggestionIndex index, int postingLimit)
    {
        var bit = group.Reported && reportedIndex < MaxReportedGroups ? 1UL << reportedIndex : 0UL;
        var overflow = group.Reported && reportedIndex >= MaxReportedGroups;
        if (overflow) _overflowMatches ??= new int[_slots.Length];
        if (group.Alternatives.Count == 1 && !overflow)
        {
            // Most groups are a single term: add straight into the totals.
            var (termId, weight) = group.Alternatives[0];
            if (weight <= 0f) return;
            var runs = index.Runs(termId, postingLimit, _runs);
            for (var r = 0; r < runs; r++)
            {
                var (docs, scores, start, end, offset, factor) = _runs[r];
                var runWeight = weight * factor;
                for (var p = start; p < end; p++)
                {
                    var doc = docs[p] + offset;
                    ref var slot = ref _slots[doc];
                    if (slot.Total == 0f) Touched[TouchedCount++] = doc;
                    slot.Total += scores[p] * runWeight;
                    slot.Mask |= bit;
                }
            }
            return;
        }

        var groupCount = 0;
        foreach (var (termId, weight) in group.Alternatives)
        {
            if (weight <= 0f) continue;
            var runs = index.Runs(termId, postingLimit, _runs);
            for (var r = 0; r < runs; r++)
            {
                var (docs, scores, start, end, offset, factor) = _runs[r];
                var runWeight = weight * factor;
                for (var p = start; p < end; p++)
                {
                    var doc = docs[p] + offset;
                    ref var slot = ref _slots[doc];
                    var score = scores[p] * runWeight;
                    if (slot.Best == 0f) _groupTouched[groupCount++] = doc;
                    if (score > slot.Best) slot.Best = score;
                }
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
}
