namespace AgentWorkspace.Features.Suggestions;

/// <summary>The query side of <see cref="SuggestionSnippet"/>: which words of a text each query term matches.</summary>
internal sealed class SnippetQuery
{
    private readonly List<QueryWord> _words;

    /// <param name="Term">Index of the query term the word belongs to.</param>
    /// <param name="Stems">Its stems in both languages, plus single-word synonyms.</param>
    private sealed record QueryWord(int Term, string Folded, string Stem, HashSet<string> Stems, bool IsPrefix);

    private SnippetQuery(List<QueryWord> words) => _words = words;

    public static SnippetQuery From(IEnumerable<string> terms, string language, bool lastTermIsPrefix, SynonymSet? synonyms)
    {
        var list = terms.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var other = TextAnalyzer.OtherLanguage(language);
        var words = new List<QueryWord>();
        for (var t = 0; t < list.Count; t++)
        {
            var tokens = TextAnalyzer.Tokenize(list[t]);
            var termWords = new List<QueryWord>();
            for (var k = 0; k < tokens.Count; k++)
            {
                var folded = tokens[k].Folded;
                var isPrefix = lastTermIsPrefix && t == list.Count - 1 && k == tokens.Count - 1;
                if (TextAnalyzer.IsStopWord(folded) && !isPrefix) continue;
                var stem = TextAnalyzer.Stem(folded, language);
                termWords.Add(new QueryWord(t, folded, stem, [stem, TextAnalyzer.Stem(folded, other)], isPrefix));
            }
            if (synonyms is not null) AddSynonyms(termWords, synonyms);
            words.AddRange(termWords);
        }
        return new SnippetQuery(words);
    }

    // "money back" also highlights "refund": single-word variants of any synonym phrase found in the term join the
    // stems of the term's words. Multi-word variants would only highlight loose words, so they are left out.
    private static void AddSynonyms(List<QueryWord> termWords, SynonymSet synonyms)
    {
        var stems = termWords.Select(w => w.Stem).ToList();
        for (var start = 0; start < stems.Count; start++)
        {
            foreach (var (length, variants) in synonyms.MatchesAt(stems, start))
            {
                foreach (var variant in variants.Where(v => v.Length == 1))
                {
                    for (var i = start; i < start + length; i++) termWords[i].Stems.Add(variant[0]);
                }
            }
        }
    }

    /// <summary>For each text word, the index of the query term it matches, or -1.</summary>
    public int[] Match(IReadOnlyList<SuggestionSnippet.Word> text)
    {
        var matches = new int[text.Count];
        Array.Fill(matches, -1);
        var foundExactly = new bool[_words.Count];
        for (var i = 0; i < text.Count; i++)
        {
            if (TextAnalyzer.IsStopWord(text[i].Folded) && !_words.Any(q => q.IsPrefix)) continue;
            for (var j = 0; j < _words.Count && matches[i] < 0; j++)
            {
                if (!Matches(_words[j], text[i])) continue;
                matches[i] = _words[j].Term;
                foundExactly[j] = true;
            }
        }

        // A misspelt query word ("shiping") matches like the engine corrects it, but only when it is nowhere in the
        // text as written, and never over a word some other query word already matched.
        for (var j = 0; j < _words.Count; j++)
        {
            var q = _words[j];
            if (foundExactly[j] || q.IsPrefix || q.Folded.Length < 4) continue;
            var maxEdits = q.Folded.Length >= 8 ? 2 : 1;
            for (var i = 0; i < text.Count; i++)
            {
                if (matches[i] >= 0 || text[i].Folded.Length < 3 || TextAnalyzer.IsStopWord(text[i].Folded)) continue;
                if (EditDistance.Osa(q.Stem, text[i].Stem, maxEdits) <= maxEdits) matches[i] = q.Term;
            }
        }
        return matches;
    }

    private static bool Matches(QueryWord q, SuggestionSnippet.Word word)
    {
        if (q.IsPrefix && q.Folded.Length >= 3 && word.Folded.StartsWith(q.Folded, StringComparison.Ordinal)) return true;
        return !TextAnalyzer.IsStopWord(word.Folded) && (q.Stems.Contains(word.Stem) || q.Stems.Contains(word.OtherStem));
    }
}
