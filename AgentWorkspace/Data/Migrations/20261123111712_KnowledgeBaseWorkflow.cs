using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeBaseWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CategoryId",
                table: "ArticleRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsInternal",
                table: "ArticleRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ArticleEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorAgentId = table.Column<string>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleEvents_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleEvents_AspNetUsers_ActorAgentId",
                        column: x => x.ActorAgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleRevisions_CategoryId",
                table: "ArticleRevisions",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleEvents_ActorAgentId",
                table: "ArticleEvents",
                column: "ActorAgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleEvents_ArticleId_Id",
                table: "ArticleEvents",
                columns: new[] { "ArticleId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_ArticleRevisions_ArticleCategories_CategoryId",
                table: "ArticleRevisions",
                column: "CategoryId",
                principalTable: "ArticleCategories",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ArticleRevisions_ArticleCategories_CategoryId",
                table: "ArticleRevisions");

            migrationBuilder.DropTable(
                name: "ArticleEvents");

            migrationBuilder.DropIndex(
                name: "IX_ArticleRevisions_CategoryId",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "IsInternal",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "ArticleRevisions");
        }
    }
}
