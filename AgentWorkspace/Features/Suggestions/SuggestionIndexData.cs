namespace AgentWorkspace.Features.Suggestions;

/// <summary>The precomputed arrays behind a <see cref="SuggestionIndex"/>, laid out flat so that 100,000 articles
/// with their word pairs stay compact: term ids 0..Words.Length-1 are the words in ordinal order (so a prefix is a
/// range), pair terms follow and are found by their two word ids. A term's postings are
/// PostingDocs/PostingScores[PostingStart[t]..PostingStart[t+1]], highest score first, so a search that must stop
/// early on a very common term has already seen the articles where it matters most.</summary>
internal sealed class SuggestionIndexData(
    string[] words, Dictionary<string, int> wordIds, Dictionary<long, int> pairIds,
    int[] postingStart, int[] postingDocs, float[] postingScores,
    string[] docIds, string[] docLanguages, bool[] docInternal)
{
    public string[] Words { get; } = words;
    public int[] PostingStart { get; } = postingStart;
    public int[] PostingDocs { get; } = postingDocs;
    public float[] PostingScores { get; } = postingScores;
    public string[] DocIds { get; } = docIds;
    public string[] DocLanguages { get; } = docLanguages;
    public bool[] DocInternal { get; } = docInternal;
    public int SpanishDocCount { get; } = docLanguages.Count(l => l == TextAnalyzer.Spanish);

    /// <summary>Per word id: how many Spanish articles contain it (the rest of its postings are English).</summary>
    public int[] SpanishDocFrequency { get; } = CountSpanish(words.Length, postingStart, postingDocs, docLanguages);

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

    private static int[] CountSpanish(int wordCount, int[] postingStart, int[] postingDocs, string[] docLanguages)
    {
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
