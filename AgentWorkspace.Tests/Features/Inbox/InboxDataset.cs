using System.Data.Common;
using System.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>
/// A generated inbox of 4,000 tickets on its own SQLite file: statuses, assignees, teams, priorities, channels,
/// tags from common to rare, last-activity ties, and messages whose words range from one in nine tickets of ten
/// ("order") to one ticket ("subpoena"), a prefix with more than <see cref="TicketSearchQuery.MaxTerms"/> terms,
/// and accents. Bulk-inserted with raw SQL, then indexed by the app's own rebuild.
/// </summary>
public sealed class InboxDataset : IDisposable
{
    public const string Admin = "agent-00";
    public static readonly string[] Agents = Enumerable.Range(0, 10).Select(i => $"agent-{i:00}").ToArray();
    public static readonly int[] Teams = [1, 2, 3];
    private static readonly string[] Statuses = ["Open", "InProgress", "WaitingOnCustomer", "OnHold", "Resolved", "Closed", "Closed", "Closed"];
    private static readonly string[] Channels = ["Chat", "Email", "Phone", "WebForm", "Api"];
    private static readonly string[] Words =
        ["hello", "please", "account", "reembolso", "reembolsar", "reembolsado", "contraseña", "shipping", "invoice", "ordenador", "orchard", "thanks"];

    private readonly TempDatabase database = new(sqliteOnly: true);

