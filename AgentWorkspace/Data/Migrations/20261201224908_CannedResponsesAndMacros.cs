using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class CannedResponsesAndMacros : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CannedResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Shortcut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    BodyEs = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Sharing = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UsageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedResponses_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CannedResponses_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Macros",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: true),
                    AddTags = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    RemoveTags = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    MoveToTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Assign = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CannedResponseId = table.Column<int>(type: "INTEGER", nullable: true),
                    Sharing = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UsageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Macros", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Macros_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Macros_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Macros_CannedResponses_CannedResponseId",
                        column: x => x.CannedResponseId,
                        principalTable: "CannedResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Macros_Teams_MoveToTeamId",
                        column: x => x.MoveToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Macros_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CannedResponses_OwnerId",
                table: "CannedResponses",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedResponses_Sharing_TeamId",
                table: "CannedResponses",
                columns: new[] { "Sharing", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_CannedResponses_TeamId",
                table: "CannedResponses",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_AssigneeId",
                table: "Macros",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_CannedResponseId",
                table: "Macros",
                column: "CannedResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_MoveToTeamId",
                table: "Macros",
                column: "MoveToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_OwnerId",
                table: "Macros",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_Sharing_TeamId",
                table: "Macros",
                columns: new[] { "Sharing", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Macros_TeamId",
                table: "Macros",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Macros");

            migrationBuilder.DropTable(
                name: "CannedResponses");
        }
    }
}
