using System.Data.Common;
using System.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Data.Postgres;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>
/// The inbox's lists on PostgreSQL, on tickets shaped like the benchmark's (nineteen in twenty done, a few hundred
/// waiting on the customer or on hold, six teams) with ANALYZE statistics: the plan PostgreSQL picks, and that the
/// pages list what the plain query lists.
/// </summary>
public sealed class InboxPostgresPlanTests : IDisposable
{
    private const int Tickets = 12_000;
    private const int PageSize = 25;

    private readonly string connectionString = PostgresServer.CreateDatabase();

    [PostgresOnlyFact]
    public async Task OneStatusViews_PageByWalkingAnIndexInOrder_AndListWhatThePlainQueryLists()
    {
        await SeedAsync();
        var capture = new PostgresPlanCapture();
        var inbox = new InboxQuery(new Factory(connectionString, capture), TimeProvider.System);
        var scopes = new[] { new AgentScope("agent-00", true, []), new AgentScope("agent-01", false, [2, 3]) };
        foreach (var scope in scopes)
        {
            foreach (var (view, status) in new[] { (InboxView.WaitingOnCustomer, TicketStatus.WaitingOnCustomer), (InboxView.OnHold, TicketStatus.OnHold) })
            {
                var filter = new InboxFilter { View = view };
                var listed = new List<int>();
                string? after = null;
                for (var page = 0; page < 3; page++)
                {
                    capture.Plans.Clear();
                    var result = await inbox.ListAsync(scope, filter, after, PageSize);
                    listed.AddRange(result.Rows.Select(r => r.Id));
                    after = result.Next;
                    // Before: the status written twice (the open family's list, then the one status) made PostgreSQL
                    // expect ~17 times too few rows; a page after the first then read every ticket in the view through
                    // a BitmapOr of the cursor's two conditions and sorted them, and the admin's first page read every
                    // open ticket and sorted. (The agent's view holds two pages here; the rest of it, expected to be
                    // smaller than a page, may be read whole from the status index and sorted: the right choice.)
                    var plan = capture.Plans.ShouldHaveSingleItem();
                    plan.ShouldNotContain("BitmapOr", customMessage: $"{scope.AgentId} {view} page {page + 1}:\n{plan}");
                    if (scope.IsAdmin)
                    {
                        plan.ShouldContain("Backward", customMessage: $"{scope.AgentId} {view} page {page + 1}:\n{plan}");
                    }
                    if (after is null) break;
                }
                listed.Count.ShouldBeGreaterThan(PageSize, $"{scope.AgentId} {view}: a page after the first was planned");

                await using var db = new Factory(connectionString).CreateDbContext();
                var expected = await db.Tickets.AsNoTracking().InQueuesOf(scope).Where(t => t.Status == status)
                    .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(listed.Count).ToListAsync();
                listed.ShouldBe(expected, $"{scope.AgentId} {view}");
            }
        }
    }

    /// <summary>
    /// Tickets spread over two years, the newest ones open: about 3% waiting on the customer and 3% on hold among the
    /// last tenth, nearly all older ones closed; one customer, six teams, ten agents.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO "Customers" ("Id", "Name", "Language", "CreatedAt", "IsVerified", "IsVip", "Version") VALUES (1, 'Ana', 'en', 0, false, false, 0);
            INSERT INTO "Teams" ("Id", "Name") SELECT g, 'Team ' || g FROM generate_series(1, 6) g;
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Availability", "CreatedAt", "IsActive", "ChatAlerts", "EmailConfirmed",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT 'agent-0' || g, 'Agent ' || g, 'Online', 0, true, false, false, false, false, false, 0 FROM generate_series(0, 9) g;
            INSERT INTO "Tickets" ("Id", "Number", "Subject", "Status", "Priority", "Channel", "Language", "CustomerId", "TeamId",
                "AssigneeId", "Tier", "CreatedAt", "UpdatedAt", "LastActivityAt", "LastMessageSeq", "Version", "SlaDueKey")
            SELECT g, 1000 + g, 'Ticket ' || g,
                CASE WHEN g > {Tickets} * 9 / 10 THEN (ARRAY['Open', 'InProgress', 'WaitingOnCustomer', 'OnHold', 'Resolved', 'Closed', 'Closed', 'Closed'])[1 + (g * 7) % 8]
                     WHEN g % 97 = 0 THEN 'WaitingOnCustomer' WHEN g % 89 = 0 THEN 'OnHold' WHEN g % 5 = 0 THEN 'Resolved' ELSE 'Closed' END,
                g % 4, 'Email', 'en', 1, 1 + (g * 13) % 6,
                CASE WHEN g % 3 = 0 THEN NULL ELSE 'agent-0' || (g % 10) END, 1,
                g * 1000000000::bigint, g * 1000000000::bigint, g * 1000000000::bigint + (g * 7919) % 500000000, 1, 1, {long.MaxValue}
            FROM generate_series(1, {Tickets}) g;
            ANALYZE;
            """;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => PostgresServer.DropDatabase(connectionString);

    private sealed class Factory(string connectionString, IInterceptor? interceptor = null) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString);
            if (interceptor is not null) options.AddInterceptors(interceptor);
            return new PostgresAppDbContext(options.Options);
        }
    }

    /// <summary>PostgreSQL's EXPLAIN of each ticket list EF runs, on the same connection with the same parameters.</summary>
    private sealed class PostgresPlanCapture : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Tickets\" AS t", StringComparison.Ordinal) && command.CommandText.Contains("LIMIT", StringComparison.Ordinal))
            {
                await using var explain = ((NpgsqlConnection)command.Connection!).CreateCommand();
                explain.CommandText = "EXPLAIN " + command.CommandText;
                foreach (NpgsqlParameter p in command.Parameters)
                {
                    explain.Parameters.Add(p.Clone());
                }
                await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
                var plan = new StringBuilder();
                while (await reader.ReadAsync(cancellationToken)) plan.AppendLine(reader.GetString(0));
                Plans.Add(plan.ToString());
            }
            return result;
        }
    }
}
