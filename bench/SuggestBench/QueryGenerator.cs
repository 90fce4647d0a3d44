using AgentWorkspace.Features.Suggestions;

namespace SuggestBench;

public sealed record BenchQuery(string Kind, string Text);

/// <summary>Queries of the three kinds the engine serves, generated from the same text as the articles: agent drafts
/// (a greeting then 15-40 words, often stopped mid-word), customer messages (6-25 lower-case words, some misspelt) and
/// short searches (1-4 title or keyword words, some misspelt, the last often unfinished).</summary>
public sealed class QueryGenerator(Dictionary<string, LanguageText> languages, int seed)
{
    private static readonly string[] FirstNames = ["Ana", "Bella", "Carlos", "Dana", "Emil", "Fatima", "Hugo", "Ines", "Kai", "Lena"];

    public List<BenchQuery> Generate(int perKind, IReadOnlyList<SuggestionDocument> articles)
    {
        var random = new Random(seed);
        var queries = new List<BenchQuery>(perKind * 3);
        for (var i = 0; i < perKind; i++)
        {
            queries.Add(new BenchQuery("agent_draft", AgentDraft(random)));
            queries.Add(new BenchQuery("customer_message", CustomerMessage(random)));
            queries.Add(new BenchQuery("short_search", ShortSearch(random, articles[random.Next(articles.Count)])));
        }
        return queries;
    }

    private string AgentDraft(Random random)
    {
        var language = Language(random);
        var words = new List<string> { language == "es" ? "Hola" : "Hi", FirstNames[random.Next(FirstNames.Length)] + "," };
        var length = random.Next(15, 41);
        while (words.Count < length) words.AddRange(languages[language].Body.Sentence(random, length - words.Count));
        if (random.Next(2) == 0) words[^1] = Unfinished(words[^1], random);
        return string.Join(' ', words);
    }

    private string CustomerMessage(Random random)
    {
        var words = languages[Language(random)].Body.Sentence(random, random.Next(6, 26))
            .Select(w => random.NextDouble() < 0.1 ? Typo(w, random) : w);
        return string.Join(' ', words).ToLowerInvariant() + (random.Next(3) == 0 ? "?" : "");
    }

    private static string ShortSearch(Random random, SuggestionDocument article)
    {
        var source = random.Next(2) == 0 ? article.Title : article.Keywords;
        var words = source.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var start = random.Next(words.Length);
        var picked = words.Skip(start).Take(random.Next(1, 5)).Select(w => w.ToLowerInvariant()).ToList();
        if (random.Next(4) == 0)
        {
            var w = random.Next(picked.Count);
            picked[w] = Typo(picked[w], random);
        }
        if (random.Next(2) == 0) picked[^1] = Unfinished(picked[^1], random);
        return string.Join(' ', picked);
    }

    private static string Language(Random random) => random.NextDouble() < 0.2 ? "es" : "en";

    private static string Unfinished(string word, Random random) =>
        word.Length <= 3 ? word : word[..random.Next(3, word.Length)];

    // One random edit (delete, insert, substitute or swap) in a word of four letters or more.
    private static string Typo(string word, Random random)
    {
        if (word.Length < 4) return word;
        var i = random.Next(1, word.Length - 1);
        var letter = (char)('a' + random.Next(26));
        return random.Next(4) switch
        {
            0 => word.Remove(i, 1),
            1 => word.Insert(i, letter.ToString()),
            2 => word[..i] + letter + word[(i + 1)..],
            _ => word[..(i - 1)] + word[i] + word[i - 1] + word[(i + 1)..],
        };
    }
}
