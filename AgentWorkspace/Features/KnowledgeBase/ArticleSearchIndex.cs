using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// The SQLite FTS5 index of live articles: one row per article that has a published revision and is not archived,
/// holding that revision's text (never a draft's). rowid = article id; Internal lets customer-facing searches drop
/// agent-only articles. Written in the same transaction as the publication it reflects.
/// </summary>
public static class ArticleSearchIndex
{
    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS ArticleSearch USING fts5(Title, Keywords, Body, Language UNINDEXED, Internal UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');";

    private const string LiveArticles = """
        SELECT a.Id, r.Title, r.Keywords, r.Body, a.Language, a.IsInternal
        FROM Articles a JOIN ArticleRevisions r ON r.Id = a.PublishedRevisionId
        WHERE a.Status <> 'Archived'
        """;

    public const string RebuildSql = $"""
        DELETE FROM ArticleSearch;
        INSERT INTO ArticleSearch(rowid, Title, Keywords, Body, Language, Internal)
        {LiveArticles};
        """;

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsPostgres() ? PostgresArticleSearch.RebuildAsync(db, cancellationToken) : db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    /// <summary>Brings one article's row in line with what is live now (adds, replaces or removes it).</summary>
    public static async Task SyncAsync(AppDbContext db, int articleId)
    {
        if (db.Database.IsPostgres())
        {
            await PostgresArticleSearch.SyncAsync(db, articleId);
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}");
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO ArticleSearch(rowid, Title, Keywords, Body, Language, Internal) {LiveArticles} AND a.Id = {{0}}", articleId);
    }
}
