using System.Collections.Concurrent;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>An immutable BM25F index of published articles. Every term's per-document score (field-weighted,
/// length-normalised, saturated, times idf) is computed at build time, so a search only walks postings and adds
/// floats. A publish makes a new index with <c>WithChanges</c>, which shares the compact index and adds the
/// changed articles as a small <see cref="DeltaSegment"/>; <see cref="Merged"/> folds them back in once
/// <see cref="NeedsMerge"/>. <see cref="SuggestionIndexHolder"/> swaps the reference: searches in flight keep the old
/// one. Safe for concurrent searches.</summary>
public sealed class SuggestionIndex
{
    /// <summary>Changes kept beside the compact index before it is rebuilt: each change re-indexes all of them.</summary>
    public const int MaxPendingChanges = 64;

    /// <summary>How far (relative) scores may drift from a full rebuild's before the compact index is rebuilt.</summary>
    public const double MaxLengthDrift = 0.01;

    private readonly SuggestionIndexData _data;
    private readonly DeltaSegment? _delta;
    private readonly ConcurrentBag<ScoreAccumulator> _accumulators; // shared by every index over the same compact one

    private SuggestionIndex(SuggestionIndexData data, DeltaSegment? delta, ConcurrentBag<ScoreAccumulator> accumulators,
        SynonymSet synonyms, SuggestionTuning tuning)
    {
        (_data, _delta, _accumulators) = (data, delta, accumulators);
        Synonyms = synonyms;
        Tuning = tuning;
    }

    public SynonymSet Synonyms { get; }
    public SuggestionTuning Tuning { get; }

    /// <summary>How many articles the index holds.</summary>
    public int Count => _delta?.LiveCount ?? _data.DocIds.Length;

    /// <summary>Articles added, replaced or removed since the compact index was built.</summary>
    public int PendingChanges => _delta?.Changes.Count ?? 0;

    /// <summary>The largest relative difference between a score here and in a full rebuild of the same articles.</summary>
    public double ScoreDrift => _delta?.LengthDrift ?? 0;

    /// <summary>True when the pending changes are worth folding into a new compact index (<see cref="Merged"/>).</summary>
    public bool NeedsMerge => PendingChanges >= MaxPendingChanges || ScoreDrift > MaxLengthDrift;

    /// <summary>The articles, in the order a full rebuild would number them.</summary>
    public IEnumerable<SuggestionDocument> Documents => _delta?.Documents() ?? _data.Documents;

    public static SuggestionIndex Empty { get; } = Build([]);

    public static SuggestionIndex Build(IEnumerable<SuggestionDocument> documents, SynonymSet? synonyms = null, SuggestionTuning? tuning = null)
    {
        tuning ??= SuggestionTuning.Default;
        return new SuggestionIndex(SuggestionIndexBuilder.Build(documents, tuning), null, [], synonyms ?? SynonymSet.Default, tuning);
    }

    /// <summary>The same documents under a different synonym set; postings are shared, nothing is re-indexed.</summary>
    public SuggestionIndex WithSynonyms(SynonymSet synonyms) => new(_data, _delta, _accumulators, synonyms, Tuning);

    /// <summary>This index with <paramref name="upserts"/> added or replacing the article with the same id, and
    /// <paramref name="removedIds"/> gone (ids it does not hold are ignored). Costs the pending changes, not the
    /// collection: the compact index is shared.</summary>
    public SuggestionIndex WithChanges(IEnumerable<SuggestionDocument> upserts, IEnumerable<string>? removedIds = null) =>
        WithChanges(upserts.Select(d => (d.Id, (SuggestionDocument?)d)).Concat((removedIds ?? []).Select(id => (id, (SuggestionDocument?)null))));

    internal SuggestionIndex WithChanges(IEnumerable<(string Id, SuggestionDocument? Document)> changes)
    {
        var list = changes.ToList();
        return list.Count == 0 ? this : new(_data, DeltaSegment.Create(_data, _delta, list, Tuning), _accumulators, Synonyms, Tuning);
    }

    /// <summary>A full rebuild of the same articles: no pending changes, scores exactly a fresh build's.</summary>
    public SuggestionIndex Merged() => Build(Documents.ToList(), Synonyms, Tuning);

    /// <summary>True when both indexes grew from the same compact index (a merge may then replay the changes made since).</summary>
    internal bool SharesCompactIndexWith(SuggestionIndex other) => ReferenceEquals(_data, other._data);

    /// <summary>Changes made here since <paramref name="start"/> changes after the compact index was built.</summary>
    internal IEnumerable<(string Id, SuggestionDocument? Document)> ChangesSince(int start) =>
        _delta is null ? [] : _delta.Changes.Skip(start);

