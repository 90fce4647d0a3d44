using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportsHandleTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HandleBusinessSeconds",
                table: "ReportCycles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HandleSeconds",
                table: "ReportCycles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TicketOpens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<string>(type: "TEXT", nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketOpens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketOpens_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketOpens_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TicketOpens_AgentId",
                table: "TicketOpens",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketOpens_TicketId_OpenedAt",
                table: "TicketOpens",
                columns: new[] { "TicketId", "OpenedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketOpens");

            migrationBuilder.DropColumn(
                name: "HandleBusinessSeconds",
                table: "ReportCycles");

            migrationBuilder.DropColumn(
                name: "HandleSeconds",
                table: "ReportCycles");
        }
    }
}
