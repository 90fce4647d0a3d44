namespace AgentWorkspace.Features.Suggestions;

/// <summary>A stretch of postings for <see cref="ScoreAccumulator"/>: Docs/Scores[Start..End], each doc number plus
/// <see cref="DocOffset"/>, each score times <see cref="Factor"/>.</summary>
internal readonly record struct PostingRun(int[] Docs, float[] Scores, int Start, int End, int DocOffset, float Factor);

/// <summary>
/// The articles published, replaced or removed since the compact index (<see cref="SuggestionIndexData"/>) was built,
/// so that a publish costs one article, not the collection. Replaced and removed articles are tombstoned in the
/// compact index; new versions live in a small second index whose doc numbers follow the compact index's. Both are
/// scored with the live collection's statistics: document count and document frequencies exactly (the compact
/// index's precomputed scores are rescaled per term by idf(live) / idf(built)), average field lengths as they were
/// when the compact index was built, so a score differs from a full rebuild's by at most
/// <see cref="LengthDrift"/> (relative). Immutable; a change makes a new segment (rebuilding the small index, which
/// is why <see cref="SuggestionIndex.NeedsMerge"/> folds it back into a compact index once it grows).
/// </summary>
internal sealed class DeltaSegment
{
    private readonly SuggestionIndexData _base;
    private readonly bool[] _tombstones;
    private readonly Dictionary<int, (int All, int Spanish)> _removed; // compact-index term -> tombstoned articles holding it
    private readonly double[] _removedLengths;
    private readonly int _removedSpanish;
    private readonly int[] _viewOfDelta; // small-index term -> term id as searches see it
    private readonly Dictionary<int, int> _deltaOfBase = [];
    private readonly List<int> _deltaOfExtra = []; // terms only the small index has get ids after the compact index's

    private DeltaSegment(SuggestionIndexData baseData, bool[] tombstones, int tombstoneCount, Dictionary<int, (int, int)> removed,
        double[] removedLengths, int removedSpanish, List<SuggestionDocument> docs, List<(string, SuggestionDocument?)> changes, SuggestionTuning tuning)
    {
        (_base, _tombstones, _removed, _removedLengths, _removedSpanish) = (baseData, tombstones, removed, removedLengths, removedSpanish);
        Tombstones = tombstoneCount;
        Changes = changes;
        LiveCount = baseData.DocIds.Length - tombstoneCount + docs.Count;
        var stats = new SuggestionIndexBuilder.CollectionStats(LiveCount, baseData.AverageFieldLengths,
            (first, second, own) => (ResolveBase(first, second, out var b) ? LiveBaseFrequency(b) : 0) + own);
        Data = SuggestionIndexBuilder.Build(docs, tuning, stats);
        LiveSpanishCount = baseData.SpanishDocCount - removedSpanish + Data.SpanishDocCount;

        _viewOfDelta = new int[Data.TermCount];
        for (var d = 0; d < Data.Words.Length; d++) Map(d, baseData.TryGetWord(Data.Words[d], out var b) ? b : -1);
        foreach (var (first, second, d) in Data.Pairs())
            Map(d, baseData.TryGetPair(Data.Words[first], Data.Words[second], out var b) ? b : -1);
        LengthDrift = Drift();
    }

    public SuggestionIndexData Data { get; }

    /// <summary>Every change since the compact index was built, in order: what a merge that ran meanwhile replays.</summary>
    public IReadOnlyList<(string Id, SuggestionDocument? Document)> Changes { get; }
    public int Tombstones { get; }
    public int LiveCount { get; }
    public int LiveSpanishCount { get; }

    /// <summary>How far any score may be from a full rebuild's, relative: the largest ratio between an average field
    /// length now and the one the scores use, minus one.</summary>
    public double LengthDrift { get; }

    /// <summary>Applies <paramref name="changes"/> (an article id with its new version, or null when it left) on top
    /// of <paramref name="previous"/>.</summary>
    public static DeltaSegment Create(SuggestionIndexData baseData, DeltaSegment? previous,
        IEnumerable<(string Id, SuggestionDocument? Document)> changes, SuggestionTuning tuning)
    {
        var tombstones = previous?._tombstones ?? new bool[baseData.DocIds.Length];
        var tombstoneCount = previous?.Tombstones ?? 0;
        var removed = previous?._removed ?? [];
        var removedLengths = (double[])(previous?._removedLengths ?? new double[SuggestionIndexBuilder.FieldCount]).Clone();
        var removedSpanish = previous?._removedSpanish ?? 0;
        var docs = previous?.Data.Documents.ToList() ?? [];
        var log = previous?.Changes.ToList() ?? [];
        var copied = false;
        foreach (var (id, document) in changes)
        {
            log.Add((id, document));
            docs.RemoveAll(d => d.Id == id);
            if (document is not null) docs.Add(document with { Id = id });
            if (!baseData.TryGetDocument(id, out var n) || tombstones[n]) continue;
            if (!copied)
            {
                // Copy on write: searches on the previous view keep its tombstones and counts.
                (tombstones, removed, copied) = ((bool[])tombstones.Clone(), new Dictionary<int, (int, int)>(removed), true);
            }
            tombstones[n] = true;
            tombstoneCount++;
            var spanish = baseData.DocLanguages[n] == TextAnalyzer.Spanish ? 1 : 0;
            removedSpanish += spanish;
            var analyzed = SuggestionIndexBuilder.Analyze(baseData.Documents[n]);
            for (var f = 0; f < removedLengths.Length; f++) removedLengths[f] += analyzed.FieldLengths[f];
            foreach (var (first, second) in analyzed.Terms)
            {
                if (!Resolve(baseData, first, second, out var termId)) continue;
                var (all, inSpanish) = removed.GetValueOrDefault(termId);
                removed[termId] = (all + 1, inSpanish + spanish);
            }
        }
        return new DeltaSegment(baseData, tombstones, tombstoneCount, removed, removedLengths, removedSpanish, docs, log, tuning);
    }

