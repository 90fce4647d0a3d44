using AgentWorkspace.Data.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Data;

public static class DataServiceExtensions
{
    public const string ConnectionStringName = "Workspace";

    /// <summary>Database:LockTimeoutMs's default (PostgreSQL).</summary>
    public const int DefaultLockTimeoutMs = 15_000;

    /// <summary>
    /// One connection string, ConnectionStrings:Workspace, for the provider Database:Provider names: Sqlite (the
    /// default: a file, by default in data/ under the content root; a relative Data Source is resolved against the
    /// content root so the app finds the same file whatever the working directory) or Postgres (an Npgsql connection
    /// string; several app nodes may share the database).
    /// </summary>
    public static IHostApplicationBuilder AddWorkspaceData(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        var busyTimeoutMs = builder.Configuration.GetValue("Database:BusyTimeoutMs", 5000);
        string keysDirectory;
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = configured
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Workspace is not set.");
            // How long a write queues for its locks before it gives up: what a person waits for an answer, since a
            // burst of chat starts queues here the way SQLite's writers queue in SqliteWriteGate.
            var lockTimeoutMs = builder.Configuration.GetValue("Database:LockTimeoutMs", DefaultLockTimeoutMs);
            // Features add their own interceptors as IInterceptor services (e.g. the inbox's count deltas).
            builder.Services.AddPostgresDbContextFactory((services, options) => options
                .UseNpgsql(connectionString)
                .AddInterceptors(services.GetServices<IInterceptor>())
                .AddInterceptors(new PostgresWriteLock(lockTimeoutMs)));
            builder.Services.AddHostedService<PostgresNodeLock>();
            keysDirectory = Path.Combine(builder.Environment.ContentRootPath, "data");
        }
        else
        {
            var connectionString = ResolveConnectionString(configured ?? "Data Source=data/agentworkspace.db", builder.Environment.ContentRootPath);
            // Features' interceptors run before the write gate, so what they do at commit happens while the
            // transaction still holds the write turn.
            builder.Services.AddDbContextFactory<AppDbContext>((services, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(services.GetServices<IInterceptor>())
                .AddInterceptors(new SqlitePragmas(busyTimeoutMs), new SqliteWriteGate(busyTimeoutMs)));
            keysDirectory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource) is { Length: > 0 } dir
                ? dir : builder.Environment.ContentRootPath;
        }
        // Sign-in cookies are encrypted with these keys: keeping them beside the database lets agents
        // stay signed in (and open pages reconnect) across restarts.
        var keysPath = builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(keysDirectory, "keys");
        builder.Services.AddDataProtection().SetApplicationName("AgentWorkspace").PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        builder.Services.AddOptions<DemoDataOptions>().Bind(builder.Configuration.GetSection(DemoDataOptions.Section));
        return builder;
    }

    /// <summary>
    /// The PostgreSQL context behind the types services ask for (<see cref="AppDbContext"/> and its factory): the
    /// provider's own context type owns its migrations.
    /// </summary>
    internal static IServiceCollection AddPostgresDbContextFactory(
        this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
    {
        services.AddDbContextFactory<PostgresAppDbContext>(configure);
        services.AddSingleton<IDbContextFactory<AppDbContext>>(provider =>
            new BaseTypeFactory(provider.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>()));
        services.AddScoped<AppDbContext>(provider => provider.GetRequiredService<PostgresAppDbContext>());
        return services;
    }

    private sealed class BaseTypeFactory(IDbContextFactory<PostgresAppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    internal static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        return csb.ToString();
    }

    /// <summary>Applies pending migrations (creating the file on first run), turns on WAL on SQLite, and seeds demo data into an empty database.</summary>
    public static async Task InitializeWorkspaceDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.Database.IsPostgres())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            // Refreshes the planner's statistics where they are stale; cheap when they are not.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }

        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        var demo = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoDataOptions>>().Value;
        if (demo.Enabled && !await db.Users.AnyAsync(cancellationToken))
        {
            await Seed.DemoDataSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
            await Features.Tickets.TicketSearchIndex.RebuildAsync(db, cancellationToken);
            await Features.KnowledgeBase.ArticleSearchIndex.RebuildAsync(db, cancellationToken);
            await Features.Customers.CustomerSearchIndex.RebuildAsync(db, cancellationToken);
        }
    }
}

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seed demo agents, customers, tickets and articles when the database has no agents yet.</summary>
    public bool Enabled { get; set; } = true;
}
