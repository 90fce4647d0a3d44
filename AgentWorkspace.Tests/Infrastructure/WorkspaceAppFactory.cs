using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// The real app, on Kestrel on a free loopback port, with its own SQLite file in a temp folder and the
/// demo data seeded. One per test collection: browser tests and HTTP tests talk to it as a client would.
/// </summary>
public sealed class WorkspaceAppFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; }

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "workspace.db");

    /// <summary>
    /// The app's connection string. On PostgreSQL the database is made with the data folder and named in a file inside
    /// it, so an app restarted on the same folder finds the same database.
    /// </summary>
    public string ConnectionString { get; }

    private readonly bool seedDemoData;
    private readonly bool ownsDataDirectory;

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    public WorkspaceAppFactory() : this(seedDemoData: true, dataDirectory: null, port: 0, settings: null, services: null)
    {
    }

    /// <summary>An app host with its own settings (xunit fixtures may only have one public constructor).</summary>
    /// <param name="services">Replaces app services, e.g. the <see cref="TimeProvider"/> with a fake clock.</param>
    public static WorkspaceAppFactory Create(
        bool seedDemoData = true, string? dataDirectory = null, int port = 0, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        new(seedDemoData, dataDirectory, port, settings, services);

    /// <param name="seedDemoData">Seed the demo agents, tickets and articles into the empty database.</param>
    /// <param name="dataDirectory">Reuse an existing data folder (database and keys), e.g. to restart the app on it; the caller then deletes it.</param>
    /// <param name="port">A fixed loopback port, so a restarted app answers where the old one did; 0 picks a free one.</param>
    private WorkspaceAppFactory(bool seedDemoData, string? dataDirectory, int port, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        this.services = services;
        this.seedDemoData = seedDemoData;
        this.settings = settings ?? new Dictionary<string, string?>();
        ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "aw-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        ConnectionString = TestDatabases.Postgres ? PostgresDatabaseOf(DataDirectory) : $"Data Source={DatabasePath}";
        UseKestrel(port);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabases.Provider);
        builder.UseSetting("ConnectionStrings:Workspace", ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(DataDirectory, "keys"));
        builder.UseSetting("DemoData:Enabled", seedDemoData ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Automatic assignment would move the tickets other tests create (and the demo agents they sign in get them):
        // tests that exercise routing switch it on with "Routing:Enabled" = "true" in their settings.
        builder.UseSetting("Routing:Enabled", "false");
        // Embedding the demo KB's articles costs ~30 s of CPU per host: only the dense tests switch it on.
        builder.UseSetting("Suggestions:Dense:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>The base address of the Kestrel server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDataDirectory)
        {
            if (TestDatabases.Postgres)
            {
                PostgresServer.DropDatabase(ConnectionString);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDeleteDirectory(DataDirectory);
        }
    }

    private static string PostgresDatabaseOf(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "postgres-connection.txt");
        if (File.Exists(file))
        {
            return File.ReadAllText(file);
        }
        var connectionString = PostgresServer.CreateDatabase();
        File.WriteAllText(file, connectionString);
        return connectionString;
    }

    internal static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
