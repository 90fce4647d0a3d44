using AgentWorkspace.Data;
using AgentWorkspace.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Prints a new API key issued by an admin, for the chat benchmark's agents.
//   KeyIssuer --db <sqlite file> [--admin admin@nimbus.test] [--name "chat benchmark"]
//   KeyIssuer --postgres <Npgsql connection string> [--admin ...] [--name ...]
// The app must have created and seeded the database first (it does at start-up with DemoData:Enabled).
var options = ParseArgs(args);
var postgres = options.GetValueOrDefault("postgres");
if (!options.TryGetValue("db", out var dbPath) && postgres is null)
{
    Console.Error.WriteLine("usage: KeyIssuer --db <sqlite file> | --postgres <connection string> [--admin email] [--name text]");
    return 2;
}
var adminEmail = options.GetValueOrDefault("admin", "admin@nimbus.test");
var fullPath = postgres is null ? Path.GetFullPath(dbPath!) : "the PostgreSQL database";

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
{
    ContentRootPath = postgres is null ? Path.GetDirectoryName(fullPath) : Path.GetTempPath(),
});
// The same two settings the app reads (Database:Provider, ConnectionStrings:Workspace).
builder.Configuration["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres";
builder.Configuration["ConnectionStrings:Workspace"] = postgres ?? $"Data Source={fullPath}";
// The app's own data wiring (connection string handling, busy timeout, IMMEDIATE transactions) and its key service.
builder.AddWorkspaceData();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLocalization();
builder.Services.AddSingleton<ApiKeyService>();
using var host = builder.Build();

await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
{
    var adminId = await db.Users.Where(u => u.Email == adminEmail).Select(u => u.Id).FirstOrDefaultAsync();
    if (adminId is null)
    {
        Console.Error.WriteLine($"No agent with e-mail {adminEmail} in {fullPath}.");
        return 1;
    }
    var created = await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(adminId, options.GetValueOrDefault("name", "chat benchmark"), teamId: null);
    if (!created.Succeeded)
    {
        Console.Error.WriteLine(created.Error);
        return 1;
    }
    Console.WriteLine(created.Secret);
}
return 0;

static Dictionary<string, string> ParseArgs(string[] args)
{
    var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unexpected argument '{args[i]}'.");
        }
        parsed[args[i][2..]] = args[i + 1];
    }
    return parsed;
}
