using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketOwnerAndFollowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets");

            // SQLite adds a nullable column with its foreign key in place. EF's AddForeignKey would rebuild the Tickets table
            // instead, which drops the indexes created in SQL only (IX_Tickets_Open_Waiting) and rewrites every ticket.
            migrationBuilder.Sql("""ALTER TABLE "Tickets" ADD COLUMN "OwnerId" TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL;""");

            // Existing tickets: whoever works one is responsible for it.
            migrationBuilder.Sql("""UPDATE "Tickets" SET "OwnerId" = "AssigneeId" WHERE "AssigneeId" IS NOT NULL;""");

            migrationBuilder.CreateTable(
                name: "TicketFollowers",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketFollowers", x => new { x.TicketId, x.AgentId });
                    table.ForeignKey(
                        name: "FK_TicketFollowers_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketFollowers_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id", "Status", "Priority", "Channel", "TeamId", "AssigneeId", "OwnerId" },
                filter: "\"Status\" IN ('Resolved', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id", "Status", "Priority", "Channel", "TeamId", "AssigneeId", "OwnerId" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Owner",
                table: "Tickets",
                columns: new[] { "OwnerId", "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_TicketFollowers_AgentId_TicketId",
                table: "TicketFollowers",
                columns: new[] { "AgentId", "TicketId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_AspNetUsers_OwnerId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "TicketFollowers");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Owner",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id", "Status", "Priority", "Channel", "TeamId", "AssigneeId" },
                filter: "\"Status\" IN ('Resolved', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id", "Status", "Priority", "Channel", "TeamId", "AssigneeId" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");
        }
    }
}
