using System.Runtime.InteropServices;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>Builds <see cref="SuggestionIndexData"/> in one tokenizing pass. BM25F: each field's term counts are
/// weighted and length-normalised, summed into one pseudo-frequency per (term, article), saturated and multiplied by
/// the term's idf; all of that is done here, so a search only adds floats.</summary>
internal static class SuggestionIndexBuilder
{
    public const int FieldCount = 4; // title, keywords, opening paragraph, rest of the body

    // Adjacent word pairs never cross a clause, a sentence or a line.
    private static readonly char[] PhraseBreaks = [',', ';', ':', '(', ')', '|', '.', '!', '?', '\n'];

    /// <summary>Statistics of the whole live collection, for a segment that holds only part of it (the articles
    /// changed since the compact index was built): its scores must use the collection's document count, average
    /// field lengths and document frequencies, not its own. <see cref="DocumentFrequency"/> gets a word (second is
    /// null) or a word pair, and the segment's own count.</summary>
    public sealed record CollectionStats(int DocumentCount, double[] AverageFieldLengths, Func<string, string?, int, int> DocumentFrequency);

    /// <summary>What one article contributes to an index: its terms (a word, or a word pair) and field lengths.</summary>
    public sealed record DocumentTerms(List<(string First, string? Second)> Terms, int[] FieldLengths);

