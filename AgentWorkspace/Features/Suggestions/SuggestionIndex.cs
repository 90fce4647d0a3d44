using System.Collections.Concurrent;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>An immutable BM25F index of published articles. Build a new one on publish and swap the reference
/// (<see cref="SuggestionIndexHolder"/>): searches in flight keep the old one. Every term's per-document score
/// (field-weighted, length-normalised, saturated, times idf) is computed at build time, so a search only walks
/// postings and adds floats. Safe for concurrent searches.</summary>
public sealed class SuggestionIndex
{
    private readonly SuggestionIndexData _data;
    private readonly ConcurrentBag<ScoreAccumulator> _accumulators = [];

    private SuggestionIndex(SuggestionIndexData data, SynonymSet synonyms, SuggestionTuning tuning)
    {
        _data = data;
        Synonyms = synonyms;
        Tuning = tuning;
    }

    public SynonymSet Synonyms { get; }
    public SuggestionTuning Tuning { get; }
    public int Count => _data.DocIds.Length;

    public static SuggestionIndex Empty { get; } = Build([]);

    public static SuggestionIndex Build(IEnumerable<SuggestionDocument> documents, SynonymSet? synonyms = null, SuggestionTuning? tuning = null)
    {
        tuning ??= SuggestionTuning.Default;
        return new SuggestionIndex(SuggestionIndexBuilder.Build(documents, tuning), synonyms ?? SynonymSet.Default, tuning);
    }

    /// <summary>The same documents under a different synonym set; postings are shared, nothing is re-indexed.</summary>
    public SuggestionIndex WithSynonyms(SynonymSet synonyms) => new(_data, synonyms, Tuning);

    public IReadOnlyList<SuggestionHit> Search(string query, SuggestionOptions? options = null)
    {
        options ??= new SuggestionOptions();
        if (string.IsNullOrWhiteSpace(query) || Count == 0 || options.MaxResults <= 0) return [];
        var language = options.Language is null ? DetectLanguage(query) : TextAnalyzer.NormalizeLanguage(options.Language);
        var groups = QueryPlanner.Plan(query, language, options.LastTokenIsPrefix, this);
        if (groups.Count == 0) return [];

        // A search that fails half-way simply drops its accumulator; only clean ones go back.
        var accumulator = _accumulators.TryTake(out var reused) ? reused : new ScoreAccumulator(Count);
        var postingLimit = PostingLimit(groups);
        var reported = 0;
        foreach (var group in groups)
        {
            accumulator.Add(group, reported, _data, postingLimit);
            if (group.Reported) reported++;
        }
        ApplyCoverage(accumulator, reported);
        var hits = TopHits(accumulator, groups, language, options);
        accumulator.Reset();
        _accumulators.Add(accumulator);
        return hits;
    }

    internal string DetectLanguage(string query)
    {
        var evidence = LanguageDetector.SpanishEvidence(query);
        if (evidence == 0) evidence = VocabularyEvidence(query);
        return evidence > 0 ? TextAnalyzer.Spanish : TextAnalyzer.English;
    }

    // A search without stop words or accents ("clave api", "plantilla tienda") still uses words that are clearly
    // more common in one language's articles than in the other's: each such word is a vote.
    private int VocabularyEvidence(string query)
    {
        var (spanishDocs, englishDocs) = (_data.SpanishDocCount, Count - _data.SpanishDocCount);
        if (spanishDocs == 0 || englishDocs == 0) return 0;
        var evidence = 0;
        foreach (var token in TextAnalyzer.Tokenize(query))
        {
            if (TextAnalyzer.IsStopWord(token.Folded)) continue;
            var inSpanish = _data.TryGetWord(TextAnalyzer.Stem(token.Folded, TextAnalyzer.Spanish), out var es)
                ? (double)_data.SpanishDocFrequency[es] / spanishDocs : 0;
            var inEnglish = _data.TryGetWord(TextAnalyzer.Stem(token.Folded, TextAnalyzer.English), out var en)
                ? (double)(_data.DocumentFrequency(en) - _data.SpanishDocFrequency[en]) / englishDocs : 0;
            if (inSpanish > 2 * inEnglish) evidence++;
            else if (inEnglish > 2 * inSpanish) evidence--;
        }
        return evidence;
    }

