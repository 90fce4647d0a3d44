using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Created",
                table: "Tickets",
                columns: new[] { "CreatedAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Priority",
                table: "Tickets",
                columns: new[] { "Priority", "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Created",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Priority",
                table: "Tickets");
        }
    }
}
