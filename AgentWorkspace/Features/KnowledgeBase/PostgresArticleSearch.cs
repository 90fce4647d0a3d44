using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// <see cref="ArticleSearchIndex"/> and <see cref="FtsArticleSearch"/> on PostgreSQL: live articles' published text as
/// a folded 'simple' tsvector (see <see cref="Data.Postgres.PostgresSearch"/>), title weighted A, keywords B, body D, in
/// a GIN index; any word may match and ts_rank with those weights (1, 0.5, 0.1, as BM25's 10, 5, 1) orders the hits.
/// </summary>
internal static class PostgresArticleSearch
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS "ArticleSearch" (
            "ArticleId" integer PRIMARY KEY,
            "Title" text NOT NULL,
            "Keywords" text NOT NULL,
            "Body" text NOT NULL,
            "Language" text NULL,
            "Internal" boolean NOT NULL,
            "Document" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', aw_fold("Title")), 'A') ||
                setweight(to_tsvector('simple', aw_fold("Keywords")), 'B') ||
                setweight(to_tsvector('simple', aw_fold("Body")), 'D')) STORED);
        CREATE INDEX IF NOT EXISTS "IX_ArticleSearch_Document" ON "ArticleSearch" USING gin ("Document");
        """;

    public const string DropTableSql = """DROP TABLE IF EXISTS "ArticleSearch";""";

    private const string LiveArticles = """
        INSERT INTO "ArticleSearch" ("ArticleId", "Title", "Keywords", "Body", "Language", "Internal")
        SELECT a."Id", COALESCE(r."Title", ''), COALESCE(r."Keywords", ''), COALESCE(r."Body", ''), a."Language", a."IsInternal"
        FROM "Articles" a JOIN "ArticleRevisions" r ON r."Id" = a."PublishedRevisionId"
        WHERE a."Status" <> 'Archived'
        """;

    public const string RebuildSql = "DELETE FROM \"ArticleSearch\";\n" + LiveArticles + ";";

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    public static Task SyncAsync(AppDbContext db, int articleId) =>
        db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"ArticleSearch\" WHERE \"ArticleId\" = {0};\n" + LiveArticles + " AND a.\"Id\" = {0};", articleId);

    public static IQueryable<FtsArticleSearch.FtsRow> Hits(AppDbContext db, IReadOnlyList<string> words, string? language) =>
        db.Database.SqlQuery<FtsArticleSearch.FtsRow>($"""
            SELECT s."ArticleId", ts_rank(ARRAY[0.1, 0, 0.5, 1]::float4[], s."Document", q.query)::float8 AS "Score"
            FROM "ArticleSearch" s, aw_search_query({words.ToArray()}, true) AS q(query)
            WHERE s."Document" @@ q.query AND (CAST({language} AS text) IS NULL OR s."Language" = CAST({language} AS text))
            """);
}