    // A pasted email can have hundreds of alternatives, some of them words found in most articles. Each posting
    // list gets an equal share of the budget; lists are stored best first, so what a cut skips are the articles
    // where that common word matters least.
    private int PostingLimit(List<QueryGroup> groups) =>
        Math.Max(1, Tuning.PostingBudget / Math.Max(1, groups.Sum(g => g.Alternatives.Count)));

    // Articles that cover more of the query's distinct words beat ones that repeat a single word a lot.
    private void ApplyCoverage(ScoreAccumulator accumulator, int reportedGroups)
    {
        if (Tuning.CoverageExponent <= 0f || reportedGroups <= 1) return;
        var factors = new float[reportedGroups + 1];
        for (var k = 0; k <= reportedGroups; k++) factors[k] = MathF.Pow((float)k / reportedGroups, Tuning.CoverageExponent);
        for (var i = 0; i < accumulator.TouchedCount; i++)
        {
            var doc = accumulator.Touched[i];
            accumulator.Scale(doc, factors[accumulator.MatchedGroups(doc)]);
        }
    }

    private List<SuggestionHit> TopHits(ScoreAccumulator accumulator, List<QueryGroup> groups, string language, SuggestionOptions options)
    {
        var heap = new PriorityQueue<int, (float Score, int Doc)>(options.MaxResults + 1, LowestFirst.Instance);
        for (var i = 0; i < accumulator.TouchedCount; i++)
        {
            var doc = accumulator.Touched[i];
            if (_data.DocInternal[doc] && !options.IncludeInternal) continue;
            var score = accumulator.Total(doc) * LanguageFactor(_data.DocLanguages[doc], language);
            if (heap.Count < options.MaxResults) heap.Enqueue(doc, (score, doc));
            else if (heap.TryPeek(out _, out var lowest) && LowestFirst.Instance.Compare((score, doc), lowest) > 0)
                heap.EnqueueDequeue(doc, (score, doc));
        }
        var hits = new List<SuggestionHit>(heap.Count);
        while (heap.TryDequeue(out var doc, out var key))
            hits.Add(new SuggestionHit(_data.DocIds[doc], key.Score, MatchedTerms(accumulator.MatchedMask(doc), groups)));
        hits.Reverse();
        return hits;
    }

    // English is the complete help centre; other languages translate part of it. So an English article is a fair
    // fallback for a Spanish query, while a Spanish article is rarely what an English query wants.
    private float LanguageFactor(string docLanguage, string queryLanguage) =>
        docLanguage == queryLanguage ? 1f
        : docLanguage == TextAnalyzer.English ? Tuning.PrimaryLanguageFallback
        : Tuning.OtherLanguagePenalty;

    private static List<string> MatchedTerms(ulong mask, List<QueryGroup> groups)
    {
        var matched = new List<string>();
        var reported = 0;
        foreach (var group in groups)
        {
            if (!group.Reported) continue;
            if (reported < ScoreAccumulator.MaxReportedGroups && (mask & (1UL << reported)) != 0) matched.Add(group.Surface);
            reported++;
        }
        return matched;
    }

    internal bool TryGetTerm(string term, out int termId) => _data.TryGetWord(term, out termId);

    internal bool TryGetPair(string first, string second, out int termId) => _data.TryGetPair(first, second, out termId);

    internal int DocumentFrequency(int termId) => _data.DocumentFrequency(termId);

    internal IEnumerable<(int TermId, int Edits)> TypoCandidates(string term, int maxEdits) =>
        _data.Typos.Candidates(term, maxEdits, _data.Words);

    /// <summary>The most common words that start with <paramref name="prefix"/> (excluding it).</summary>
    internal IEnumerable<int> TermsWithPrefix(string prefix, int max)
    {
        var words = _data.Words;
        var start = Array.BinarySearch(words, prefix, StringComparer.Ordinal);
        if (start < 0) start = ~start;
        var matches = new List<int>();
        for (var i = start; i < words.Length && words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (words[i].Length > prefix.Length) matches.Add(i);
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
