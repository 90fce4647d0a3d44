using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Resolved', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            // "Longest waiting" sorts open tickets by when the customer started waiting, nobody-waiting last.
            // An expression index, which EF cannot model: it must match InboxQuery's ORDER BY exactly.
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IX_Tickets_Open_Waiting ON Tickets ("WaitingSince" IS NULL, "WaitingSince", "Id")
                WHERE "Status" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_Tickets_Open_Waiting;");
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets");
        }
    }
}
