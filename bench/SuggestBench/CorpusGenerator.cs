using System.Text;
using AgentWorkspace.Features.Suggestions;

namespace SuggestBench;

/// <summary>Generates help-centre articles from the kb-eval text: 80% English and 20% Spanish like kb-eval, a title,
/// keyword phrases, an opening paragraph and two to four sections (steps, bullets or prose) in Markdown. Four words
/// in a hundred are invented names (products, brands, places) drawn with Zipf frequencies from a pool sized by Heaps'
/// law (about 30 * sqrt(words) distinct words), so the vocabulary grows with the collection as real text does; the
/// kb-eval text alone has under 3,000 words. Deterministic for a given seed.</summary>
public sealed class CorpusGenerator(Dictionary<string, LanguageText> languages, int seed)
{
    private const double SpanishShare = 0.2;
    private const double InternalShare = 0.05;
    private const double InventedWordShare = 0.04;
    private const int WordsPerArticle = 150;

    public List<SuggestionDocument> Generate(int count)
    {
        var random = new Random(seed);
        var names = new ZipfNames((int)(30 * Math.Sqrt((double)count * WordsPerArticle)), random);
        var docs = new List<SuggestionDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var language = random.NextDouble() < SpanishShare ? "es" : "en";
            var text = languages[language];
            var title = Capitalize(string.Join(' ', text.Titles.Sentence(random, 8)));
            var keywords = string.Join(", ", Enumerable.Range(0, random.Next(3, 6))
                .Select(_ => text.KeywordPhrases[random.Next(text.KeywordPhrases.Count)]));
            docs.Add(new SuggestionDocument($"gen-{i:D6}", language, title, keywords, Body(text, random, names),
                random.NextDouble() < InternalShare));
        }
        return docs;
    }

    private static string Body(LanguageText text, Random random, ZipfNames names)
    {
        var body = new StringBuilder();
        for (var s = random.Next(1, 3); s > 0; s--) body.Append(Sentence(text, random, names)).Append(' ');
        body.Append("\n\n");
        for (var section = random.Next(2, 5); section > 0; section--)
        {
            body.Append("## ").Append(Capitalize(string.Join(' ', text.Titles.Sentence(random, 5)))).Append("\n");
            var style = random.Next(4);
            var sentences = random.Next(3, 7);
            for (var s = 1; s <= sentences; s++)
            {
                body.Append(style switch { 0 or 1 => $"{s}. ", 2 => "- ", _ => "" }).Append(Sentence(text, random, names));
                body.Append(style == 3 ? " " : "\n");
            }
            body.Append("\n\n");
        }
        return body.ToString();
    }

    private static string Sentence(LanguageText text, Random random, ZipfNames names)
    {
        var words = text.Body.Sentence(random, random.Next(6, 23));
        for (var w = 0; w < words.Count; w++)
        {
            if (random.NextDouble() < InventedWordShare) words[w] = names.Next(random);
        }
        // Some UI labels in bold and some links, as real articles have; the index must see through both.
        if (words.Count > 4 && random.Next(4) == 0) words[2] = $"**{words[2]}**";
        if (words.Count > 6 && random.Next(8) == 0) words[5] = $"[{words[5]}](https://help.example.com/{words[5].Length})";
        return Capitalize(string.Join(' ', words)) + ".";
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>Invented names ("Torvexa", "Milunor") where the r-th most common is drawn with weight 1/r.</summary>
public sealed class ZipfNames
{
    private static readonly string[] Syllables =
        ["ka", "ro", "mi", "zen", "tor", "vex", "li", "qua", "dor", "pen", "sa", "lu", "bri", "mo", "nex", "tal", "fi", "gra"];

    private readonly string[] _names;
    private readonly double[] _cumulative;

    public ZipfNames(int count, Random random)
    {
        _names = new string[count];
        _cumulative = new double[count];
        var total = 0.0;
        var offset = Syllables.Length + random.Next(Syllables.Length); // at least two syllables
        for (var r = 0; r < count; r++)
        {
            // The name spells r in base 18, so every name in the pool is distinct.
            var name = new StringBuilder();
            for (var n = r + offset; n > 0; n /= Syllables.Length) name.Append(Syllables[n % Syllables.Length]);
            _names[r] = char.ToUpperInvariant(name[0]) + name.ToString(1, name.Length - 1);
            total += 1.0 / (r + 1);
            _cumulative[r] = total;
        }
        for (var r = 0; r < count; r++) _cumulative[r] /= total;
        random.Shuffle(_names); // so frequency does not follow name length
    }

    public string Next(Random random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble());
        return _names[Math.Min(i < 0 ? ~i : i, _names.Length - 1)];
    }
}