    public InboxDataset()
    {
        using (var db = database.CreateContext())
        {
            db.Database.Migrate();
        }
        using var connection = new SqliteConnection(database.ConnectionString + ";Foreign Keys=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        Seed(connection, new Random(11));
        tx.Commit();
        using var rebuild = connection.CreateCommand();
        rebuild.CommandText = TicketSearchIndex.RebuildSql;
        rebuild.ExecuteNonQuery();
        SeedSla(new Random(23));
    }

    /// <summary>
    /// SLA clocks on two tickets in three, as the engine leaves them: the state row, and its copy on the ticket
    /// (<see cref="Ticket.SlaDueKey"/>, <see cref="Ticket.SlaAttentionAt"/>). Due instants lie hours to days either side of
    /// now, never within an hour of the "breaching soon" boundary, so the view doesn't change while a test runs.
    /// </summary>
    private void SeedSla(Random rng)
    {
        var now = DateTimeOffset.UtcNow;
        using var db = database.CreateContext();
        var kinds = Enum.GetValues<SlaTargetKind>();
        for (var id = 1; id <= 4000; id++)
        {
            if (rng.Next(3) == 0)
            {
                continue;
            }
            var kind = kinds[rng.Next(kinds.Length)];
            var state = new SlaState { TicketId = id, PolicyName = "Policy", NextDueTarget = kind };
            if (rng.Next(5) > 0)
            {
                // Whole hours away from the boundary: attention = due - 4 h (or the warning, when earlier).
                var due = now.AddHours(rng.Next(-72, 72) + 0.5);
                state.NextDueAt = due;
                state.Target(kind).DueAt = due;
                state.Target(kind).WarnAt = rng.Next(2) == 0 ? due.AddHours(-rng.Next(5, 30) - 0.5) : null;
                if (rng.Next(6) == 0)
                {
                    state.PausedSince = now.AddHours(-rng.Next(1, 48));
                }
            }
            db.SlaStates.Add(state);
            var attention = state.AttentionAt;
            db.Database.ExecuteSql($"UPDATE Tickets SET SlaDueKey = {state.RunningDueAt?.UtcTicks ?? long.MaxValue}, SlaAttentionAt = {attention?.UtcTicks} WHERE Id = {id}");
        }
        db.SaveChanges();
        // Tests copy the file: everything must be in it, not in the write-ahead log.
        db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public string Path => System.IO.Path.Combine(database.Folder, "test.db");

    /// <summary>Members: agent-01..03 in team 1, 04..06 in team 2, 07..08 in team 3, 09 in teams 1 and 3; agent-00 is the admin.</summary>
    public static AgentScope Scope(string agentId) => agentId switch
    {
        Admin => new AgentScope(agentId, true, []),
        "agent-09" => new AgentScope(agentId, false, [1, 3]),
        _ => new AgentScope(agentId, false, [TeamOf(int.Parse(agentId[^2..]))]),
    };

    private static int TeamOf(int agent) => agent <= 3 ? 1 : agent <= 6 ? 2 : 3;

    private static void Seed(SqliteConnection connection, Random rng)
    {
        foreach (var id in Agents)
        {
            Exec(connection, """
                INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, DisplayName, IsActive,
                    Availability, CreatedAt, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, ChatAlerts)
                VALUES ($id, $id, upper($id), $id || '@example.test', upper($id) || '@EXAMPLE.TEST', 1, $id, 1, 'Online', 0, 'S', 'C', 0, 0, 1, 0, 0)
                """, ("$id", id));
        }
        foreach (var team in Teams)
        {
            Exec(connection, "INSERT INTO Teams (Id, Name, Description) VALUES ($id, 'Team ' || $id, '')", ("$id", team));
        }
        for (var agent = 1; agent <= 9; agent++)
        {
            Exec(connection, "INSERT INTO TeamMembers (TeamId, AgentId) VALUES ($t, $a)", ("$t", agent == 9 ? 1 : TeamOf(agent)), ("$a", Agents[agent]));
        }
        Exec(connection, "INSERT INTO TeamMembers (TeamId, AgentId) VALUES (3, 'agent-09')");
        for (var c = 1; c <= 200; c++)
        {
            Exec(connection, "INSERT INTO Customers (Id, Name, Email, Language, IsVerified, CreatedAt) VALUES ($id, $name, $email, 'en', 0, 0)",
                ("$id", c), ("$name", $"Customer Número{c}"), ("$email", $"client.token{c}@example.test"));
        }

        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var id = 1; id <= 4000; id++)
        {
            var status = Statuses[rng.Next(Statuses.Length)];
            var created = start + id * TimeSpan.TicksPerHour;
            // Every fifth ticket shares its last activity with another: keyset paging must break ties by id.
            var lastActivity = id % 5 == 0 ? created : created + rng.Next(0, 24 * 90) * TimeSpan.TicksPerHour;
            long? waiting = status is "Open" or "InProgress" or "WaitingOnCustomer" && rng.Next(3) > 0 ? lastActivity - rng.Next(0, 48) * TimeSpan.TicksPerHour : null;
            Exec(connection, """
                INSERT INTO Tickets (Id, Number, Subject, Status, Priority, Channel, Category, Language, CustomerId, TeamId, AssigneeId, OwnerId, Tier,
                    CreatedAt, UpdatedAt, LastActivityAt, WaitingSince, LastMessageSeq, Version)
                VALUES ($id, 1000 + $id, $subject, $status, $priority, $channel, 'General', 'en', $customer, $team, $assignee, $owner, 1,
                    $created, $last, $last, $waiting, 1, 1)
                """,
                ("$id", id), ("$subject", $"Ticket {id} about {Words[rng.Next(Words.Length)]}"), ("$status", status),
                ("$priority", rng.Next(4)), ("$channel", Channels[rng.Next(Channels.Length)]), ("$customer", 1 + rng.Next(200)),
                ("$team", rng.Next(7) == 0 ? null : Teams[rng.Next(Teams.Length)]),
                ("$assignee", rng.Next(10) < 3 ? null : Agents[1 + rng.Next(9)]),
                ("$created", created), ("$last", lastActivity), ("$waiting", waiting),
                // Owners from the id, not the random stream (the rest of the data stays as it was): a third of the
                // tickets, often someone other than the assignee, in another team.
                ("$owner", id % 3 == 0 ? Agents[1 + id * 7 % 9] : null));
            foreach (var (tag, share) in new[] { ("common", 0.6), ("mid", 0.1), ("rare", 0.01) })
            {
                if (rng.NextDouble() < share) Exec(connection, "INSERT INTO TicketTags (TicketId, Tag) VALUES ($id, $tag)", ("$id", id), ("$tag", tag));
            }
            Exec(connection, """
                INSERT INTO Messages (TicketId, Seq, AuthorKind, AuthorCustomerId, Visibility, Body, CreatedAt)
                VALUES ($id, 1, 'Customer', 1, 'Public', $body, $created)
                """, ("$id", id), ("$body", Body(id, rng)), ("$created", created));
        }
    }

    private static string Body(int id, Random rng)
    {
        var words = Enumerable.Range(0, 6).Select(_ => Words[rng.Next(Words.Length)]).ToList();
        if (rng.Next(10) < 9) words.Add(rng.Next(2) == 0 ? "order" : "Orders");
        if (id == 1234) words.Add("subpoena");
        // "term0".."term149": a four-letter prefix standing for more terms than are expanded.
        words.Add($"term{rng.Next(150)}");
        words.Add($"ref{id}");
        return string.Join(' ', words);
    }

    private static void Exec(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }

    public void Dispose() => database.Dispose();
}

/// <summary>A context factory on one SQLite file, for services built outside the app host.</summary>
public sealed class FileDbContextFactory(string path, IInterceptor? interceptor = null) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}");
        if (interceptor is not null) options.AddInterceptors(interceptor);
        return new AppDbContext(options.Options);
    }
}

/// <summary>SQLite's EXPLAIN QUERY PLAN of each ticket list EF runs, taken on the same connection (same statistics).</summary>
public sealed class PlanCapture : DbCommandInterceptor
{
    public List<string> Plans { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("FROM \"Tickets\"", StringComparison.Ordinal) && command.CommandText.Contains("LIMIT", StringComparison.Ordinal))
        {
            using var explain = ((SqliteConnection)command.Connection!).CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter p in command.Parameters)
            {
                explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value) { SqliteType = p.SqliteType });
            }
            using var reader = explain.ExecuteReader();
            var plan = new StringBuilder();
            while (reader.Read()) plan.AppendLine(reader.GetString(3));
            Plans.Add(plan.ToString());
        }
        return ValueTask.FromResult(result);
    }
}
