using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxPlansAndSearchPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index gets prefix indexes (detail=column keeps them small) and its term list. Copied from
            // the old index's own stored text, not rebuilt from the messages: minutes at a million tickets, not a quarter hour.
            migrationBuilder.Sql(TicketSearchIndex.CreateTableSql.Replace("EXISTS TicketSearch USING", "EXISTS TicketSearchNew USING", StringComparison.Ordinal));
            migrationBuilder.Sql("""
                INSERT INTO TicketSearchNew(rowid, Subject, Customer, Body) SELECT rowid, Subject, Customer, Body FROM TicketSearch;
                DROP TABLE TicketSearch;
                ALTER TABLE TicketSearchNew RENAME TO TicketSearch;
                """);
            migrationBuilder.Sql(TicketSearchIndex.CreateTermsSql);
            migrationBuilder.Sql(TicketSearchIndex.RebuildTermsSql);

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id", "Status", "Priority", "Channel", "TeamId", "AssigneeId" },
                filter: "\"Status\" IN ('Resolved', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Assignee",
                table: "Tickets",
                columns: new[] { "AssigneeId", "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets",
                columns: new[] { "LastActivityAt", "Id", "Status", "Priority", "Channel", "TeamId", "AssigneeId" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Status",
                table: "Tickets",
                columns: new[] { "Status", "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_Team",
                table: "Tickets",
                columns: new[] { "TeamId", "LastActivityAt", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS TicketSearchVocab;
                DROP TABLE IF EXISTS TicketSearchTerms;
                CREATE VIRTUAL TABLE TicketSearchOld USING fts5(Subject, Customer, Body, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO TicketSearchOld(rowid, Subject, Customer, Body) SELECT rowid, Subject, Customer, Body FROM TicketSearch;
                DROP TABLE TicketSearch;
                ALTER TABLE TicketSearchOld RENAME TO TicketSearch;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Assignee",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Team",
                table: "Tickets");

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
        }
    }
}
