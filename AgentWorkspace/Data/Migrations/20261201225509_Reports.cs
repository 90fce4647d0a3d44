using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportCycles",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedAfterSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublicReplies = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    OnHoldSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    OnHoldBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    QueueWaitSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    QueueWaitBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCycles", x => new { x.TicketId, x.Cycle });
                    table.ForeignKey(
                        name: "FK_ReportCycles_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportEscalations",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportEscalations", x => new { x.TicketId, x.Seq });
                    table.ForeignKey(
                        name: "FK_ReportEscalations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportHours",
                columns: table => new
                {
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportHours", x => new { x.Hour, x.TeamId, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "ReportTickets",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FirstAssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TicketVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTickets", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_ReportTickets_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCycles_ReopenedAt_TicketId",
                table: "ReportCycles",
                columns: new[] { "ReopenedAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCycles_ResolvedAt_TicketId",
                table: "ReportCycles",
                columns: new[] { "ResolvedAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCycles_StartedAt_TicketId",
                table: "ReportCycles",
                columns: new[] { "StartedAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportEscalations_At_TicketId",
                table: "ReportEscalations",
                columns: new[] { "At", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTickets_CreatedAt_TicketId",
                table: "ReportTickets",
                columns: new[] { "CreatedAt", "TicketId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportCycles");

            migrationBuilder.DropTable(
                name: "ReportEscalations");

            migrationBuilder.DropTable(
                name: "ReportHours");

            migrationBuilder.DropTable(
                name: "ReportTickets");
        }
    }
}
