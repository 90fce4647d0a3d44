namespace AgentWorkspace.Features.Suggestions;

/// <summary>Groups of interchangeable words and phrases ("money back" ~ "refund" ~ "reembolso"), applied at query
/// time so editing them never needs a re-index. Immutable: edits return a new set, which
/// <see cref="SuggestionIndex.WithSynonyms"/> swaps in atomically.</summary>
public sealed class SynonymSet
{
    private readonly Dictionary<string, List<(string[] Stems, int Group)>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly List<string[][]> _groupVariants = [];
    private readonly HashSet<string> _knownStems = new(StringComparer.Ordinal);

    public SynonymSet(IEnumerable<IEnumerable<string>> groups)
    {
        Groups = groups.Select(g => (IReadOnlyList<string>)g.Where(p => !string.IsNullOrWhiteSpace(p)).ToList())
            .Where(g => g.Count > 1).ToList();
        foreach (var group in Groups)
        {
            var groupId = _groupVariants.Count;
            var variants = new List<string[]>();
            foreach (var phrase in group)
            {
                foreach (var language in (string[])[TextAnalyzer.English, TextAnalyzer.Spanish])
                {
                    var stems = TextAnalyzer.Terms(phrase, language).ToArray();
                    if (stems.Length == 0 || variants.Any(v => v.AsSpan().SequenceEqual(stems))) continue;
                    variants.Add(stems);
                    _knownStems.UnionWith(stems);
                    if (!_byFirstStem.TryGetValue(stems[0], out var list)) _byFirstStem[stems[0]] = list = [];
                    list.Add((stems, groupId));
                }
            }
            _groupVariants.Add([.. variants]);
        }
    }

    public static SynonymSet Empty { get; } = new([]);

    public static SynonymSet Default { get; } = new(DefaultSynonyms.Groups.Concat(BilingualTerms.Pairs));

    /// <summary>Parses one group per line, phrases separated by commas; '#' starts a comment.</summary>
    public static SynonymSet Parse(string text) => new(text.Split('\n')
        .Select(line => line.Split('#')[0].Trim())
        .Where(line => line.Length > 0)
        .Select(line => line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    public SynonymSet With(params string[] group) => new(Groups.Append(group));

    /// <summary>A set without any group containing <paramref name="phrase"/>.</summary>
    public SynonymSet Without(string phrase) => new(Groups.Where(g =>
        !g.Any(p => TextAnalyzer.Fold(p).Trim() == TextAnalyzer.Fold(phrase).Trim())));

    /// <summary>True when the stem is a word of some synonym phrase: a real word, so never a typo to correct.</summary>
    internal bool Knows(string stem) => _knownStems.Contains(stem);

    /// <summary>For stems[start..], every synonym group whose phrase matches there: the phrase length and the
    /// group's other variants.</summary>
    internal IEnumerable<(int Length, string[][] Variants)> MatchesAt(IReadOnlyList<string> stems, int start)
    {
        if (!_byFirstStem.TryGetValue(stems[start], out var candidates)) yield break;
        foreach (var (phrase, group) in candidates)
        {
            if (start + phrase.Length > stems.Count) continue;
            var matches = true;
            for (var i = 1; i < phrase.Length && matches; i++) matches = stems[start + i] == phrase[i];
            if (matches) yield return (phrase.Length, _groupVariants[group]);
        }
    }
}
