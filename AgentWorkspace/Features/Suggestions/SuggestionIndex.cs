using System.Buffers;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>An immutable BM25F index of published articles. Build a new one on publish and swap the reference:
/// searches in flight keep the old one. Every term's per-document score (field-weighted, length-normalised,
/// saturated, times idf) is computed at build time, so a search only walks postings and adds floats.</summary>
public sealed class SuggestionIndex
{
    private readonly string[] _vocabulary; // sorted, for prefix lookups
    private readonly Dictionary<string, int> _termIds;
    private readonly int[][] _postingDocs;
    private readonly float[][] _postingScores;
    private readonly string[] _docIds;
    private readonly string[] _docLanguages;
    private readonly bool[] _docInternal;
    private readonly TypoIndex _typos; // built with the index, so the first typo after a publish does not stall

    private SuggestionIndex(SuggestionIndexData data, SynonymSet synonyms, SuggestionTuning tuning)
    {
        (_vocabulary, _termIds, _postingDocs, _postingScores) = (data.Vocabulary, data.TermIds, data.PostingDocs, data.PostingScores);
        (_docIds, _docLanguages, _docInternal) = (data.DocIds, data.DocLanguages, data.DocInternal);
        Synonyms = synonyms;
        Tuning = tuning;
        _typos = data.Typos;
    }

    public SynonymSet Synonyms { get; }
    public SuggestionTuning Tuning { get; }
    public int Count => _docIds.Length;

    public static SuggestionIndex Empty { get; } = Build([]);

    public static SuggestionIndex Build(IEnumerable<SuggestionDocument> documents, SynonymSet? synonyms = null, SuggestionTuning? tuning = null)
    {
        tuning ??= SuggestionTuning.Default;
        return new SuggestionIndex(SuggestionIndexData.Build(documents, tuning), synonyms ?? SynonymSet.Default, tuning);
    }

    /// <summary>The same documents under a different synonym set; postings are shared, nothing is re-indexed.</summary>
    public SuggestionIndex WithSynonyms(SynonymSet synonyms) =>
        new(new SuggestionIndexData(_vocabulary, _termIds, _postingDocs, _postingScores, _docIds, _docLanguages, _docInternal, _typos),
            synonyms, Tuning);