    public IReadOnlyList<SuggestionHit> Search(string query, SuggestionOptions? options = null)
    {
        options ??= new SuggestionOptions();
        if (string.IsNullOrWhiteSpace(query) || Count == 0 || options.MaxResults <= 0) return [];
        var language = options.Language is null ? DetectLanguage(query) : TextAnalyzer.NormalizeLanguage(options.Language);
        var groups = QueryPlanner.Plan(query, language, options.LastTokenIsPrefix, this);
        if (groups.Count == 0) return [];

        // A search that fails half-way simply drops its accumulator; only clean ones go back.
        var documents = DocumentSlots;
        var accumulator = _accumulators.TryTake(out var reused) && reused.Capacity >= documents
            ? reused : new ScoreAccumulator(documents + (_delta is null ? 0 : MaxPendingChanges));
        var postingLimit = PostingLimit(groups);
        var reported = 0;
        foreach (var group in groups)
        {
            accumulator.Add(group, reported, this, postingLimit);
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
        var spanishDocs = _delta?.LiveSpanishCount ?? _data.SpanishDocCount;
        var englishDocs = Count - spanishDocs;
        if (spanishDocs == 0 || englishDocs == 0) return 0;
        var evidence = 0;
        foreach (var token in TextAnalyzer.Tokenize(query))
        {
            if (TextAnalyzer.IsStopWord(token.Folded)) continue;
            var inSpanish = TryGetTerm(TextAnalyzer.Stem(token.Folded, TextAnalyzer.Spanish), out var es)
                ? (double)SpanishDocFrequency(es) / spanishDocs : 0;
            var inEnglish = TryGetTerm(TextAnalyzer.Stem(token.Folded, TextAnalyzer.English), out var en)
                ? (double)(DocumentFrequency(en) - SpanishDocFrequency(en)) / englishDocs : 0;
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
            if (_delta is not null && _delta.IsRemoved(doc)) continue;
            var (data, d) = Locate(doc);
            if (data.DocInternal[d] && !options.IncludeInternal) continue;
            var score = accumulator.Total(doc) * LanguageFactor(data.DocLanguages[d], language);
            if (heap.Count < options.MaxResults) heap.Enqueue(doc, (score, doc));
            else if (heap.TryPeek(out _, out var lowest) && LowestFirst.Instance.Compare((score, doc), lowest) > 0)
                heap.EnqueueDequeue(doc, (score, doc));
        }
        var hits = new List<SuggestionHit>(heap.Count);
        while (heap.TryDequeue(out var doc, out var key))
        {
            var (data, d) = Locate(doc);
            hits.Add(new SuggestionHit(data.DocIds[d], key.Score, MatchedTerms(accumulator.MatchedMask(doc), groups)));
        }
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

    // Doc numbers: the compact index's, then the delta's.
    private int DocumentSlots => _data.DocIds.Length + (_delta?.Data.DocIds.Length ?? 0);

    private (SuggestionIndexData Data, int Doc) Locate(int doc) =>
        doc < _data.DocIds.Length ? (_data, doc) : (_delta!.Data, doc - _data.DocIds.Length);

    internal bool TryGetTerm(string term, out int termId) =>
        _delta is null ? _data.TryGetWord(term, out termId) : _delta.TryGetWord(term, out termId);

    internal bool TryGetPair(string first, string second, out int termId) =>
        _delta is null ? _data.TryGetPair(first, second, out termId) : _delta.TryGetPair(first, second, out termId);

    internal int DocumentFrequency(int termId) => _delta?.DocumentFrequency(termId) ?? _data.DocumentFrequency(termId);

    private int SpanishDocFrequency(int wordId) => _delta?.SpanishDocFrequency(wordId) ?? _data.SpanishDocFrequency[wordId];

    internal string Word(int wordId) => _delta?.Word(wordId) ?? _data.Words[wordId];

    internal IEnumerable<(int TermId, int Edits)> TypoCandidates(string term, int maxEdits) =>
        _delta?.TypoCandidates(term, maxEdits) ?? _data.Typos.Candidates(term, maxEdits, _data.Words);

    /// <summary>The postings of a term (one run per index that has it), each cut to <paramref name="limit"/>.</summary>
    internal int Runs(int termId, int limit, PostingRun[] into)
    {
        if (_delta is not null) return _delta.Runs(termId, limit, into);
        into[0] = DeltaSegment.Run(_data, termId, limit, 0, 1f);
        return 1;
    }

    /// <summary>The most common words that start with <paramref name="prefix"/> (excluding it).</summary>
    internal IEnumerable<int> TermsWithPrefix(string prefix, int max) =>
        (_delta?.WordsWithPrefix(prefix) ?? WordRange(_data.Words, prefix))
            .OrderByDescending(DocumentFrequency).ThenBy(Word, StringComparer.Ordinal).Take(max);

    /// <summary>Ids of the words in ordinal-sorted <paramref name="words"/> that start with <paramref name="prefix"/> and are longer.</summary>
    internal static IEnumerable<int> WordRange(string[] words, string prefix)
    {
        var start = Array.BinarySearch(words, prefix, StringComparer.Ordinal);
        if (start < 0) start = ~start;
        var matches = new List<int>();
        for (var i = start; i < words.Length && words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (words[i].Length > prefix.Length) matches.Add(i);
        }
        return matches;
    }

    // Ties break on document order so results are deterministic.
    private sealed class LowestFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly LowestFirst Instance = new();
        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }
}
