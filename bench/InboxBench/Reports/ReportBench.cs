using System.Diagnostics;
using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InboxBench.Reports;

/// <summary>
/// The reports at scale, through the app's own services: <c>reports-prepare</c> migrates the file and rebuilds every
/// report fact from the tickets' history (what <c>AgentWorkspace -- reports rebuild</c> does); <c>reports</c> times
/// whole reports (everything the page computes for one view) over several periods and filters, a drill-down's first
/// inbox page, and the per-event upkeep (one ticket's facts refreshed, as the feed does after each change).
/// </summary>
internal static class ReportBench
{
    public static async Task PrepareAsync(string dbPath)
    {
        using var host = BuildHost(dbPath);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var migrate = Stopwatch.StartNew();
            await db.Database.MigrateAsync();
            Console.WriteLine($"migrations up to date ({migrate.Elapsed.TotalSeconds:F0} s)");
        }
        var clock = Stopwatch.StartNew();
        var count = await host.Services.GetRequiredService<ReportStore>().RebuildAsync();
        Console.WriteLine($"report facts rebuilt for {count:N0} tickets in {clock.Elapsed.TotalSeconds:F0} s ({count / clock.Elapsed.TotalSeconds:F0} tickets/s)");
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA optimize;");
            Console.WriteLine($"cycles {await db.ReportCycles.CountAsync():N0}, hour rows {await db.ReportHours.CountAsync():N0}, escalations {await db.ReportEscalations.CountAsync():N0}, " +
                $"day rows {await db.ReportDays.CountAsync(d => !d.Month):N0}, month rows {await db.ReportDays.CountAsync(d => d.Month):N0}");
            await PrintRowKindsAsync(db);
        }
    }

    /// <summary>How many hour, day and month rows each kind of key holds (the tag, category and agent-by-channel rows' share).</summary>
    private static async Task PrintRowKindsAsync(AppDbContext db)
    {
        var kinds = await db.Database.SqlQueryRaw<RowKind>("""
            SELECT 'hour' AS "Table", CASE WHEN "Channel" LIKE 't:%' THEN 'tag' WHEN "Channel" LIKE 'k:%' THEN 'category' WHEN "Channel" LIKE 'p:%' THEN 'priority' ELSE 'team/channel' END AS "Kind", COUNT(*) AS "Rows"
            FROM "ReportHours" GROUP BY 1, 2
            UNION ALL
            SELECT CASE WHEN "Month" THEN 'month' ELSE 'day' END, CASE WHEN "Channel" LIKE 't:%' THEN 'tag' WHEN "Channel" LIKE 'k:%' THEN 'category' WHEN "Channel" LIKE 'p:%' THEN 'priority'
                WHEN "Channel" <> '*' AND "AgentId" <> '*' THEN 'agent x channel' ELSE 'team/channel/agent' END, COUNT(*)
            FROM "ReportDays" GROUP BY 1, 2
            """).ToListAsync();
        foreach (var kind in kinds.OrderBy(k => k.Table, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Table,-6} {kind.Kind,-20} {kind.Rows,12:N0}");
        }
    }

    private sealed record RowKind(string Table, string Kind, long Rows);

    public static async Task MeasureAsync(string dbPath, int runs, int budgetSeconds, string? only)
    {
        using var host = BuildHost(dbPath);
        var services = host.Services;
        var reports = services.GetRequiredService<ReportQuery>();
        var inbox = services.GetRequiredService<InboxQuery>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        DateOnly last;
        int teamId;
        string agentId;
        string tag;
        string category;
        TicketChannel agentChannel;
        List<int> sampleIds;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            last = DateOnly.FromDateTime((await db.ReportTickets.MaxAsync(t => t.CreatedAt)).UtcDateTime);
            teamId = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            agentId = await db.ReportCycles.Where(c => c.AgentId != null).GroupBy(c => c.AgentId).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
            tag = await db.TicketTags.GroupBy(t => t.Tag).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            category = await db.ReportTickets.Where(t => t.Category != null).GroupBy(t => t.Category).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
            agentChannel = await db.ReportCycles.Where(c => c.AgentId == agentId).GroupBy(c => c.Channel).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            sampleIds = await db.Tickets.OrderByDescending(t => t.Id).Select(t => t.Id).Take(runs).ToListAsync();
        }
        ReportRequest Last(int days, ReportFilters? filters = null, string zone = "Europe/Madrid", bool business = false, ReportGrain grain = ReportGrain.Day) =>
            new(last.AddDays(1 - days), last, zone, filters ?? new ReportFilters(), business, grain);
        var admin = new AgentScope("bench", IsAdmin: true, []);
        var scenarios = new (string Name, Func<int, Task> Run)[]
        {
            ("Report 30 days, no filter", _ => reports.RunAsync(Last(30))),
            ("Report 30 days, one team", _ => reports.RunAsync(Last(30, new ReportFilters { TeamId = teamId }))),
            ("Report 30 days, one channel, business hours", _ => reports.RunAsync(Last(30, new ReportFilters { Channel = TicketChannel.Email }, business: true))),
            ("Report 30 days, one priority", _ => reports.RunAsync(Last(30, new ReportFilters { Priority = TicketPriority.High }))),
            ("Report 30 days, top tag", _ => reports.RunAsync(Last(30, new ReportFilters { Tag = tag }))),
            ("Report 30 days, Asia/Kolkata (half-hour zone)", _ => reports.RunAsync(Last(30, zone: "Asia/Kolkata"))),
            ("Report 90 days by week, no filter", _ => reports.RunAsync(Last(90, grain: ReportGrain.Week))),
            ("Report 365 days by month, no filter", _ => reports.RunAsync(Last(365, grain: ReportGrain.Month))),
            ("Report 365 days by month, one priority", _ => reports.RunAsync(Last(365, new ReportFilters { Priority = TicketPriority.High }, grain: ReportGrain.Month))),
            ("Report 365 days by month, top tag", _ => reports.RunAsync(Last(365, new ReportFilters { Tag = tag }, grain: ReportGrain.Month))),
            ("Report 365 days by month, top category", _ => reports.RunAsync(Last(365, new ReportFilters { Category = category }, grain: ReportGrain.Month))),
            ("Report 365 days by month, busiest agent + channel", _ => reports.RunAsync(Last(365, new ReportFilters { AgentId = agentId, Channel = agentChannel }, grain: ReportGrain.Month))),
            ("Report 365 days by month, agent + channel + team", _ => reports.RunAsync(Last(365, new ReportFilters { AgentId = agentId, Channel = agentChannel, TeamId = teamId }, grain: ReportGrain.Month))),
            // What those filters cost before their rows: the whole report from the facts (the path they took then).
            ("Before: 365 days by month, top tag (facts path)", _ => reports.RunAsync(Last(365, new ReportFilters { Tag = tag }, grain: ReportGrain.Month), factsOnly: true)),
            ("Before: 365 days by month, top category (facts path)", _ => reports.RunAsync(Last(365, new ReportFilters { Category = category }, grain: ReportGrain.Month), factsOnly: true)),
            ("Before: 365 days by month, agent + channel (facts path)", _ => reports.RunAsync(Last(365, new ReportFilters { AgentId = agentId, Channel = agentChannel }, grain: ReportGrain.Month), factsOnly: true)),
            ("Report 365 days by month, busiest agent", _ => reports.RunAsync(Last(365, new ReportFilters { AgentId = agentId }, grain: ReportGrain.Month))),
            ("Drill-down: resolved in 30 days, inbox page 1", _ =>
            {
                var r = Last(30);
                return inbox.ListAsync(admin, new InboxFilter { AnyStatus = true, Sort = InboxSort.Created, Report = new ReportDrill(Metric.Resolved, r.FromUtc, r.ToUtc, r.Filters) });
            }),
            ("Upkeep: one ticket's facts refreshed (per event)", i => services.GetRequiredService<ReportStore>().RefreshAsync([sampleIds[i % sampleIds.Count]])),
        };
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}; last day {last:yyyy-MM-dd}; runs {runs}, budget {budgetSeconds} s each; tag {tag}, category {category}, agent channel {agentChannel}");
        Console.WriteLine($"{"scenario",-58} {"runs",5} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (name, run) in scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            // Warm-up (tiered JIT, page cache): a running app has run its report code many times.
            for (var w = 0; w < 3; w++)
            {
                await run(w);
            }
            var times = new List<double>();
            var budget = Stopwatch.StartNew();
            for (var i = 0; i < runs && budget.Elapsed.TotalSeconds < budgetSeconds; i++)
            {
                var watch = Stopwatch.StartNew();
                await run(i);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            double P(double p) => times[Math.Max(0, (int)Math.Ceiling(p * times.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {times.Count,5} {P(0.5),8:F0} {P(0.9),8:F0} {P(0.99),8:F0} {times[^1],8:F0}"));
        }
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>Only the hourly, per-day and per-month totals, recomputed from the facts already there.</summary>
    public static async Task RebuildDaysAsync(string dbPath)
    {
        using var host = BuildHost(dbPath);
        var clock = Stopwatch.StartNew();
        await host.Services.GetRequiredService<ReportStore>().RebuildTotalsAsync();
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        Console.WriteLine($"totals rebuilt in {clock.Elapsed.TotalSeconds:F0} s: {await db.ReportHours.CountAsync():N0} hour rows, {await db.ReportDays.CountAsync(d => !d.Month):N0} day rows, {await db.ReportDays.CountAsync(d => d.Month):N0} month rows");
        await PrintRowKindsAsync(db);
        await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA optimize;");
    }

    /// <summary>Where a per-day report's time goes: each read of the per-day and hourly rows, timed alone (5 runs, the last shown).</summary>
    public static async Task ProfileAsync(string dbPath, int days)
    {
        using var host = BuildHost(dbPath);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var lastDay = DayKeys.DayOf((await db.ReportTickets.MaxAsync(t => t.CreatedAt)).UtcTicks);
        var (first, end) = (lastDay - (days - 1) * DayKeys.DayTicks, lastDay + DayKeys.DayTicks);
        var rows = db.ReportDays.AsNoTracking().Where(d => !d.Month && d.Day >= first && d.Day < end);
        var slots = new HashSet<int> { 0, 2 };
        var steps = new (string Name, Func<Task<int>> Run)[]
        {
            ("summary rows read (days)", async () => (await rows.Where(d => d.TeamId == -1 && d.Channel == "*" && d.AgentId == "*").ToListAsync()).Count),
            ("summary rows read + parsed", async () => (await rows.Where(d => d.TeamId == -1 && d.Channel == "*" && d.AgentId == "*").ToListAsync()).Sum(r => DayTotals.Read(r).Resolved)),
            ("agent rows read", async () => (await rows.Where(d => d.TeamId == -1 && d.Channel == "*" && d.AgentId != "*").ToListAsync()).Count),
            ("agent rows read + parsed (2 slots)", async () => (await rows.Where(d => d.TeamId == -1 && d.Channel == "*" && d.AgentId != "*").ToListAsync()).Sum(r => DayTotals.Read(r, slots, false).Resolved)),
            ("team rows read + parsed (2 slots)", async () => (await rows.Where(d => d.Channel == "*" && d.AgentId == "*" && d.TeamId != -1).ToListAsync()).Sum(r => DayTotals.Read(r, slots, false).Resolved)),
            ("hour rows", async () => (await db.ReportHours.Where(h => h.TeamId == -1 && h.Channel == "*" && h.Hour >= first && h.Hour < end).ToListAsync()).Count),
        };
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}; {days} days");
        foreach (var (name, run) in steps)
        {
            var result = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                watch.Restart();
                result = await run();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {watch.Elapsed.TotalMilliseconds,8:F1} ms  ({result:N0})"));
        }
    }

    private static IHost BuildHost(string dbPath)
    {
        var fullPath = Path.GetFullPath(dbPath);
        if (!File.Exists(fullPath)) throw new FileNotFoundException("Run generate first.", fullPath);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Path.GetDirectoryName(fullPath),
            EnvironmentName = "Production",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workspace"] = $"Data Source={fullPath}" });
        builder.Services.AddLogging();
        if (Environment.GetEnvironmentVariable("REPORTBENCH_SQL") is not null)
        {
            // Every SQL command with its time, to see where a report's time goes.
            builder.Logging.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning);
        }
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWorkspaceData();
        builder.Services.AddSingleton<AgentWorkspace.Realtime.WorkspaceNotifier>();
        builder.Services.AddInbox();
        // The report services without their feed: this measures queries and the upkeep's unit of work, not a live app.
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<ReportQuery>();
        return builder.Build();
    }
}
