using System.Collections.Concurrent;
using System.Diagnostics;
using AgentWorkspace.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InboxBench.Generate;

/// <summary>
/// Creates the schema with the app's own migrations, then bulk-loads with raw Microsoft.Data.Sqlite:
/// one thread makes tickets, the other inserts them (prepared statements, ~100k rows per transaction,
/// synchronous=OFF while loading). The FTS5 document of each ticket is written as the ticket is, since
/// rebuilding it afterwards means a group_concat over every message.
/// </summary>
internal static class Generator
{
    private const int RowsPerTransaction = 100_000;
    private const int TicketsPerBatch = 2_000;

    public static void Run(string dbPath, int ticketCount, long messageCount, int agentCount, int customerCount)
    {
        var total = Stopwatch.StartNew();
        foreach (var file in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
        {
            File.Delete(file);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString();
        using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options))
        {
            db.Database.Migrate();
        }
        Log(total, "schema migrated");

        // Foreign keys are consistent by construction; checking each of ~13M rows would only slow the load.
        using var connection = new SqliteConnection(connectionString + ";Foreign Keys=False");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-3000000; PRAGMA temp_store=MEMORY;");

        var rng = new Random(20261123);
        var world = World.Create(agentCount, customerCount, rng);
        LoadPeople(connection, world);
        Log(total, $"{world.Agents.Count} agents, {world.Teams.Count} teams, {world.Customers.Count:N0} customers");

        LoadTickets(connection, world, ticketCount, messageCount, total);

        var terms = Stopwatch.StartNew();
        Exec(connection, AgentWorkspace.Features.Tickets.TicketSearchIndex.RebuildTermsSql);
        Log(total, $"search terms listed in {terms.Elapsed.TotalSeconds:F0} s");

        Exec(connection, $"UPDATE Counters SET Value = {1000 + ticketCount} WHERE Name = 'TicketNumber'");
        var analyze = Stopwatch.StartNew();
        Exec(connection, "ANALYZE;");
        Log(total, $"ANALYZE took {analyze.Elapsed.TotalSeconds:F0} s");
        Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        connection.Close();
        SqliteConnection.ClearAllPools();
        var size = new FileInfo(dbPath).Length;
        Console.WriteLine($"Done in {total.Elapsed:mm\\:ss}: {dbPath}, {size / 1024.0 / 1024 / 1024:F2} GiB");
    }

    private static void LoadPeople(SqliteConnection connection, World world)
    {
        using var tx = connection.BeginTransaction();
        using var users = new Inserter(connection, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "DisplayName", "IsActive", "Availability", "CreatedAt", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
        { Transaction = tx };
        foreach (var a in world.Agents)
        {
            users.Insert(a.Id, a.Email, a.Email.ToUpperInvariant(), a.Email, a.Email.ToUpperInvariant(), 1, a.DisplayName, 1, "Online",
                World.Start.AddDays(-30).UtcTicks, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), 0, 0, 1, 0);
        }
        using var teams = new Inserter(connection, "Teams", "Id", "Name", "Description") { Transaction = tx };
        using var members = new Inserter(connection, "TeamMembers", "TeamId", "AgentId") { Transaction = tx };
        foreach (var t in world.Teams)
        {
            teams.Insert(t.Id, t.Name, t.Description);
            foreach (var m in t.MemberIds) members.Insert(t.Id, m);
        }
        using var customers = new Inserter(connection, "Customers", "Id", "Name", "Email", "NormalizedEmail", "Language", "IsVerified", "CreatedAt") { Transaction = tx };
        foreach (var c in world.Customers)
        {
            customers.Insert(c.Id, c.Name, c.Email, AgentWorkspace.Features.Customers.CustomerEmail.Normalize(c.Email), c.Language, c.Id % 3 == 0 ? 1 : 0, c.CreatedAt);
        }
        tx.Commit();
    }

