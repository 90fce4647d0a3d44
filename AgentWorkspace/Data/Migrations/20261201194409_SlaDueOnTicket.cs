using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaDueOnTicket : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SlaAttentionAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaDueKey",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: long.MaxValue);

            // The clocks computed so far, copied onto their tickets (SlaState.RunningDueAt and AttentionAt, 4 h window).
            migrationBuilder.Sql("""
                UPDATE Tickets SET SlaDueKey = s.Due,
                    SlaAttentionAt = CASE WHEN s.Warn IS NOT NULL AND s.Warn < s.Due - 144000000000 THEN s.Warn ELSE s.Due - 144000000000 END
                FROM (SELECT TicketId, NextDueAt AS Due,
                        CASE NextDueTarget WHEN 'FirstResponse' THEN FirstResponse_WarnAt
                                           WHEN 'NextResponse' THEN NextResponse_WarnAt
                                           WHEN 'Resolution' THEN Resolution_WarnAt END AS Warn
                      FROM SlaStates WHERE PausedSince IS NULL AND NextDueAt IS NOT NULL) AS s
                WHERE Tickets.Id = s.TicketId;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_SlaAttention",
                table: "Tickets",
                column: "SlaAttentionAt",
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_SlaDue",
                table: "Tickets",
                columns: new[] { "SlaDueKey", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_SlaAttention",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_SlaDue",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaAttentionAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaDueKey",
                table: "Tickets");
        }
    }
}
