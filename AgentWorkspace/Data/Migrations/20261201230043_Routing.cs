using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class Routing : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

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
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MergedAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Customers",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AgentRouting",
                columns: table => new
                {
                    AgentId = table.Column<string>(type: "TEXT", nullable: false),
                    MaxChats = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTickets = table.Column<int>(type: "INTEGER", nullable: false),
                    LastTurn = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentRouting", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_AgentRouting_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgentSkills",
                columns: table => new
                {
                    AgentId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentSkills", x => new { x.AgentId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_AgentSkills_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Normalized = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerContacts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorAgentId = table.Column<string>(type: "TEXT", nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerEvents_AspNetUsers_ActorAgentId",
                        column: x => x.ActorAgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerEvents_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DefaultTeamRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefaultTeamRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefaultTeamRules_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamRouting",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoAssign = table.Column<bool>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequireCategorySkill = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptTimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamRouting", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_TeamRouting_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "TicketRouting",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedTo = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Skipped = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AlertedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketRouting", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_TicketRouting_Tickets_TicketId",
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
                name: "IX_Tickets_Open_SlaAttention",
                table: "Tickets",
                column: "SlaAttentionAt",
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Open_SlaDue",
                table: "Tickets",
                columns: new[] { "SlaDueKey", "Id" },
                filter: "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerContacts_CustomerId_Kind_Normalized",
                table: "CustomerContacts",
                columns: new[] { "CustomerId", "Kind", "Normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerContacts_Kind_Normalized",
                table: "CustomerContacts",
                columns: new[] { "Kind", "Normalized" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvents_ActorAgentId",
                table: "CustomerEvents",
                column: "ActorAgentId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvents_CustomerId_CreatedAt",
                table: "CustomerEvents",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DefaultTeamRules_Channel_Language",
                table: "DefaultTeamRules",
                columns: new[] { "Channel", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DefaultTeamRules_TeamId",
                table: "DefaultTeamRules",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketFollowers_AgentId_TicketId",
                table: "TicketFollowers",
                columns: new[] { "AgentId", "TicketId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Customers_Customers_MergedIntoId",
                table: "Customers",
                column: "MergedIntoId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_AspNetUsers_OwnerId",
                table: "Tickets",
                column: "OwnerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Customers_Customers_MergedIntoId",
                table: "Customers");

            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_AspNetUsers_OwnerId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "AgentRouting");

            migrationBuilder.DropTable(
                name: "AgentSkills");

            migrationBuilder.DropTable(
                name: "CustomerContacts");

            migrationBuilder.DropTable(
                name: "CustomerEvents");

            migrationBuilder.DropTable(
                name: "DefaultTeamRules");

            migrationBuilder.DropTable(
                name: "TeamRouting");

            migrationBuilder.DropTable(
                name: "TicketFollowers");

            migrationBuilder.DropTable(
                name: "TicketRouting");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Done_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_LastActivity",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_Owner",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_SlaAttention",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Open_SlaDue",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaAttentionAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaDueKey",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MergedAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Customers");

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
