using System.Diagnostics;
using AgentWorkspace.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// Which database the data, service and HTTP tests run on: SQLite files (the default), or PostgreSQL when
/// AW_TEST_DATABASE=Postgres (.ci/run's second pass). Tests that only make sense on one provider say so with
/// <see cref="SqliteOnlyFactAttribute"/> / <see cref="PostgresOnlyFactAttribute"/>.
/// </summary>
public static class TestDatabases
{
    public static bool Postgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("AW_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Database:Provider setting that goes with <see cref="Postgres"/>.</summary>
    public static string Provider => Postgres ? "Postgres" : "Sqlite";
}

/// <summary>A test about SQLite itself (PRAGMAs, the file, the write gate, the SQLite migrations): skipped on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabases.Postgres)
        {
            Skip = "SQLite only (the run is on PostgreSQL)";
        }
    }
}

/// <summary>A theory about SQLite itself: skipped on PostgreSQL.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute()
    {
        if (TestDatabases.Postgres)
        {
            Skip = "SQLite only (the run is on PostgreSQL)";
        }
    }
}

/// <summary>A test of how the app behaves on PostgreSQL (its app host runs on the run's provider): skipped in the SQLite pass.</summary>
public sealed class PostgresRunFactAttribute : FactAttribute
{
    public PostgresRunFactAttribute()
    {
        if (!TestDatabases.Postgres)
        {
            Skip = "PostgreSQL only (the run is on SQLite)";
        }
    }
}

/// <summary>A test of the PostgreSQL provider: starts the test server itself, so it also runs in the SQLite pass.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!PostgresServer.Installed)
        {
            Skip = $"PostgreSQL is not installed ({PostgresServer.Bin})";
        }
    }
}

/// <summary>
/// One PostgreSQL 15 server for the whole test run, started on first use: initdb in a temp folder, pg_ctl on a free
/// loopback port with its unix socket in that folder (no service manager), stopped and deleted when the test process
/// exits. Durability is off (fsync, synchronous_commit): a test database never outlives the run. Every app host and
/// TempDatabase gets its own database, copied from a template the PostgreSQL migrations were applied to once.
/// initdb refuses to run as root, so as root the server runs as the postgres user.
/// </summary>
public static class PostgresServer
{
    public const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Template = "aw_template";

    private static readonly Lazy<Instance> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock CreateLock = new();

    public static bool Installed => File.Exists(Path.Combine(Bin, "pg_ctl"));

    /// <summary>A new, migrated, empty database; its connection string.</summary>
    public static string CreateDatabase()
    {
        var server = Server.Value;
        var name = "aw_" + Guid.NewGuid().ToString("N");
        // CREATE DATABASE copies the template and needs it free of other connections: one copy at a time.
        lock (CreateLock)
        {
            Execute(server.ConnectionString("postgres"), $"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        }
        return server.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever still holds it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        try
        {
            Execute(Server.Value.ConnectionString("postgres"), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server is going away with the test process anyway.
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Instance Start()
    {
        RemoveLeftovers();
        var root = Path.Combine(Path.GetTempPath(), $"aw-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..30]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres", root], asPostgres: false);
        }
        var data = Path.Combine(root, "data");
        Run(Path.Combine(Bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = LoopbackPorts.Free();
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB";
        Run(Path.Combine(Bin, "pg_ctl"), ["start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(root, "server.log"), "-o", options], asRoot);
        var instance = new Instance(port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(Bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", data], asRoot, check: false);
            Run("rm", ["-rf", root], asPostgres: false, check: false);
        };

        Execute(instance.ConnectionString("postgres"), $"CREATE DATABASE {Template}");
        using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(instance.ConnectionString(Template) + ";Pooling=false").Options))
        {
            db.Database.Migrate();
        }
        return instance;
    }

    /// <summary>Servers of test runs that were killed (no ProcessExit): stopped, and their folders deleted.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "aw-pg-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], out var pid) || IsRunning(pid))
            {
                continue;
            }
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                Run(Path.Combine(Bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", data], Environment.UserName == "root", check: false);
            }
            Run("rm", ["-rf", folder], asPostgres: false, check: false);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres, bool check = true)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        // pg_ctl's server keeps the pipes open: read them only until the command itself exits.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            throw new InvalidOperationException($"{file} did not finish in 2 minutes");
        }
        if (check && process.ExitCode != 0)
        {
            var said = error.Wait(1000) ? error.Result : "";
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {said}");
        }
        _ = output;
    }

    private sealed record Instance(int Port)
    {
        // Idle pooled connections go soon: hundreds of app hosts come and go in one run.
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Connection Idle Lifetime=15;Connection Pruning Interval=5";
    }
}