    public IReadOnlyList<SuggestionHit> Search(string query, SuggestionOptions? options = null)
    {
        options ??= new SuggestionOptions();
        if (string.IsNullOrWhiteSpace(query) || _docIds.Length == 0 || options.MaxResults <= 0) return [];
        var language = options.Language is null ? LanguageDetector.Detect(query) : TextAnalyzer.NormalizeLanguage(options.Language);
        var groups = QueryPlanner.Plan(query, language, options.LastTokenIsPrefix, this);
        if (groups.Count == 0) return [];

        var n = _docIds.Length;
        var totals = ArrayPool<float>.Shared.Rent(n);
        var best = ArrayPool<float>.Shared.Rent(n);
        var touched = ArrayPool<int>.Shared.Rent(n);
        var groupTouched = ArrayPool<int>.Shared.Rent(n);
        var matchedGroups = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Array.Clear(totals, 0, n);
            Array.Clear(matchedGroups, 0, n);
            Array.Clear(best, 0, n);
            var touchedCount = 0;
            foreach (var group in groups)
            {
                var groupCount = 0;
                foreach (var (termId, weight) in group.Alternatives)
                {
                    if (weight <= 0f) continue;
                    var docs = _postingDocs[termId];
                    var scores = _postingScores[termId];
                    for (var p = 0; p < docs.Length; p++)
                    {
                        var doc = docs[p];
                        var score = scores[p] * weight;
                        if (best[doc] == 0f) groupTouched[groupCount++] = doc;
                        if (score > best[doc]) best[doc] = score;
                    }
                }
                for (var i = 0; i < groupCount; i++)
                {
                    var doc = groupTouched[i];
                    if (totals[doc] == 0f) touched[touchedCount++] = doc;
                    totals[doc] += best[doc];
                    if (group.Reported) matchedGroups[doc]++;
                    best[doc] = 0f;
                }
            }
            var reportedGroups = groups.Count(g => g.Reported);
            if (Tuning.CoverageExponent > 0f && reportedGroups > 1)
            {
                // Articles that cover more of the query's distinct words beat ones that repeat a single word a lot.
                for (var i = 0; i < touchedCount; i++)
                {
                    var doc = touched[i];
                    totals[doc] *= MathF.Pow((float)matchedGroups[doc] / reportedGroups, Tuning.CoverageExponent);
                }
            }
            return TopHits(totals, touched, touchedCount, groups, language, options);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(totals);
            ArrayPool<float>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<int>.Shared.Return(groupTouched);
            ArrayPool<int>.Shared.Return(matchedGroups);
        }
    }

    private List<SuggestionHit> TopHits(float[] totals, int[] touched, int touchedCount, List<QueryGroup> groups,
        string language, SuggestionOptions options)
    {
        var heap = new PriorityQueue<int, (float Score, int Doc)>(options.MaxResults + 1, LowestFirst.Instance);
        for (var i = 0; i < touchedCount; i++)
        {
            var doc = touched[i];
            if (_docInternal[doc] && !options.IncludeInternal) continue;
            var score = totals[doc] * LanguageFactor(_docLanguages[doc], language);
            if (heap.Count < options.MaxResults) heap.Enqueue(doc, (score, doc));
            else if (heap.TryPeek(out _, out var lowest) && LowestFirst.Instance.Compare((score, doc), lowest) > 0)
                heap.EnqueueDequeue(doc, (score, doc));
        }
        var hits = new List<SuggestionHit>(heap.Count);
        while (heap.TryDequeue(out var doc, out var key)) hits.Add(new SuggestionHit(_docIds[doc], key.Score, MatchedTerms(doc, groups)));
        hits.Reverse();
        return hits;
    }

    // English is the complete help centre; other languages translate part of it. So an English article is a fair
    // fallback for a Spanish query, while a Spanish article is rarely what an English query wants.
    private float LanguageFactor(string docLanguage, string queryLanguage) =>
        docLanguage == queryLanguage ? 1f
        : docLanguage == TextAnalyzer.English ? Tuning.PrimaryLanguageFallback
        : Tuning.OtherLanguagePenalty;

    private List<string> MatchedTerms(int doc, List<QueryGroup> groups)
    {
        var matched = new List<string>();
        foreach (var group in groups.Where(g => g.Reported))
        {
            foreach (var (termId, _) in group.Alternatives)
            {
                if (Array.BinarySearch(_postingDocs[termId], doc) < 0) continue;
                matched.Add(group.Surface);
                break;
            }
        }
        return matched;
    }

    internal bool TryGetTerm(string term, out int termId) => _termIds.TryGetValue(term, out termId);

    internal int DocumentFrequency(int termId) => _postingDocs[termId].Length;

    internal IEnumerable<(int TermId, int Edits)> TypoCandidates(string term, int maxEdits) =>
        _typos.Candidates(term, maxEdits, _vocabulary);

    /// <summary>The most common vocabulary terms that start with <paramref name="prefix"/> (excluding it).</summary>
    internal IEnumerable<int> TermsWithPrefix(string prefix, int max)
    {
        var start = Array.BinarySearch(_vocabulary, prefix, StringComparer.Ordinal);
        if (start < 0) start = ~start;
        var matches = new List<int>();
        for (var i = start; i < _vocabulary.Length && _vocabulary[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (_vocabulary[i].Length > prefix.Length && !TextAnalyzer.IsPair(_vocabulary[i])) matches.Add(_termIds[_vocabulary[i]]);
        }
        return matches.OrderByDescending(DocumentFrequency).Take(max);
    }

    // Ties break on document order so results are deterministic.
    private sealed class LowestFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly LowestFirst Instance = new();
        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }
}
