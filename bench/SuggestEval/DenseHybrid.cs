using System.Diagnostics;
using AgentWorkspace.Features.Suggestions;

namespace SuggestEval;

/// <summary>Every article's vector, made as the app makes it (<see cref="DenseReranker.ArticleText"/> embedded by the
/// app's <see cref="MiniLmEmbedder"/>), in the app's <see cref="DenseVectorSet"/>. Query vectors are cached by text, so
/// a grid of fusion settings embeds each query once; the time of each first embedding is kept for the latency report.</summary>
public sealed class DenseIndex : IDisposable
{
    private readonly MiniLmEmbedder _embedder = new();
    private readonly Dictionary<string, float[]> _queries = [];

    public DenseIndex(IReadOnlyList<KbArticle> articles)
    {
        Vectors = DenseVectorSet.Empty.With(articles.Select(KbEvalData.ToDocument).Select(d =>
        {
            var text = DenseReranker.ArticleText(d);
            return (d.Id, _embedder.Embed(text), DenseReranker.ContentHash(_embedder.Model, text));
        }).ToList());
    }

    public DenseVectorSet Vectors { get; }
    public List<double> EmbedMilliseconds { get; } = [];

    public float[] Embed(string text)
    {
        if (_queries.TryGetValue(text, out var cached)) return cached;
        var started = Stopwatch.GetTimestamp();
        var vector = _embedder.Embed(text);
        EmbedMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return _queries[text] = vector;
    }

    public void Dispose() => _embedder.Dispose();
}

/// <summary>Dense alone: articles by cosine similarity to the query.</summary>
public sealed class DenseRanker(DenseIndex dense) : IRanker
{
    public string Name => "dense";

    public IReadOnlyList<string> Rank(KbQuery query)
    {
        var similarities = dense.Vectors.Similarities(dense.Embed(query.Text));
        return Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).Take(RelevanceEvaluator.ListLength)
            .Select(i => dense.Vectors.Ids[i]).ToList();
    }
}

/// <summary>The app's lexical + dense path (<see cref="DenseReranker"/>, as <c>KbSuggestions</c> calls it) with the
/// given <see cref="DenseSettings"/>: the shipped defaults, or a candidate of the k-fold grid.</summary>
public sealed class HybridRanker(SuggestionIndex index, DenseIndex dense, DenseSettings settings) : IRanker
{
    public string Name => $"hybrid w={settings.Weight} minWords={settings.MinWords} englishOnly={settings.EnglishOnly}";

    public IReadOnlyList<string> Rank(KbQuery query)
    {
        var options = new SuggestionOptions { MaxResults = Math.Max(RelevanceEvaluator.ListLength, settings.Candidates), IncludeInternal = true };
        var lexical = index.Search(query.Text, options);
        var hits = DenseReranker.Applies(query.Text, settings)
            ? DenseReranker.Fuse(lexical, dense.Embed(query.Text), dense.Vectors, settings.Weight, _ => true, RelevanceEvaluator.ListLength)
            : lexical;
        return hits.Take(RelevanceEvaluator.ListLength).Select(h => h.Id).ToList();
    }
}
