using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class PriorityRanksAndSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Its own migration because SQLite table rebuilds (the Priority column's type change in the previous
            // migration) run at the end of a migration, after any SQL in it.
            // Priority moves from its name to its rank.
            migrationBuilder.Sql("UPDATE Tickets SET Priority = CASE Priority WHEN 'Low' THEN 0 WHEN 'Normal' THEN 1 WHEN 'High' THEN 2 WHEN 'Urgent' THEN 3 ELSE Priority END;");

            // Full-text search over a ticket's subject, customer and conversation, folding case and accents
            // ("contrasena" finds "contraseña"). One row per ticket, rowid = ticket id, kept by TicketSearchIndex.
            // The table as it was then (later migrations change it); written out so this step stays what it was.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS TicketSearch USING fts5(Subject, Customer, Body, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                DELETE FROM TicketSearch;
                INSERT INTO TicketSearch(rowid, Subject, Customer, Body)
                SELECT t.Id, t.Subject, c.Name || ' ' || COALESCE(c.Email, ''),
                       COALESCE((SELECT group_concat(m.Body, ' ') FROM Messages m WHERE m.TicketId = t.Id), '')
                FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId;
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS TicketSearch;");
            migrationBuilder.Sql("UPDATE Tickets SET Priority = CASE Priority WHEN 0 THEN 'Low' WHEN 1 THEN 'Normal' WHEN 2 THEN 'High' WHEN 3 THEN 'Urgent' ELSE Priority END;");

        }
    }
}
