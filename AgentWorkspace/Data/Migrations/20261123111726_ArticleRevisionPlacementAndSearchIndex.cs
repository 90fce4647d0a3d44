using AgentWorkspace.Features.KnowledgeBase;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleRevisionPlacementAndSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Its own migration because the previous one rebuilds ArticleRevisions (a new foreign key) at its end,
            // after any SQL in it. Existing revisions propose what their article already has.
            migrationBuilder.Sql("""
                UPDATE ArticleRevisions SET
                    Slug = (SELECT a.Slug FROM Articles a WHERE a.Id = ArticleRevisions.ArticleId),
                    CategoryId = (SELECT a.CategoryId FROM Articles a WHERE a.Id = ArticleRevisions.ArticleId),
                    IsInternal = (SELECT a.IsInternal FROM Articles a WHERE a.Id = ArticleRevisions.ArticleId);
                """);

            // Full-text search over live articles' published text (never drafts), kept by ArticleSearchIndex.
            migrationBuilder.Sql(ArticleSearchIndex.CreateTableSql);
            migrationBuilder.Sql(ArticleSearchIndex.RebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