    /// <summary>The live articles: the compact index's survivors in their order, then the changed ones.</summary>
    public IEnumerable<SuggestionDocument> Documents() =>
        _base.Documents.Where((_, d) => !_tombstones[d]).Concat(Data.Documents);

    public bool IsRemoved(int doc) => doc < _tombstones.Length && _tombstones[doc];

    public bool TryGetWord(string word, out int termId)
    {
        if (_base.TryGetWord(word, out termId) && DocumentFrequency(termId) > 0) return true;
        if (Data.TryGetWord(word, out var d)) return (termId = _viewOfDelta[d]) >= 0;
        return false;
    }

    public bool TryGetPair(string first, string second, out int termId)
    {
        if (_base.TryGetPair(first, second, out termId) && DocumentFrequency(termId) > 0) return true;
        if (Data.TryGetPair(first, second, out var d)) return (termId = _viewOfDelta[d]) >= 0;
        return false;
    }

    public int DocumentFrequency(int termId)
    {
        if (termId >= _base.TermCount) return Data.DocumentFrequency(_deltaOfExtra[termId - _base.TermCount]);
        return LiveBaseFrequency(termId) + (_deltaOfBase.TryGetValue(termId, out var d) ? Data.DocumentFrequency(d) : 0);
    }

    public int SpanishDocFrequency(int wordId)
    {
        if (wordId >= _base.TermCount) return Data.SpanishDocFrequency[_deltaOfExtra[wordId - _base.TermCount]];
        return _base.SpanishDocFrequency[wordId] - _removed.GetValueOrDefault(wordId).Spanish
            + (_deltaOfBase.TryGetValue(wordId, out var d) ? Data.SpanishDocFrequency[d] : 0);
    }

    public string Word(int wordId) =>
        wordId < _base.TermCount ? _base.Words[wordId] : Data.Words[_deltaOfExtra[wordId - _base.TermCount]];

    public IEnumerable<(int TermId, int Edits)> TypoCandidates(string term, int maxEdits) =>
        _base.Typos.Candidates(term, maxEdits, _base.Words).Where(c => DocumentFrequency(c.TermId) > 0)
            .Concat(Data.Typos.Candidates(term, maxEdits, Data.Words)
                .Select(c => (TermId: _viewOfDelta[c.TermId], c.Edits)).Where(c => c.TermId >= _base.TermCount));

    /// <summary>Live words of both indexes that start with <paramref name="prefix"/> and are longer.</summary>
    public IEnumerable<int> WordsWithPrefix(string prefix) =>
        SuggestionIndex.WordRange(_base.Words, prefix).Where(w => DocumentFrequency(w) > 0)
            .Concat(SuggestionIndex.WordRange(Data.Words, prefix).Select(d => _viewOfDelta[d]).Where(w => w >= _base.TermCount));

    public int Runs(int termId, int limit, PostingRun[] into)
    {
        var count = 0;
        if (termId >= _base.TermCount)
        {
            into[count++] = Run(Data, _deltaOfExtra[termId - _base.TermCount], limit, _base.DocIds.Length, 1f);
            return count;
        }
        var live = DocumentFrequency(termId);
        // The compact index's scores carry the idf it was built with; rescaled, they carry today's.
        var idf = SuggestionIndexBuilder.Idf(LiveCount, live) / SuggestionIndexBuilder.Idf(_base.DocIds.Length, _base.DocumentFrequency(termId));
        into[count++] = Run(_base, termId, limit, 0, (float)idf);
        if (_deltaOfBase.TryGetValue(termId, out var d)) into[count++] = Run(Data, d, limit, _base.DocIds.Length, 1f);
        return count;
    }

    public static PostingRun Run(SuggestionIndexData data, int termId, int limit, int docOffset, float factor)
    {
        var (start, end) = (data.PostingStart[termId], data.PostingStart[termId + 1]);
        return new PostingRun(data.PostingDocs, data.PostingScores, start, end - start > limit ? start + limit : end, docOffset, factor);
    }

    private void Map(int deltaTerm, int baseTerm)
    {
        if (baseTerm >= 0)
        {
            _deltaOfBase[baseTerm] = deltaTerm;
            _viewOfDelta[deltaTerm] = baseTerm;
            return;
        }
        _viewOfDelta[deltaTerm] = _base.TermCount + _deltaOfExtra.Count;
        _deltaOfExtra.Add(deltaTerm);
    }

    private int LiveBaseFrequency(int termId) => _base.DocumentFrequency(termId) - _removed.GetValueOrDefault(termId).All;

    private bool ResolveBase(string first, string? second, out int termId) => Resolve(_base, first, second, out termId);

    private static bool Resolve(SuggestionIndexData data, string first, string? second, out int termId) =>
        second is null ? data.TryGetWord(first, out termId) : data.TryGetPair(first, second, out termId);

    private double Drift()
    {
        var drift = 0.0;
        for (var f = 0; f < SuggestionIndexBuilder.FieldCount; f++)
        {
            var total = _base.TotalFieldLengths[f] - _removedLengths[f] + Data.TotalFieldLengths[f];
            var live = LiveCount == 0 ? 1 : Math.Max(1.0, total / LiveCount);
            var ratio = live / _base.AverageFieldLengths[f];
            drift = Math.Max(drift, Math.Max(ratio, 1 / ratio) - 1);
        }
        return drift;
    }
}
