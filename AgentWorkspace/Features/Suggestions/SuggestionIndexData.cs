namespace AgentWorkspace.Features.Suggestions;

/// <summary>The precomputed arrays behind a <see cref="SuggestionIndex"/>, laid out flat so that 100,000 articles
/// with their word pairs stay compact: term ids 0..Words.Length-1 are the words in ordinal order (so a prefix is a
/// range), pair terms follow and are found by their two word ids. A term's postings are
/// PostingDocs/PostingScores[PostingStart[t]..PostingStart[t+1]], highest score first, so a search that must stop
/// early on a very common term has already seen the articles where it matters most.</summary>
internal sealed class SuggestionIndexData(
    string[] words, Dictionary<string, int> wordIds, Dictionary<long, int> pairIds,
    int[] postingStart, int[] postingDocs, float[] postingScores,
    SuggestionDocument[] documents, double[] totalFieldLengths, double[] averageFieldLengths)
{
    private Dictionary<string, int>? _docNumbers;

    public string[] Words { get; } = words;
    public int[] PostingStart { get; } = postingStart;
    public int[] PostingDocs { get; } = postingDocs;
    public float[] PostingScores { get; } = postingScores;

    /// <summary>The indexed articles, kept (they share their strings with the caller's copies) so that one can be
    /// taken out of the collection's statistics again when it changes.</summary>
    public SuggestionDocument[] Documents { get; } = documents;
    public string[] DocIds { get; } = documents.Select(d => d.Id).ToArray();
    public string[] DocLanguages { get; } = documents.Select(d => TextAnalyzer.NormalizeLanguage(d.Language)).ToArray();
    public bool[] DocInternal { get; } = documents.Select(d => d.Internal).ToArray();
    public int SpanishDocCount { get; } = documents.Count(d => TextAnalyzer.NormalizeLanguage(d.Language) == TextAnalyzer.Spanish);

    /// <summary>Per field: the sum of the articles' lengths, and the average the scores were computed with.</summary>
    public double[] TotalFieldLengths { get; } = totalFieldLengths;
    public double[] AverageFieldLengths { get; } = averageFieldLengths;

    /// <summary>Words and word pairs.</summary>
    public int TermCount => PostingStart.Length - 1;

    /// <summary>Per word id: how many Spanish articles contain it (the rest of its postings are English).</summary>
    public int[] SpanishDocFrequency { get; } = CountSpanish(words.Length, postingStart, postingDocs, documents);

    /// <summary>Built with the index, so the first typo after a publish does not stall.</summary>
    public TypoIndex Typos { get; } = new(words);

    public static long PairKey(int firstWord, int secondWord) => ((long)firstWord << 32) | (uint)secondWord;

    /// <summary>For dictionaries keyed by <see cref="PairKey"/>: long's own hash XORs the two halves, so small word
    /// ids collide all the time (1^2 == 2^1 == 3^0) and lookups degrade into long chains.</summary>
    public sealed class PairKeyComparer : IEqualityComparer<long>
    {
        public static readonly PairKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    public bool TryGetWord(string word, out int termId) => wordIds.TryGetValue(word, out termId);

    public bool TryGetPair(string first, string second, out int termId)
    {
        termId = -1;
        return wordIds.TryGetValue(first, out var a) && wordIds.TryGetValue(second, out var b)
            && pairIds.TryGetValue(PairKey(a, b), out termId);
    }

    public int DocumentFrequency(int termId) => PostingStart[termId + 1] - PostingStart[termId];

    /// <summary>Every word pair term with its two word ids.</summary>
    public IEnumerable<(int First, int Second, int TermId)> Pairs() =>
        pairIds.Select(p => ((int)(p.Key >> 32), (int)(uint)p.Key, p.Value));

    /// <summary>An article's position, built on first use: only an index that gets changed needs it.</summary>
    public bool TryGetDocument(string id, out int doc)
    {
        var numbers = LazyInitializer.EnsureInitialized(ref _docNumbers, () =>
        {
            var byId = new Dictionary<string, int>(DocIds.Length, StringComparer.Ordinal);
            for (var d = 0; d < DocIds.Length; d++) byId[DocIds[d]] = d;
            return byId;
        });
        return numbers.TryGetValue(id, out doc);
    }

    private static int[] CountSpanish(int wordCount, int[] postingStart, int[] postingDocs, SuggestionDocument[] documents)
    {
        var docLanguages = documents.Select(d => TextAnalyzer.NormalizeLanguage(d.Language)).ToArray();
        var counts = new int[wordCount];
        for (var t = 0; t < wordCount; t++)
        {
            for (var p = postingStart[t]; p < postingStart[t + 1]; p++)
            {
                if (docLanguages[postingDocs[p]] == TextAnalyzer.Spanish) counts[t]++;
            }
        }
        return counts;
    }
}
