namespace AgentWorkspace.Features.Suggestions;

/// <summary>One query word (or synonym match): a doc scores the best of its alternatives, so spelling variants,
/// typo fixes and synonyms of the same word never add up.</summary>
internal sealed class QueryGroup(string surface, bool reported = true)
{
    public string Surface { get; } = surface;

    /// <summary>False for word pairs, whose words are already reported on their own.</summary>
    public bool Reported { get; } = reported;
    public List<(int TermId, float Weight)> Alternatives { get; } = [];

    public void Add(int termId, float weight)
    {
        for (var i = 0; i < Alternatives.Count; i++)
        {
            if (Alternatives[i].TermId != termId) continue;
            if (Alternatives[i].Weight < weight) Alternatives[i] = (termId, weight);
            return;
        }
        Alternatives.Add((termId, weight));
    }
}

/// <summary>Turns query text into weighted term groups against one index's vocabulary.</summary>
internal static class QueryPlanner
{
    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
        { "hi", "hello", "hey", "dear", "hola", "buenas", "buenos", "estimado", "estimada", "querido", "querida" };

    private const int ShortSearchWords = 4;

    public static List<QueryGroup> Plan(string query, string language, bool lastTokenIsPrefix, SuggestionIndex index)
    {
        var raw = TextAnalyzer.Tokenize(query);
        var typing = lastTokenIsPrefix && query.Length > 0 && char.IsLetterOrDigit(query[^1]);
        var groups = new List<QueryGroup>();
        var stems = new List<string>();
        var stemGroups = new List<QueryGroup>();
        var byStem = new Dictionary<string, QueryGroup>(StringComparer.Ordinal);

        for (var i = 0; i < raw.Count; i++)
        {
            var token = raw[i];
            var isLast = typing && i == raw.Count - 1;
            // "Hi Bella," / "Hola Adrián,": the capitalized word after a greeting is a name, not a topic.
            if (i > 0 && token.Capitalized && Greetings.Contains(raw[i - 1].Folded)) continue;
            var isStop = TextAnalyzer.IsStopWord(token.Folded);
            // A stop word being typed may be the start of a topic ("the" -> theme) in a short search; at the end of
            // a draft or a message it is almost always just the word ("...and", "...with").
            if (isStop && !(isLast && token.Folded.Length >= 3 && raw.Count <= ShortSearchWords)) continue;

            var stem = TextAnalyzer.Stem(token.Folded, language);
            if (byStem.TryGetValue(stem, out var existing))
            {
                stems.Add(stem);
                stemGroups.Add(existing);
                continue;
            }
            var group = new QueryGroup(token.Folded);
            if (!isStop) AddExactAndTypos(group, token.Folded, stem, language, index);
            if (isLast) AddPrefixes(group, token.Folded, stem, index);
            if (group.Alternatives.Count == 0 && isStop) continue;
            byStem[stem] = group;
            groups.Add(group);
            stems.Add(stem);
            stemGroups.Add(group);
        }

        AddSynonyms(groups, stems, stemGroups, index);
        AddPairs(groups, stems, index);
        groups.RemoveAll(g => g.Alternatives.Count == 0);
        return groups;
    }

    private static void AddExactAndTypos(QueryGroup group, string folded, string stem, string language, SuggestionIndex index)
    {
        var tuning = index.Tuning;
        if (index.TryGetTerm(stem, out var id)) group.Add(id, 1f);
        var otherStem = TextAnalyzer.Stem(folded, TextAnalyzer.OtherLanguage(language));
        // The other language's stem only stands in for a word the query's own language does not know: stemmed as
        // Spanish, English "customer" would become "custom" and match custom domains.
        if (group.Alternatives.Count == 0 && otherStem != stem && index.TryGetTerm(otherStem, out var otherId))
            group.Add(otherId, tuning.OtherLanguageStemWeight);
        if (group.Alternatives.Count > 0 || folded.Length < 4) return;
        if (index.Synonyms.Knows(stem) || index.Synonyms.Knows(otherStem)) return;

        var maxEdits = folded.Length >= 8 ? 2 : 1;
        var candidates = index.TypoCandidates(stem, maxEdits).ToList();
        if (candidates.Count == 0) return;
        var minEdits = candidates.Min(c => c.Edits);
        var closest = candidates.Where(c => c.Edits == minEdits).ToList();
        // Equally close corrections share the weight: the customer meant one of them, not all ("clock" is one edit
        // from click, block and lock), while a lone candidate ("shiping" -> shipping) keeps it whole. The most
        // common of them are tried; ties go to the alphabetically first so results never depend on hash order.
        var weight = (minEdits == 1 ? tuning.OneEditWeight : tuning.TwoEditWeight) / closest.Count;
        foreach (var (termId, _) in closest.OrderByDescending(c => index.DocumentFrequency(c.TermId)).ThenBy(c => index.Word(c.TermId), StringComparer.Ordinal)
                     .Take(tuning.MaxTypoCandidates))
        {
            group.Add(termId, weight);
        }
    }

    private static void AddPrefixes(QueryGroup group, string folded, string stem, SuggestionIndex index)
    {
        if (folded.Length < 3) return;
        foreach (var termId in index.TermsWithPrefix(stem.Length < folded.Length ? stem : folded, index.Tuning.MaxPrefixExpansions))
        {
            group.Add(termId, index.Tuning.PrefixWeight);
        }
    }

    // Consecutive query words that also stand side by side in some article (see SuggestionIndexData).
    private static void AddPairs(List<QueryGroup> groups, List<string> stems, SuggestionIndex index)
    {
        if (index.Tuning.PairWeight <= 0f) return;
        for (var i = 0; i + 1 < stems.Count; i++)
        {
            var pair = TextAnalyzer.Pair(stems[i], stems[i + 1]);
            if (!index.TryGetPair(stems[i], stems[i + 1], out var id) || groups.Any(g => g.Surface == pair)) continue;
            var group = new QueryGroup(pair, reported: false);
            group.Add(id, index.Tuning.PairWeight);
            groups.Add(group);
        }
    }

    private static void AddSynonyms(List<QueryGroup> groups, List<string> stems, List<QueryGroup> stemGroups, SuggestionIndex index)
    {
        var weight = index.Tuning.SynonymWeight;
        for (var start = 0; start < stems.Count; start++)
        {
            foreach (var (length, variants) in index.Synonyms.MatchesAt(stems, start))
            {
                // A one-word match widens that word's group; a phrase match ("money back") is a topic of its own.
                var target = length == 1 ? stemGroups[start] : new QueryGroup(string.Join(' ', stems.GetRange(start, length)));
                // A multi-word variant matches as word pairs ("packing slip" in a title), never as loose words:
                // "back" or "money" alone would be noise.
                foreach (var variant in variants)
                {
                    if (variant.Length == 1 && index.TryGetTerm(variant[0], out var id)) target.Add(id, weight);
                    for (var i = 0; i + 1 < variant.Length; i++)
                    {
                        if (index.TryGetPair(variant[i], variant[i + 1], out var pairId)) target.Add(pairId, weight);
                    }
                }
                if (length > 1 && !groups.Contains(target)) groups.Add(target);
            }
        }
    }
}
