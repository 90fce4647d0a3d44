using System.Text.RegularExpressions;
using SuggestEval;

namespace SuggestBench;

/// <summary>A word-bigram chain: each word remembers the words that followed it (repeats kept, so frequent
/// followers are drawn more often). Generated text has the source's word frequencies and its common phrases.</summary>
public sealed class MarkovChain
{
    private const string End = "\n";
    private readonly Dictionary<string, List<string>> _followers = new(StringComparer.Ordinal);
    private readonly List<string> _starts = [];

    public void Learn(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return;
        _starts.Add(words[0]);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_followers.TryGetValue(words[i], out var list)) _followers[words[i]] = list = [];
            list.Add(i + 1 < words.Count ? words[i + 1] : End);
        }
    }

    /// <summary>One sentence of at most <paramref name="maxWords"/> words; shorter when the chain reaches an end.</summary>
    public List<string> Sentence(Random random, int maxWords)
    {
        var words = new List<string>();
        var word = _starts[random.Next(_starts.Count)];
        while (words.Count < maxWords)
        {
            words.Add(word);
            var next = _followers[word][random.Next(_followers[word].Count)];
            if (next == End) break;
            word = next;
        }
        return words;
    }
}

/// <summary>What the generators learn from the kb-eval articles of one language: body sentences, titles and
/// headings, and keyword phrases.</summary>
public sealed partial class LanguageText
{
    public MarkovChain Body { get; } = new();
    public MarkovChain Titles { get; } = new();
    public List<string> KeywordPhrases { get; } = [];

    public static Dictionary<string, LanguageText> Learn(IEnumerable<KbArticle> articles)
    {
        var byLanguage = new Dictionary<string, LanguageText>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (!byLanguage.TryGetValue(article.Lang, out var text)) byLanguage[article.Lang] = text = new LanguageText();
            text.Titles.Learn(Words(article.Title));
            text.KeywordPhrases.AddRange(article.Keywords);
            foreach (var line in article.Body.Split('\n'))
            {
                if (line.StartsWith('|')) continue; // tables are not prose
                if (line.StartsWith('#'))
                {
                    text.Titles.Learn(Words(line.TrimStart('#')));
                    continue;
                }
                foreach (var sentence in SentenceEnd().Split(ListMarker().Replace(line, "")))
                    text.Body.Learn(Words(sentence));
            }
        }
        return byLanguage;
    }

    // Markdown emphasis, links and code marks dropped; words keep their case, accents and inner punctuation.
    private static List<string> Words(string text) =>
        MarkdownNoise().Replace(text, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.TrimEnd('.', '!', '?', ':')).Where(w => w.Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\s*(\d+\.|[-*])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\*\*|\*|`|\[|\]\([^)]*\)|[¿¡""]")]
    private static partial Regex MarkdownNoise();
}