    private static void LoadTickets(SqliteConnection connection, World world, int ticketCount, long messageCount, Stopwatch total)
    {
        // The maker runs ahead on the other core; a bounded queue keeps memory flat.
        var queue = new BlockingCollection<List<GenTicket>>(boundedCapacity: 8);
        var maker = Task.Run(() =>
        {
            var factory = new TicketFactory(world, ticketCount, messageCount, new Random(7));
            for (var id = 1; id <= ticketCount;)
            {
                var batch = new List<GenTicket>(TicketsPerBatch);
                for (; id <= ticketCount && batch.Count < TicketsPerBatch; id++) batch.Add(factory.Create(id));
                queue.Add(batch);
            }
            queue.CompleteAdding();
        });

        using var tickets = new Inserter(connection, "Tickets", "Id", "Number", "Subject", "Status", "Priority", "Channel", "Category",
            "Language", "CustomerId", "TeamId", "AssigneeId", "Tier", "CreatedAt", "UpdatedAt", "LastActivityAt", "WaitingSince",
            "FirstResponseAt", "ResolvedAt", "ClosedAt", "LastMessageSeq", "Version");
        using var messages = new Inserter(connection, "Messages", "TicketId", "Seq", "AuthorKind", "AuthorAgentId", "AuthorCustomerId",
            "Visibility", "Body", "CreatedAt");
        using var tags = new Inserter(connection, "TicketTags", "TicketId", "Tag");
        using var events = new Inserter(connection, "TicketEvents", "TicketId", "ActorKind", "ActorAgentId", "Field", "OldValue", "NewValue", "CreatedAt");
        using var reads = new Inserter(connection, "TicketReads", "AgentId", "TicketId", "SeenAt");
        using var search = new Inserter(connection, "TicketSearch", "rowid", "Subject", "Customer", "Body");
        Inserter[] all = [tickets, messages, tags, events, reads, search];

        SqliteTransaction? tx = null;
        var rowsInTx = 0;
        long messageRows = 0, rows = 0;
        var lastReport = Stopwatch.StartNew();
        var load = Stopwatch.StartNew();
        foreach (var batch in queue.GetConsumingEnumerable())
        {
            foreach (var t in batch)
            {
                if (tx is null)
                {
                    tx = connection.BeginTransaction();
                    foreach (var inserter in all) inserter.Transaction = tx;
                }
                tickets.Insert(t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Channel, t.Category, t.Customer.Language, t.Customer.Id,
                    t.TeamId, t.AssigneeId, t.Tier, t.CreatedAt, t.UpdatedAt, t.LastActivityAt, t.WaitingSince, t.FirstResponseAt,
                    t.ResolvedAt, t.ClosedAt, t.Messages.Count, 1L);
                foreach (var m in t.Messages)
                {
                    messages.Insert(t.Id, m.Seq, m.AuthorKind, m.AgentId, m.CustomerId, m.Visibility, m.Body, m.CreatedAt);
                }
                foreach (var tag in t.Tags) tags.Insert(t.Id, tag);
                foreach (var e in t.Events) events.Insert(t.Id, "Agent", e.AgentId, e.Field, e.OldValue, e.NewValue, e.CreatedAt);
                if (t.ReadByAssigneeAt is { } seen) reads.Insert(t.AssigneeId, t.Id, seen);
                search.Insert(t.Id, t.Subject, t.Customer.Name + " " + t.Customer.Email, t.SearchBody);

                var n = 2 + t.Messages.Count + t.Tags.Count + t.Events.Count + (t.ReadByAssigneeAt is null ? 0 : 1);
                rowsInTx += n;
                rows += n;
                messageRows += t.Messages.Count;
                if (rowsInTx >= RowsPerTransaction)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = null;
                    rowsInTx = 0;
                }
                if (lastReport.Elapsed.TotalSeconds >= 10 || t.Id == ticketCount)
                {
                    lastReport.Restart();
                    Log(total, $"tickets {t.Id:N0}/{ticketCount:N0}, messages {messageRows:N0}, {rows / load.Elapsed.TotalSeconds:N0} rows/s");
                }
            }
        }
        tx?.Commit();
        tx?.Dispose();
        maker.GetAwaiter().GetResult();
        Log(total, $"loaded {rows:N0} rows ({messageRows:N0} messages) in {load.Elapsed:mm\\:ss}");
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static void Log(Stopwatch total, string message) => Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {message}");
}
