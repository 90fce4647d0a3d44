using System.Text.Json;
using AgentWorkspace.Features.Suggestions;

namespace AgentWorkspace.Tests.Features.Suggestions;

/// <summary>Guards the relevance measured by bench/SuggestEval on the kb-eval dev set (docs/BENCHMARKS.md).
/// The data lives in shared/kb-eval beside the clone; a missing folder fails the test rather than skipping it.</summary>
public class RelevanceRegressionTests
{
    // Measured 2026-11-23: R@3 0.931, MRR 0.853; each minus 0.02.
    private const double MinRecallAt3 = 0.911;
    private const double MinMrr = 0.833;

    private sealed record Article(string Id, string Lang, string Title, string[] Keywords, string Body);

    private sealed record Query(string Text, string[] Gold, string[] AlsoOk);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void DevSet_KeepsItsRecallAt3AndMrr()
    {
        var folder = FindKbEval();
        var index = SuggestionIndex.Build(Load<Article>(Path.Combine(folder, "articles.jsonl"))
            .Select(a => new SuggestionDocument(a.Id, a.Lang, a.Title, string.Join(", ", a.Keywords), a.Body, Internal: false)));
        var queries = Load<Query>(Path.Combine(folder, "queries-dev.jsonl"));

        double recallAt3 = 0, reciprocalRanks = 0;
        foreach (var query in queries)
        {
            var ranked = index.Search(query.Text, new SuggestionOptions { MaxResults = 10, IncludeInternal = true })
                .Select(h => h.Id).ToList();
            if (ranked.Take(3).Any(id => query.Gold.Contains(id) || query.AlsoOk.Contains(id))) recallAt3++;
            var firstGold = ranked.FindIndex(query.Gold.Contains);
            if (firstGold >= 0) reciprocalRanks += 1.0 / (firstGold + 1);
        }

        queries.Count.ShouldBeGreaterThan(100);
        (recallAt3 / queries.Count).ShouldBeGreaterThanOrEqualTo(MinRecallAt3);
        (reciprocalRanks / queries.Count).ShouldBeGreaterThanOrEqualTo(MinMrr);
    }

    private static string FindKbEval()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "kb-eval");
            if (File.Exists(Path.Combine(candidate, "queries-dev.jsonl"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/kb-eval not found above {AppContext.BaseDirectory}; clone the shared data beside the repository (../shared).");
    }

    private static List<T> Load<T>(string path) => File.ReadLines(path)
        .Where(line => line.Length > 0)
        .Select(line => JsonSerializer.Deserialize<T>(line, Json)!)
        .ToList();
}
