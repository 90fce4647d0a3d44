using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportsPerDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the facts lack their tickets' tags and the hourly rows lack the all-teams/all-channels rows;
            // dropping the facts makes the report feed recompute every ticket at start (or run "reports rebuild").
            migrationBuilder.Sql("DELETE FROM ReportHours; DELETE FROM ReportEscalations; DELETE FROM ReportCycles; DELETE FROM ReportTickets;");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "ReportTickets",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ReportDays",
                columns: table => new
                {
                    Month = table.Column<bool>(type: "INTEGER", nullable: false),
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgentId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedResolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroReply = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstContact = table.Column<int>(type: "INTEGER", nullable: false),
                    ReopenedCycles = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDays", x => new { x.Month, x.TeamId, x.Channel, x.AgentId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportHours_TeamId_Channel_Hour_Created_Resolved_Reopened",
                table: "ReportHours",
                columns: new[] { "TeamId", "Channel", "Hour", "Created", "Resolved", "Reopened" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCycles_AgentId_ResolvedAt",
                table: "ReportCycles",
                columns: new[] { "AgentId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCycles_AgentId_StartedAt",
                table: "ReportCycles",
                columns: new[] { "AgentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDays_Day",
                table: "ReportDays",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportDays");

            migrationBuilder.DropIndex(
                name: "IX_ReportHours_TeamId_Channel_Hour_Created_Resolved_Reopened",
                table: "ReportHours");

            migrationBuilder.DropIndex(
                name: "IX_ReportCycles_AgentId_ResolvedAt",
                table: "ReportCycles");

            migrationBuilder.DropIndex(
                name: "IX_ReportCycles_AgentId_StartedAt",
                table: "ReportCycles");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "ReportTickets");
        }
    }
}
