using System.Diagnostics;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InboxBench.Measure;

/// <summary>
/// Times the app's own query services, wired by the app's own AddWorkspaceData/AddTickets (so the
/// DbContext factory, connection string handling and SqlitePragmas interceptor are the production ones).
/// </summary>
internal static class Runner
{
    private const int WarmUps = 20;
    private const double TargetMs = 20;

    public static async Task RunAsync(string? dbPath, string? postgres, int runs, int budgetSeconds, string? only, bool allPlans)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = dbPath is null ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(dbPath)),
        });
        if (postgres is not null)
        {
            builder.Configuration["Database:Provider"] = "Postgres";
            builder.Configuration["ConnectionStrings:Workspace"] = postgres;
            builder.Configuration["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "inboxbench-keys");
        }
        else
        {
            var fullPath = Path.GetFullPath(dbPath!);
            if (!File.Exists(fullPath)) throw new FileNotFoundException("Run generate first.", fullPath);
            builder.Configuration["ConnectionStrings:Workspace"] = $"Data Source={fullPath}";
        }
        var plans = new PlanCapture();
        builder.AddWorkspaceData();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AgentWorkspace.Realtime.WorkspaceNotifier>();
        builder.Services.AddTickets();
        builder.Services.AddInbox();
        // Both providers' context factories add every IInterceptor service, so the capture sees either one's commands.
        builder.Services.AddSingleton<IInterceptor>(plans);
        using var host = builder.Build();
        // A database generated before the latest migrations gets the app's newer indexes, exactly as the app would apply them.
        await using (var db = await host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var migrate = Stopwatch.StartNew();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
            if (postgres is null)
            {
                // As the app does at start-up: statistics for new indexes, so the planner can choose them.
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA optimize;");
            }
            Console.WriteLine($"migrations up to date ({migrate.Elapsed.TotalSeconds:F0} s)");
        }
        var inbox = host.Services.GetRequiredService<InboxQuery>();
        var tickets = host.Services.GetRequiredService<TicketQueries>();

        var setup = Stopwatch.StartNew();
        var data = await LoadBenchDataAsync(host.Services);
        Console.WriteLine($"{data.Agents.Count} single-team agents, tickets #{data.FirstNumber}..#{data.LastNumber}");
        var scenarios = (await Scenarios.BuildAsync(inbox, tickets, data, Console.WriteLine))
            .Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        Console.WriteLine($"{scenarios.Count} scenarios ready in {setup.Elapsed.TotalSeconds:F0} s (deep-page cursors walked)");

        var results = new List<(Scenario Scenario, Stats Stats)>();
        foreach (var scenario in scenarios)
        {
            var stats = await TimeAsync(scenario, runs, TimeSpan.FromSeconds(budgetSeconds));
            results.Add((scenario, stats));
            Console.WriteLine($"  {scenario.Name}: n={stats.Count} p50={stats.P50:F2} p99={stats.P99:F2} max={stats.Max:F2} ms, rows={stats.Rows}");
        }

        Console.WriteLine();
        Console.WriteLine("| Query | n | p50 ms | p99 ms | max ms | rows | p99 ≤ 20 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|:---:|");
        foreach (var (scenario, s) in results)
        {
            Console.WriteLine($"| {scenario.Name} | {s.Count} | {s.P50:F1} | {s.P99:F1} | {s.Max:F1} | {s.Rows} | {(s.P99 <= TargetMs ? "yes" : "**no**")} |");
        }

        foreach (var (scenario, s) in results.Where(r => allPlans || r.Stats.P99 > TargetMs))
        {
            plans.Enabled = true;
            await scenario.Run(new Random(1));
            plans.Enabled = false;
            Console.WriteLine();
            Console.WriteLine($"### {scenario.Name} (p99 {s.P99:F1} ms)");
            foreach (var command in plans.Drain())
            {
                Console.WriteLine(command);
            }
        }
    }

    private sealed record Stats(int Count, double P50, double P99, double Max, int Rows);

    private static async Task<Stats> TimeAsync(Scenario scenario, int runs, TimeSpan budget)
    {
        var rng = new Random(scenario.Name.Length * 7919 + runs);
        var clock = Stopwatch.StartNew();
        // Warm-up and runs share one budget so a query taking seconds still finishes with honest (fewer) samples.
        for (var i = 0; i < WarmUps && clock.Elapsed < budget / 4; i++)
        {
            await scenario.Run(rng);
        }
        clock.Restart();
        var samples = new List<double>(runs);
        var rows = 0;
        for (var i = 0; i < runs && (clock.Elapsed < budget || samples.Count < 5); i++)
        {
            var start = Stopwatch.GetTimestamp();
            rows = await scenario.Run(rng);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        samples.Sort();
        return new Stats(samples.Count, Percentile(samples, 0.50), Percentile(samples, 0.99), samples[^1], rows);
    }

    /// <summary>Nearest rank: with 200 samples p99 is the 198th fastest.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<BenchData> LoadBenchDataAsync(IServiceProvider services)
    {
        var resolver = services.GetRequiredService<AgentScopeResolver>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var singleTeam = await db.TeamMembers.GroupBy(m => m.AgentId).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(id => id).ToListAsync();
        var agents = new List<AgentScope>();
        foreach (var id in singleTeam)
        {
            agents.Add(await resolver.ForAgentAsync(id, isAdmin: false));
        }
        var adminId = await db.Users.Where(u => u.Email!.StartsWith("admin@")).Select(u => u.Id).SingleAsync();
        var first = await db.Tickets.MinAsync(t => t.Number);
        var last = await db.Tickets.MaxAsync(t => t.Number);
        // A customer's e-mail "maria.garcia123@..." is tokenized to "garcia123": a term in only that customer's tickets.
        var emails = await db.Customers.OrderBy(c => c.Id).Where(c => c.Id % 97 == 0).Select(c => c.Email!).Take(500).ToListAsync();
        var tokens = emails.Select(e => e.Split('@')[0].Split('.')[^1]).ToList();
        return new BenchData(agents, await resolver.ForAgentAsync(adminId, isAdmin: true), first, last, tokens);
    }
}
