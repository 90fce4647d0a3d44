using System.Collections.Concurrent;
using System.Diagnostics;
using AgentWorkspace.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace InboxBench.Generate;

/// <summary>
/// The same inbox as <see cref="Generator"/> (same World, same TicketFactory and seeds, so the same tickets), loaded into
/// PostgreSQL: the app's own migrations make the schema, then the big tables' secondary indexes are set aside (their
/// definitions read from pg_indexes), every table is filled by its own binary COPY on its own connection (PostgreSQL
/// works on them in parallel), and the indexes are built again from those same definitions. The search document is the
/// app's: TicketSearch's generated tsvector column, computed by PostgreSQL as each row arrives, from the same text the
/// app's RebuildSql would give (subject, customer name and e-mail, the message bodies in order joined by spaces).
/// Foreign keys are consistent by construction; the COPY sessions skip their triggers (session_replication_role).
/// </summary>
internal static class PostgresGenerator
{
    private const int TicketsPerBatch = 2_000;

    /// <summary>The tables the load fills; their non-primary-key indexes are dropped during the load and rebuilt after it.</summary>
    private static readonly string[] BigTables = ["Tickets", "Messages", "TicketTags", "TicketEvents", "TicketReads", "TicketSearch"];

    public static void Run(string connectionString, int ticketCount, long messageCount, int agentCount, int customerCount)
    {
        var total = Stopwatch.StartNew();
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        var database = csb.Database ?? throw new ArgumentException("The connection string names no Database.");
        RecreateDatabase(csb, database);
        using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(csb.ToString(), o => o.CommandTimeout(0)).Options))
        {
            db.Database.Migrate();
        }
        Log(total, "schema migrated");

        using var connection = new NpgsqlConnection(csb.ToString());
        connection.Open();
        var indexes = new List<(string Name, string Definition)>();
        using (var read = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.tablename, i.indexname
            """, connection))
        {
            read.Parameters.AddWithValue("tables", BigTables);
            using var reader = read.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Exec(connection, $"DROP INDEX \"{name}\"");
        Log(total, $"{indexes.Count} secondary indexes set aside for the load");

        var rng = new Random(20261123);
        var world = World.Create(agentCount, customerCount, rng);
        LoadPeople(csb.ToString(), world);
        Log(total, $"{world.Agents.Count} agents, {world.Teams.Count} teams, {world.Customers.Count:N0} customers");

        LoadTickets(csb.ToString(), world, ticketCount, messageCount, total);

        var build = Stopwatch.StartNew();
        foreach (var (name, definition) in indexes)
        {
            var one = Stopwatch.StartNew();
            Exec(connection, definition);
            Log(total, $"index {name} built in {one.Elapsed.TotalSeconds:F0} s");
        }
        Log(total, $"{indexes.Count} indexes built in {build.Elapsed:mm\\:ss}");

        // Identity columns continue after the loaded ids, as they would after the app had written them.
        foreach (var table in new[] { "Tickets", "Messages", "TicketEvents", "Customers", "Teams" })
        {
            Exec(connection, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT max("Id") FROM "{table}"))""");
        }
        Exec(connection, $"""UPDATE "Counters" SET "Value" = {1000 + ticketCount} WHERE "Name" = 'TicketNumber'""");
        // As autovacuum would soon after a load: statistics for the planner, and the visibility map index-only scans need.
        var vacuum = Stopwatch.StartNew();
        Exec(connection, "VACUUM (ANALYZE)");
        Log(total, $"VACUUM (ANALYZE) took {vacuum.Elapsed.TotalSeconds:F0} s");
        using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var bytes = (long)size.ExecuteScalar()!;
        Console.WriteLine($"Done in {total.Elapsed:hh\\:mm\\:ss}: database {database}, {bytes / 1024.0 / 1024 / 1024:F2} GiB");
    }

    private static void RecreateDatabase(NpgsqlConnectionStringBuilder csb, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(csb.ToString()) { Database = "postgres" };
        using var connection = new NpgsqlConnection(admin.ToString());
        connection.Open();
        Exec(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        Exec(connection, $"CREATE DATABASE \"{database}\"");
    }

    private static void LoadPeople(string connectionString, World world)
    {
        using (var users = Copy.Open(connectionString, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "DisplayName", "IsActive", "Availability", "CreatedAt", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"))
        {
            foreach (var a in world.Agents)
            {
                users.Row(a.Id, a.Email, a.Email.ToUpperInvariant(), a.Email, a.Email.ToUpperInvariant(), 1, a.DisplayName, 1, "Online",
                    World.Start.AddDays(-30).UtcTicks, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), 0, 0, 1, 0);
            }
            users.Complete();
        }
        using (var teams = Copy.Open(connectionString, "Teams", "Id", "Name", "Description"))
        {
            foreach (var t in world.Teams) teams.Row(t.Id, t.Name, t.Description);
            teams.Complete();
        }
        using (var members = Copy.Open(connectionString, "TeamMembers", "TeamId", "AgentId"))
        {
            foreach (var t in world.Teams)
            {
                foreach (var m in t.MemberIds) members.Row(t.Id, m);
            }
            members.Complete();
        }
        using var customers = Copy.Open(connectionString, "Customers", "Id", "Name", "Email", "NormalizedEmail", "Language", "IsVerified", "CreatedAt");
        foreach (var c in world.Customers)
        {
            customers.Row(c.Id, c.Name, c.Email, AgentWorkspace.Features.Customers.CustomerEmail.Normalize(c.Email), c.Language, c.Id % 3 == 0 ? 1 : 0, c.CreatedAt);
        }
        customers.Complete();
    }

    private static void LoadTickets(string connectionString, World world, int ticketCount, long messageCount, Stopwatch total)
    {
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

        // SlaDueKey: long.MaxValue is "no running target" (the value SQLite's migration gives existing rows).
        using var tickets = Copy.Open(connectionString, "Tickets", "Id", "Number", "Subject", "Status", "Priority", "Channel", "Category",
            "Language", "CustomerId", "TeamId", "AssigneeId", "Tier", "CreatedAt", "UpdatedAt", "LastActivityAt", "WaitingSince",
            "FirstResponseAt", "ResolvedAt", "ClosedAt", "LastMessageSeq", "Version", "SlaDueKey");
        using var messages = Copy.Open(connectionString, "Messages", "Id", "TicketId", "Seq", "AuthorKind", "AuthorAgentId", "AuthorCustomerId",
            "Visibility", "Body", "CreatedAt");
        using var tags = Copy.Open(connectionString, "TicketTags", "TicketId", "Tag");
        using var events = Copy.Open(connectionString, "TicketEvents", "Id", "TicketId", "ActorKind", "ActorAgentId", "Field", "OldValue", "NewValue", "CreatedAt");
        using var reads = Copy.Open(connectionString, "TicketReads", "AgentId", "TicketId", "SeenAt");
        using var search = Copy.Open(connectionString, "TicketSearch", "TicketId", "Subject", "Customer", "Body");
        Copy[] all = [tickets, messages, tags, events, reads, search];

        long messageRows = 0, eventRows = 0, rows = 0;
        var lastReport = Stopwatch.StartNew();
        var load = Stopwatch.StartNew();
        foreach (var batch in queue.GetConsumingEnumerable())
        {
            foreach (var t in batch)
            {
                tickets.Row(t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Channel, t.Category, t.Customer.Language, t.Customer.Id,
                    t.TeamId, t.AssigneeId, t.Tier, t.CreatedAt, t.UpdatedAt, t.LastActivityAt, t.WaitingSince, t.FirstResponseAt,
                    t.ResolvedAt, t.ClosedAt, t.Messages.Count, 1L, long.MaxValue);
                foreach (var m in t.Messages)
                {
                    messages.Row(++messageRows, t.Id, m.Seq, m.AuthorKind, m.AgentId, m.CustomerId, m.Visibility, m.Body, m.CreatedAt);
                }
                foreach (var tag in t.Tags) tags.Row(t.Id, tag);
                foreach (var e in t.Events) events.Row(++eventRows, t.Id, "Agent", e.AgentId, e.Field, e.OldValue, e.NewValue, e.CreatedAt);
                if (t.ReadByAssigneeAt is { } seen) reads.Row(t.AssigneeId, t.Id, seen);
                search.Row(t.Id, t.Subject, t.Customer.Name + " " + t.Customer.Email, t.SearchBody);
                rows += 2 + t.Messages.Count + t.Tags.Count + t.Events.Count + (t.ReadByAssigneeAt is null ? 0 : 1);
                if (lastReport.Elapsed.TotalSeconds >= 15 || t.Id == ticketCount)
                {
                    lastReport.Restart();
                    Log(total, $"tickets {t.Id:N0}/{ticketCount:N0}, messages {messageRows:N0}, {rows / load.Elapsed.TotalSeconds:N0} rows/s");
                }
            }
        }
        maker.GetAwaiter().GetResult();
        foreach (var copy in all) copy.Complete();
        Log(total, $"loaded {rows:N0} rows ({messageRows:N0} messages) in {load.Elapsed:mm\\:ss}");
    }

    private static void Exec(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static void Log(Stopwatch total, string message) => Console.WriteLine($"[{total.Elapsed:hh\\:mm\\:ss}] {message}");

    /// <summary>
    /// One table's binary COPY on a connection of its own. Values come as the SQLite generator writes them (ticks as
    /// long, flags as 0/1); each is converted to the column's PostgreSQL type, read from information_schema.
    /// </summary>
    private sealed class Copy : IDisposable
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlBinaryImporter importer;
        private readonly NpgsqlDbType[] types;

        private readonly int given;

        private Copy(NpgsqlConnection connection, NpgsqlBinaryImporter importer, NpgsqlDbType[] types, int given)
        {
            this.given = given;
            this.connection = connection;
            this.importer = importer;
            this.types = types;
        }

        public static Copy Open(string connectionString, string table, params string[] columns)
        {
            var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            Exec(connection, "SET session_replication_role = replica; SET synchronous_commit = off;");
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            var required = new List<string>();
            using (var read = new NpgsqlCommand("""
                SELECT column_name, data_type, is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER'
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t ORDER BY ordinal_position
                """, connection))
            {
                read.Parameters.AddWithValue("t", table);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    byName[reader.GetString(0)] = reader.GetString(1);
                    if (reader.GetBoolean(2)) required.Add(reader.GetString(0));
                }
            }
            // Columns later migrations added: SQLite's AddColumn gave existing rows the type's zero (false, 0, ''),
            // PostgreSQL's initial migration has them without a default; the load writes that zero.
            var zeros = required.Where(c => !columns.Contains(c)).ToArray();
            string[] all = [.. columns, .. zeros];
            var types = all.Select(c => byName.TryGetValue(c, out var type) ? TypeOf(type)
                : throw new InvalidOperationException($"{table} has no column {c}.")).ToArray();
            var importer = connection.BeginBinaryImport(
                $"COPY \"{table}\" ({string.Join(", ", all.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            return new Copy(connection, importer, types, columns.Length);
        }

        private static NpgsqlDbType TypeOf(string dataType) => dataType switch
        {
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "boolean" => NpgsqlDbType.Boolean,
            "text" or "character varying" => NpgsqlDbType.Text,
            _ => throw new NotSupportedException($"Column type {dataType}."),
        };

        public void Row(params object?[] values)
        {
            importer.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is null)
                {
                    importer.WriteNull();
                    continue;
                }
                switch (types[i])
                {
                    case NpgsqlDbType.Integer: importer.Write(Convert.ToInt32(value), NpgsqlDbType.Integer); break;
                    case NpgsqlDbType.Bigint: importer.Write(Convert.ToInt64(value), NpgsqlDbType.Bigint); break;
                    case NpgsqlDbType.Boolean: importer.Write(Convert.ToInt64(value) != 0, NpgsqlDbType.Boolean); break;
                    default: importer.Write((string)value, NpgsqlDbType.Text); break;
                }
            }
            for (var i = given; i < types.Length; i++)
            {
                switch (types[i])
                {
                    case NpgsqlDbType.Integer: importer.Write(0, NpgsqlDbType.Integer); break;
                    case NpgsqlDbType.Bigint: importer.Write(0L, NpgsqlDbType.Bigint); break;
                    case NpgsqlDbType.Boolean: importer.Write(false, NpgsqlDbType.Boolean); break;
                    default: importer.Write("", NpgsqlDbType.Text); break;
                }
            }
        }

        public void Complete() => importer.Complete();

        public void Dispose()
        {
            importer.Dispose();
            connection.Dispose();
        }
    }
}
