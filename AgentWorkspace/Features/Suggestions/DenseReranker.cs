using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>The dense (sentence-embedding) part of suggestions; <c>Suggestions:Dense</c> in configuration.</summary>
public sealed record DenseSettings
{
    /// <summary>Off: suggestions are lexical only, and no article is embedded.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Share of the dense score in the mix; chosen by 5-fold selection (docs/BENCHMARKS.md).</summary>
    public float Weight { get; init; } = 0.5f;

    /// <summary>Texts with fewer words stay lexical (and skip the query embedding).</summary>
    public int MinWords { get; init; }

    /// <summary>The model is English: texts detected as Spanish stay lexical.</summary>
    public bool EnglishOnly { get; init; } = true;

    /// <summary>Lexical results the mix starts from (every article with a vector is a candidate as well).</summary>
    public int Candidates { get; init; } = 30;

    public static DenseSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Suggestions:Dense").Get<DenseSettings>() ?? new DenseSettings();
        return settings is { Weight: >= 0 and <= 1, MinWords: >= 0, Candidates: >= 1 }
            ? settings
            : throw new InvalidOperationException(
                "Suggestions:Dense: Weight must be between 0 and 1, MinWords 0 or more and Candidates 1 or more " +
                $"(got Weight {settings.Weight}, MinWords {settings.MinWords}, Candidates {settings.Candidates}).");
    }
}

/// <summary>
/// Lexical + dense: the engine's scores (divided by its top score) and the articles' cosine similarity to the query
/// (min-max scaled over every article with a vector) mixed as (1 − w)·lexical + w·dense. An article without a vector
/// yet ranks by its lexical score alone, as if its dense score matched it, so it is never pushed down for lacking one.
/// The app (<see cref="KbSuggestions"/>) and bench/SuggestEval both rank through this class.
/// </summary>
public static class DenseReranker
{
    /// <summary>Whether the dense part is used for this text (long enough, and in the model's language).</summary>
    public static bool Applies(string query, DenseSettings settings) =>
        settings.Enabled && settings.Weight > 0
        && (settings.MinWords <= 0 || CountWords(query) >= settings.MinWords)
        && (!settings.EnglishOnly || LanguageDetector.Detect(query) != TextAnalyzer.Spanish);

    /// <param name="lexical">The engine's hits, best first (ask it for <see cref="DenseSettings.Candidates"/>).</param>
    /// <param name="allowed">False for articles this reader may not get (internal ones for customers, ones no longer live).</param>
    public static IReadOnlyList<SuggestionHit> Fuse(IReadOnlyList<SuggestionHit> lexical, ReadOnlySpan<float> query, DenseVectorSet vectors,
        float weight, Func<string, bool> allowed, int max)
    {
        if (vectors.Count == 0)
        {
            return lexical.Where(h => allowed(h.Id)).Take(max).ToList();
        }
        var similarities = vectors.Similarities(query);
        var low = TensorPrimitives.Min(similarities);
        var range = TensorPrimitives.Max(similarities) - low;
        double Dense(int position) => weight * (range > 0 ? (similarities[position] - low) / range : 0);

        var topLexical = lexical.Count > 0 && lexical[0].Score > 0 ? lexical[0].Score : 1;
        var scores = new Dictionary<string, (double Score, SuggestionHit? Hit)>(StringComparer.Ordinal);
        foreach (var hit in lexical)
        {
            var share = hit.Score / topLexical;
            var position = vectors.PositionOf(hit.Id);
            scores[hit.Id] = (position < 0 ? share : Dense(position) + (1 - weight) * share, hit); // no vector yet: lexical alone
        }
        // An article with no lexical score ranks by its dense score alone, so only the best few by similarity can
        // reach the top: take enough of them that, after dropping lexical hits and articles the reader may not get,
        // at least max are left (or every article was taken).
        for (var wanted = max + lexical.Count + 16; ; wanted *= 2)
        {
            var added = 0;
            foreach (var position in TopPositions(similarities, wanted))
            {
                var id = vectors.Ids[position];
                if (!scores.ContainsKey(id) || scores[id].Hit is null)
                {
                    scores[id] = (Dense(position), null);
                    added += allowed(id) ? 1 : 0;
                }
            }
            if (added >= max || wanted >= similarities.Length)
            {
                break;
            }
        }
        return scores.Where(p => allowed(p.Key))
            .OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(p => new SuggestionHit(p.Key, p.Value.Score, p.Value.Hit?.MatchedTerms ?? []))
            .ToList();
    }

    // The positions of the count largest values (a min-heap of count entries: one pass, no sort of the whole array).
    private static List<int> TopPositions(float[] values, int count)
    {
        var heap = new PriorityQueue<int, float>(Math.Min(count, values.Length) + 1);
        for (var i = 0; i < values.Length; i++)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(i, values[i]);
            }
            else if (heap.TryPeek(out _, out var smallest) && values[i] > smallest)
            {
                heap.EnqueueDequeue(i, values[i]);
            }
        }
        return [.. heap.UnorderedItems.Select(e => e.Element)];
    }

    /// <summary>What is embedded for an article: title, keywords, body (the model reads the first 512 word pieces).</summary>
    public static string ArticleText(SuggestionDocument document) => $"{document.Title}. {document.Keywords}. {document.Body}";

    /// <summary>The key of a stored vector: the text embedded and the model that embedded it.</summary>
    public static string ContentHash(string model, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + text)));

    private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
