using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>A group of similar queries that got no useful suggestion.</summary>
public sealed record KbGap(string Key, string Example, int Count, int FromAgents, int FromCustomers, int WithNoResults, DateTimeOffset LastSeen);

/// <summary>
/// What to write next: the most frequent final queries (a sent reply or message) for which no suggestion was inserted,
/// opened or clicked. Queries are grouped by their analysed terms (stems, stop words out, order ignored), so
/// "Refunds for my order?" and "order refund" land together.
/// </summary>
public sealed class KbGapReport(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<KbGap>> TopAsync(TimeSpan window, int take = 30)
    {
        var since = clock.GetUtcNow() - window;
        await using var db = await dbFactory.CreateDbContextAsync();
        var unused = await db.SuggestionRequests.AsNoTracking()
            .Where(r => r.CreatedAt >= since && r.Outcome == SuggestionOutcome.NotUsed)
            .Select(r => new { r.Query, r.Language, r.Source, r.ArticleIds, r.CreatedAt })
            .ToListAsync();
        return unused
            .Select(r => (Row: r, Key: GroupKey(r.Query, r.Language)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key)
            .Select(g => new KbGap(
                g.Key,
                g.OrderByDescending(x => x.Row.CreatedAt).First().Row.Query,
                g.Count(),
                g.Count(x => x.Row.Source == SuggestionSource.Agent),
                g.Count(x => x.Row.Source == SuggestionSource.Customer),
                g.Count(x => x.Row.ArticleIds.Length == 0),
                g.Max(x => x.Row.CreatedAt)))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastSeen)
            .Take(take)
            .ToList();
    }

    /// <summary>The query's content words as the engine sees them (folded, stemmed, no stop words), sorted, at most six.</summary>
    public static string GroupKey(string query, string language) =>
        string.Join(' ', TextAnalyzer.Terms(query, TextAnalyzer.NormalizeLanguage(language))
            .Where(t => !t.Contains(' ')).Distinct().Order(StringComparer.Ordinal).Take(6));
}