    public static double Idf(int documentCount, int documentFrequency) =>
        Math.Log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));

    public static SuggestionIndexData Build(IEnumerable<SuggestionDocument> documents, SuggestionTuning tuning, CollectionStats? collection = null)
    {
        var docs = documents as IReadOnlyList<SuggestionDocument> ?? documents.ToList();
        var terms = new TermTable();
        var fieldLengths = new int[docs.Count * FieldCount];
        var totalLengths = new double[FieldCount];
        var rawTerms = new List<int>();
        var rawDocs = new List<int>();
        var rawCounts = new List<uint>();
        var docTerms = new Dictionary<int, uint>();

        for (var d = 0; d < docs.Count; d++)
        {
            docTerms.Clear();
            var lengths = fieldLengths.AsSpan(d * FieldCount, FieldCount);
            Analyze(docs[d], terms, docTerms, lengths);
            for (var f = 0; f < FieldCount; f++) totalLengths[f] += lengths[f];
            foreach (var (term, counts) in docTerms)
            {
                rawTerms.Add(term);
                rawDocs.Add(d);
                rawCounts.Add(counts);
            }
        }

        var averages = collection?.AverageFieldLengths ?? Averages(totalLengths, docs.Count);
        var documentCount = collection?.DocumentCount ?? docs.Count;
        var (words, wordIds, pairIds, finalIds) = terms.Finish();
        var postingStart = new int[finalIds.Length + 1];
        foreach (var term in CollectionsMarshal.AsSpan(rawTerms)) postingStart[finalIds[term] + 1]++;
        for (var t = 0; t < finalIds.Length; t++) postingStart[t + 1] += postingStart[t];
        var idf = new float[finalIds.Length];
        for (var p = 0; p < finalIds.Length; p++)
        {
            var t = finalIds[p];
            var df = postingStart[t + 1] - postingStart[t];
            if (collection is not null)
            {
                var (first, second) = terms.Name(p);
                df = collection.DocumentFrequency(first, second, df);
            }
            idf[t] = (float)Idf(documentCount, df);
        }

        float[] weights = [tuning.TitleWeight, tuning.KeywordsWeight, tuning.LeadWeight, tuning.BodyWeight];
        float[] bs = [tuning.TitleB, tuning.KeywordsB, tuning.BodyB, tuning.BodyB];
        var cursor = postingStart[..^1];
        var postingDocs = new int[rawTerms.Count];
        var postingScores = new float[rawTerms.Count];
        for (var i = 0; i < rawTerms.Count; i++)
        {
            var (t, d, counts) = (finalIds[rawTerms[i]], rawDocs[i], rawCounts[i]);
            var tf = 0f;
            for (var f = 0; f < FieldCount; f++)
            {
                var count = (counts >> (8 * f)) & 0xFF;
                if (count == 0) continue;
                var norm = 1 - bs[f] + bs[f] * fieldLengths[d * FieldCount + f] / averages[f];
                tf += (float)(weights[f] * count / norm);
            }
            var slot = cursor[t]++;
            postingDocs[slot] = d;
            postingScores[slot] = idf[t] * tf / (tuning.K1 + tf);
        }
        for (var t = 0; t < finalIds.Length; t++)
        {
            var (start, length) = (postingStart[t], postingStart[t + 1] - postingStart[t]);
            if (length < 2) continue;
            Array.Sort(postingScores, postingDocs, start, length);
            Array.Reverse(postingScores, start, length);
            Array.Reverse(postingDocs, start, length);
        }

        return new SuggestionIndexData(words, wordIds, pairIds, postingStart, postingDocs, postingScores, [.. docs], totalLengths, averages);
    }

    /// <summary>The terms and field lengths <see cref="Build"/> gives <paramref name="doc"/>: what taking it out of an
    /// index takes out of the collection's statistics.</summary>
    public static DocumentTerms Analyze(SuggestionDocument doc)
    {
        var terms = new TermTable();
        var docTerms = new Dictionary<int, uint>();
        var lengths = new int[FieldCount];
        Analyze(doc, terms, docTerms, lengths);
        return new DocumentTerms([.. docTerms.Keys.Select(terms.Name)], lengths);
    }

    private static double[] Averages(double[] totalLengths, int documentCount) =>
        totalLengths.Select(t => documentCount == 0 ? 1 : Math.Max(1.0, t / documentCount)).ToArray();

    private static void Analyze(SuggestionDocument doc, TermTable terms, Dictionary<int, uint> docTerms, Span<int> fieldLengths)
    {
        var language = TextAnalyzer.NormalizeLanguage(doc.Language);
        var (lead, rest) = SplitLead(doc.Body ?? "");
        string[] fields = [doc.Title ?? "", doc.Keywords ?? "", lead, rest];
        for (var f = 0; f < FieldCount; f++)
        {
            var length = 0;
            foreach (var phrase in fields[f].Split(PhraseBreaks))
            {
                var previous = -1;
                foreach (var term in TextAnalyzer.Terms(phrase, language))
                {
                    var word = terms.Word(term);
                    Count(docTerms, word, f);
                    length++;
                    // Words that meet in the article's own order ("sales tax", "bank transfer") are stronger
                    // evidence than the same words far apart. Pairs do not count towards the field length.
                    if (previous >= 0) Count(docTerms, terms.Pair(previous, word), f);
                    previous = word;
                }
            }
            fieldLengths[f] = length;
        }
    }

    // The opening paragraph of an article states what it is about; the rest is steps and edge cases.
    private static (string Lead, string Remainder) SplitLead(string body)
    {
        var text = body.Replace("\r\n", "\n").TrimStart();
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? (text, "") : (text[..end], text[end..]);
    }

    // One byte per field, saturating: a word said 255 times in a field is as saturated as it gets.
    private static void Count(Dictionary<int, uint> docTerms, int term, int field)
    {
        ref var packed = ref CollectionsMarshal.GetValueRefOrAddDefault(docTerms, term, out _);
        if (((packed >> (8 * field)) & 0xFF) < 0xFF) packed += 1u << (8 * field);
    }

    /// <summary>Provisional term ids in first-seen order (words and pairs share one numbering), renumbered at the
    /// end so words come first in ordinal order.</summary>
    private sealed class TermTable
    {
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _pairs = new(SuggestionIndexData.PairKeyComparer.Instance);
        private readonly List<string?> _wordOf = []; // null for a pair
        private readonly List<long> _pairOf = [];

        public int Word(string word)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, word, out var exists);
            if (!exists) id = Add(word, 0);
            return id;
        }

        public int Pair(int first, int second)
        {
            var key = SuggestionIndexData.PairKey(first, second);
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, key, out var exists);
            if (!exists) id = Add(null, key);
            return id;
        }

        /// <summary>A provisional id's word, or its pair's two words.</summary>
        public (string First, string? Second) Name(int id) => _wordOf[id] is { } word
            ? (word, null)
            : (_wordOf[(int)(_pairOf[id] >> 32)]!, _wordOf[(int)(uint)_pairOf[id]]);

        private int Add(string? word, long pair)
        {
            _wordOf.Add(word);
            _pairOf.Add(pair);
            return _wordOf.Count - 1;
        }

        public (string[] Words, Dictionary<string, int> WordIds, Dictionary<long, int> PairIds, int[] FinalIds) Finish()
        {
            var words = _words.Keys.Order(StringComparer.Ordinal).ToArray();
            var finalIds = new int[_wordOf.Count];
            var wordIds = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
            for (var i = 0; i < words.Length; i++)
            {
                wordIds[words[i]] = i;
                finalIds[_words[words[i]]] = i;
            }
            var pairIds = new Dictionary<long, int>(_pairs.Count, SuggestionIndexData.PairKeyComparer.Instance);
            var next = words.Length;
            for (var p = 0; p < _wordOf.Count; p++)
            {
                if (_wordOf[p] is not null) continue;
                finalIds[p] = next++;
                var (first, second) = ((int)(_pairOf[p] >> 32), (int)(uint)_pairOf[p]);
                pairIds[SuggestionIndexData.PairKey(finalIds[first], finalIds[second])] = finalIds[p];
            }
            return (words, wordIds, pairIds, finalIds);
        }
    }
}
