using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportsTagRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the hourly and per-day totals gain per-tag, per-category and agent-by-channel rows. Dropping the
            // facts makes the report feed recompute every ticket (and so every row) at start, as ReportsPerDay did; at 1M
            // tickets "reports rebuild" does the same faster with the app stopped.
            migrationBuilder.Sql("""DELETE FROM "ReportHours"; DELETE FROM "ReportDays"; DELETE FROM "ReportEscalations"; DELETE FROM "ReportCycles"; DELETE FROM "ReportTickets";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
