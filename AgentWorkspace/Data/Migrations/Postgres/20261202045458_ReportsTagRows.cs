using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Channel",
                table: "ReportHours",
                type: "character varying(102)",
                maxLength: 102,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Channel",
                table: "ReportDays",
                type: "character varying(102)",
                maxLength: 102,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Channel",
                table: "ReportHours",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(102)",
                oldMaxLength: 102);

            migrationBuilder.AlterColumn<string>(
                name: "Channel",
                table: "ReportDays",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(102)",
                oldMaxLength: 102);
        }
    }
}
