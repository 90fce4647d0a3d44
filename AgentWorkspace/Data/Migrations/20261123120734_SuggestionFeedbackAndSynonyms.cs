using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionFeedbackAndSynonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SuggestionRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ArticleIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UsedArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SynonymLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SynonymLists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionRequests_Outcome_CreatedAt",
                table: "SuggestionRequests",
                columns: new[] { "Outcome", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionRequests_PublicId",
                table: "SuggestionRequests",
                column: "PublicId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuggestionRequests");

            migrationBuilder.DropTable(
                name: "SynonymLists");
        }
    }
}
