namespace AgentWorkspace.Features.Suggestions;

/// <summary>The precomputed arrays behind a <see cref="SuggestionIndex"/>. Term ids are positions in the sorted
/// vocabulary; postings are sorted by document.</summary>
internal sealed record SuggestionIndexData(
    string[] Vocabulary, Dictionary<string, int> TermIds, int[][] PostingDocs, float[][] PostingScores,
    string[] DocIds, string[] DocLanguages, bool[] DocInternal, TypoIndex Typos)
{
    private const int FieldCount = 4;
    private static readonly char[] PhraseBreaks = [',', ';', ':', '(', ')', '|', '.', '!', '?', '\n'];

    // The opening paragraph of an article states what it is about; the rest is steps and edge cases.
    private static (string Lead, string Remainder) SplitLead(string body)
    {
        var text = body.Replace("\r\n", "\n").TrimStart();
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? (text, "") : (text[..end], text[end..]);
    }

    public static SuggestionIndexData Build(IEnumerable<SuggestionDocument> documents, SuggestionTuning tuning)
    {
        var docs = documents.ToList();
        var weights = new[] { tuning.TitleWeight, tuning.KeywordsWeight, tuning.LeadWeight, tuning.BodyWeight };
        var bs = new[] { tuning.TitleB, tuning.KeywordsB, tuning.BodyB, tuning.BodyB };

        // Pass 1: per-document, per-field term counts and field lengths.
        var fieldCounts = new Dictionary<string, int>[docs.Count, FieldCount];
        var fieldLengths = new int[docs.Count, FieldCount];
        var totalLengths = new double[FieldCount];
        for (var d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            var language = TextAnalyzer.NormalizeLanguage(doc.Language);
            var (lead, rest) = SplitLead(doc.Body ?? "");
            string[] fields = [doc.Title ?? "", doc.Keywords ?? "", lead, rest];
            for (var f = 0; f < FieldCount; f++)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var length = 0;
                foreach (var term in TextAnalyzer.Terms(fields[f], language))
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                    length++;
                }
                // Adjacent word pairs ("sales tax", "phone order") as extra terms in every field: words that meet in
                // the article's own order are stronger evidence than the same words far apart, and long drafts
                // share phrases with the article that answers them. Pairs never cross a clause or a line, and do
                // not count towards the field length.
                foreach (var phrase in fields[f].Split(PhraseBreaks))
                {
                    string? previous = null;
                    foreach (var term in TextAnalyzer.Terms(phrase, language))
                    {
                        if (previous is not null)
                        {
                            var pair = TextAnalyzer.Pair(previous, term);
                            counts[pair] = counts.GetValueOrDefault(pair) + 1;
                        }
                        previous = term;
                    }
                }
                fieldCounts[d, f] = counts;
                fieldLengths[d, f] = length;
                totalLengths[f] += length;
            }
        }

        // Pass 2: BM25F pseudo-frequency per (term, doc): fields weighted and length-normalised, then summed.
        var averages = totalLengths.Select(t => docs.Count == 0 ? 1 : Math.Max(1.0, t / docs.Count)).ToArray();
        var postings = new Dictionary<string, List<(int Doc, float Tf)>>(StringComparer.Ordinal);
        var combined = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var d = 0; d < docs.Count; d++)
        {
            combined.Clear();
            for (var f = 0; f < FieldCount; f++)
            {
                var norm = 1 - bs[f] + bs[f] * fieldLengths[d, f] / averages[f];
                foreach (var (term, count) in fieldCounts[d, f])
                    combined[term] = combined.GetValueOrDefault(term) + (float)(weights[f] * count / norm);
            }
            foreach (var (term, tf) in combined)
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((d, tf));
            }
        }

        var vocabulary = postings.Keys.Order(StringComparer.Ordinal).ToArray();
        var termIds = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        var postingDocs = new int[vocabulary.Length][];
        var postingScores = new float[vocabulary.Length][];
        for (var t = 0; t < vocabulary.Length; t++)
        {
            termIds[vocabulary[t]] = t;
            var list = postings[vocabulary[t]];
            var idf = (float)Math.Log(1 + (docs.Count - list.Count + 0.5) / (list.Count + 0.5));
            postingDocs[t] = new int[list.Count];
            postingScores[t] = new float[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                postingDocs[t][i] = list[i].Doc;
                postingScores[t][i] = idf * list[i].Tf / (tuning.K1 + list[i].Tf);
            }
        }

        return new SuggestionIndexData(vocabulary, termIds, postingDocs, postingScores,
            docs.Select(d => d.Id).ToArray(),
            docs.Select(d => TextAnalyzer.NormalizeLanguage(d.Language)).ToArray(),
            docs.Select(d => d.Internal).ToArray(),
            new TypoIndex(vocabulary));
    }
}
