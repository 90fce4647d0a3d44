using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentWorkspace.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceLevelsAndScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsVip",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BusinessCalendars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    TeamIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Priorities = table.Column<string>(type: "TEXT", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", nullable: false),
                    TeamIds = table.Column<string>(type: "TEXT", nullable: false),
                    VipCustomers = table.Column<bool>(type: "INTEGER", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstResponseBusinessHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    NextResponseBusinessHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolutionBusinessHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    PauseStatuses = table.Column<string>(type: "TEXT", nullable: false),
                    WarningPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifyAssignee = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyTeam = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyAgentId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RaisePriority = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalateTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    EscalateTier = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaStates",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: true),
                    PolicyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CalendarName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsVip = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextDueTarget = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TicketVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponse_BreachHandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_BreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_BusinessHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstResponse_DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_ElapsedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponse_MetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstResponse_StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_WarnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponse_WarningSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_BreachHandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_BreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_BusinessHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextResponse_DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_ElapsedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    NextResponse_MetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    NextResponse_StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_WarnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponse_WarningSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_BreachHandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_BreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_BusinessHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    Resolution_DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_ElapsedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolution_MetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Resolution_StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_WarnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution_WarningSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaStates", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_SlaStates_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CalendarId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessHolidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessHolidays_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpeningBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CalendarId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    EndMinute = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpeningBlocks_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessCalendars_Name",
                table: "BusinessCalendars",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessHolidays_CalendarId_Date",
                table: "BusinessHolidays",
                columns: new[] { "CalendarId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpeningBlocks_CalendarId",
                table: "OpeningBlocks",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_Kind_Key",
                table: "ScheduledJobs",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_PendingDueAt",
                table: "ScheduledJobs",
                column: "DueAt",
                filter: "State = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Name",
                table: "SlaPolicies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Position",
                table: "SlaPolicies",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_SlaStates_BreachedAt",
                table: "SlaStates",
                column: "BreachedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaStates_NextDueAt",
                table: "SlaStates",
                column: "NextDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessHolidays");

            migrationBuilder.DropTable(
                name: "OpeningBlocks");

            migrationBuilder.DropTable(
                name: "ScheduledJobs");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "SlaStates");

            migrationBuilder.DropTable(
                name: "BusinessCalendars");

            migrationBuilder.DropColumn(
                name: "IsVip",
                table: "Customers");
        }
    }
}
