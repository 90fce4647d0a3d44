using System.Text;
using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// The one seam for "search published articles": the help centre, the agents' KB browser and the ticket side
/// panel all search through it. Only live revisions are searched, never drafts or text in review. The default is
/// SQLite FTS5 (<see cref="FtsArticleSearch"/>); the suggestion engine can replace the registration.
/// </summary>
public interface IArticleSearch
{
    Task<IReadOnlyList<ArticleSearchHit>> SearchPublishedAsync(string query, ArticleSearchOptions options, CancellationToken cancellationToken = default);
}

/// <param name="Language">Only articles in this language ("en" or "es"); null for both.</param>
/// <param name="IncludeInternal">False for anything a customer sees: then only <see cref="Article.IsPublic"/> articles match.</param>
public sealed record ArticleSearchOptions(string? Language = null, bool IncludeInternal = false, int Take = 20);

/// <summary>A live article that matched, best first; a higher score is a better match.</summary>
public sealed record ArticleSearchHit(int ArticleId, double Score);

/// <summary>
/// BM25 over the ArticleSearch FTS5 table (title weighs most, then keywords, then body); any word may match.
/// On PostgreSQL the same through <see cref="PostgresArticleSearch"/>.
/// </summary>
public sealed class FtsArticleSearch(IDbContextFactory<AppDbContext> dbFactory) : IArticleSearch
{
    public async Task<IReadOnlyList<ArticleSearchHit>> SearchPublishedAsync(string query, ArticleSearchOptions options, CancellationToken cancellationToken = default)
    {
        var match = ToMatchQuery(query);
        if (match is null || options.Take <= 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hits = db.Database.IsPostgres()
            ? PostgresArticleSearch.Hits(db, Words(query), options.Language)
            : db.Database.SqlQuery<FtsRow>($"""
            SELECT rowid AS ArticleId, -bm25(ArticleSearch, 10.0, 5.0, 1.0, 0.0, 0.0) AS Score
            FROM ArticleSearch
            WHERE ArticleSearch MATCH {match} AND ({options.Language} IS NULL OR Language = {options.Language})
            """);
        if (!options.IncludeInternal)
        {
            // What a customer may find is decided by the article's own state now, not by the flag the row was indexed with.
            var isPublic = db.Articles.Where(Article.IsPublic).Select(a => a.Id);
            hits = hits.Where(h => isPublic.Contains(h.ArticleId));
        }
        var rows = await hits.OrderByDescending(h => h.Score).Take(options.Take).ToListAsync(cancellationToken);
        return rows.Select(r => new ArticleSearchHit(r.ArticleId, r.Score)).ToList();
    }

    /// <summary>
    /// Each word quoted (no FTS operators get through), joined by OR so a question in plain words still finds
    /// articles (BM25 ranks those matching more words first), the last word as a prefix since it may be half typed.
    /// </summary>
    public static string? ToMatchQuery(string? text)
    {
        var words = Words(text);
        return words.Count == 0 ? null : string.Join(" OR ", words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }

    /// <summary>The distinct words of a search (runs of letters and digits), at most twelve.</summary>
    internal static List<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        return words.Distinct(StringComparer.OrdinalIgnoreCase).Take(12).ToList();
    }

    internal sealed class FtsRow
    {
        public int ArticleId { get; set; }
        public double Score { get; set; }
    }
}
