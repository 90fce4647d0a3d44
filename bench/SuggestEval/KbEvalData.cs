using System.Text.Json;
using AgentWorkspace.Features.Suggestions;

namespace SuggestEval;

public sealed record KbArticle(string Id, string Lang, string Title, string Category, string[] Keywords, string Body);

public sealed record KbQuery(string Id, string Lang, string Kind, string Text, string[] Gold, string[] AlsoOk);

/// <summary>Reads the kb-eval JSONL files (shared/kb-eval/README.md).</summary>
public static class KbEvalData
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static List<KbArticle> LoadArticles(string path) => Load<KbArticle>(path);

    public static List<KbQuery> LoadQueries(string path) => Load<KbQuery>(path);

    /// <summary>As production maps a published article: keywords joined, never internal.</summary>
    public static SuggestionDocument ToDocument(KbArticle a) =>
        new(a.Id, a.Lang, a.Title, string.Join(", ", a.Keywords), a.Body, Internal: false);

    private static List<T> Load<T>(string path) => File.ReadLines(path)
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select(line => JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidDataException($"bad line in {path}"))
        .ToList();
}
