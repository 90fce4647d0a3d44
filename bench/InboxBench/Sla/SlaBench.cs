using System.Diagnostics;
using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InboxBench.Sla;

/// <summary>
/// SLA at scale, on a generated database, through the app's own services:
/// <c>sla-prepare</c> gives it business hours and policies and computes every not-closed ticket's clock with the real
/// <see cref="SlaEngine"/> (as the app's start-up would), so <c>measure --only Due</c> / <c>--only Breaching</c> time the
/// inbox's SLA sort and view on real states; <c>scheduler</c> stores N SLA wake-ups for N distinct open tickets, due
/// evenly over S seconds, runs the real <see cref="JobRunner"/> and reports how late each ran.
/// </summary>
internal static class SlaBench
{
    private const string BenchCalendar = "Bench office";

    public static async Task PrepareAsync(string dbPath)
    {
        using var host = BuildHost(dbPath);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var migrate = Stopwatch.StartNew();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
            Console.WriteLine($"migrations up to date ({migrate.Elapsed.TotalSeconds:F0} s)");
            await EnsurePoliciesAsync(db);
        }

        var engine = host.Services.GetRequiredService<SlaEngine>();
        var clock = Stopwatch.StartNew();
        var after = 0;
        var done = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                ids = await db.Tickets.Where(t => t.Id > after && t.Status != TicketStatus.Closed)
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(500).ToListAsync();
            }
            if (ids.Count == 0)
            {
                break;
            }
            await engine.ReconcileAsync(ids);
            done += ids.Count;
            after = ids[^1];
            if (done % 10_000 < 500)
            {
                Console.WriteLine($"  {done:N0} clocks computed, {done / clock.Elapsed.TotalSeconds:F0} tickets/s");
            }
        }
        Console.WriteLine($"{done:N0} not-closed tickets' clocks computed in {clock.Elapsed.TotalSeconds:F0} s ({done / clock.Elapsed.TotalSeconds:F0} tickets/s)");
        await ReportStatesAsync(dbFactory);
    }

    public static async Task SchedulerAsync(string dbPath, int events, int seconds)
    {
        var timing = new TimingHandlers();
        using var host = BuildHost(dbPath, timing.Wrap);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var open = new List<TicketStatus> { TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.OnHold };
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            ids = await db.Tickets.Where(t => open.Contains(t.Status)).OrderBy(t => t.Id).Select(t => t.Id).Take(events).ToListAsync();
        }
        if (ids.Count < events)
        {
            throw new InvalidOperationException($"Only {ids.Count} open tickets; need {events}.");
        }

        // Work that fell due before this run (the database's own SLA wake-ups, auto-closes and reminders) runs first, as
        // the app's catch-up after downtime: timed on its own, then out of the way of the measured events.
        var runner = host.Services.GetRequiredService<JobRunner>();
        var catchUp = Stopwatch.StartNew();
        var caughtUp = 0;
        for (int ran; (ran = await runner.RunDueAsync()) > 0;)
        {
            caughtUp += ran;
        }
        Console.WriteLine($"catch-up: {caughtUp:N0} overdue jobs run in {catchUp.Elapsed.TotalSeconds:F0} s");
        timing.Reset();

        // Stored in batches as the app stores them (one row per ticket and kind, replaced when rescheduled).
        // The first falls due well after storing ends (20 s for 10,000 on a busy machine), so none is overdue at the start.
        var start = DateTimeOffset.UtcNow.AddSeconds(45);
        var spacing = TimeSpan.FromSeconds(seconds) / events;
        var store = Stopwatch.StartNew();
        foreach (var chunk in ids.Select((id, i) => (id, i)).Chunk(1000))
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var (id, i) in chunk)
            {
                await JobScheduler.ScheduleAsync(db, SlaEngine.JobKind, id.ToString(CultureInfo.InvariantCulture), start + (spacing * i), null, DateTimeOffset.UtcNow);
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Console.WriteLine($"{events:N0} SLA wake-ups stored in {store.Elapsed.TotalSeconds:F1} s, due from {start:HH:mm:ss} over {seconds} s (the first in {(start - DateTimeOffset.UtcNow).TotalSeconds:F0} s)");
        Console.WriteLine($"load average at start: {LoadAverage()}");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await runner.StartAsync(CancellationToken.None);
        var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var deadline = start.AddSeconds(seconds + 600);
        int pending;
        do
        {
            await Task.Delay(1000);
            await using var db = await dbFactory.CreateDbContextAsync();
            pending = await db.ScheduledJobs.CountAsync(j => j.Kind == SlaEngine.JobKind && keys.Contains(j.Key) && j.State == JobState.Pending && j.DueAt <= start + (spacing * events));
        }
        while (pending > 0 && DateTimeOffset.UtcNow < deadline);
        await runner.StopAsync(CancellationToken.None);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"load average at end: {LoadAverage()}; runner process CPU {cpuUsed.TotalSeconds:F1} s");

        // How late each ran: when its handler finished against the instant it was due.
        var dueByKey = ids.Select((id, i) => (Key: id.ToString(CultureInfo.InvariantCulture), Due: start + (spacing * i))).ToDictionary(x => x.Key, x => x.Due);
        // A ticket's own wake-up may also have fallen in the window: each key's first finish at or after its due instant.
        var finished = timing.Finished.Where(f => dueByKey.TryGetValue(f.Key, out var due) && f.At >= due)
            .GroupBy(f => f.Key).Select(g => g.MinBy(f => f.At)).ToList();
        if (finished.Count == 0)
        {
            Console.WriteLine("no job ran");
            return;
        }
        var lateness = finished.Select(f => (f.At - dueByKey[f.Key]).TotalMilliseconds).Order().ToList();
        var handling = finished.Select(f => f.Took.TotalMilliseconds).Order().ToList();
        var first = finished.Min(f => f.At);
        var last = finished.Max(f => f.At);
        Console.WriteLine($"ran {finished.Count:N0} of {events:N0}; still pending when stopped: {pending}");
        Console.WriteLine($"lateness (handler finished - due): p50 {Pct(lateness, 0.5):F0} ms, p99 {Pct(lateness, 0.99):F0} ms, max {lateness[^1]:F0} ms");
        Console.WriteLine($"handler time per call: p50 {Pct(handling, 0.5):F1} ms, p99 {Pct(handling, 0.99):F1} ms ({timing.Calls:N0} calls)");
        Console.WriteLine($"throughput: {finished.Count / Math.Max(1.0 / 60, (last - first).TotalMinutes):F0} per minute between first and last ({(last - first).TotalSeconds:F0} s; due over {seconds} s)");
    }

    /// <summary>Notes when each job's handler finished, and how long each call took.</summary>
    private sealed class TimingHandlers
    {
        public System.Collections.Concurrent.ConcurrentBag<(string Key, DateTimeOffset At, TimeSpan Took)> Finished { get; } = [];
        private int calls;
        public int Calls => calls;

        public void Reset()
        {
            Finished.Clear();
            calls = 0;
        }

        public IJobHandler Wrap(IJobHandler inner) => inner is IBatchJobHandler batch ? new TimedBatch(batch, this) : new Timed(inner, this);

        private void Note(IEnumerable<JobRun> jobs, long started)
        {
            var took = Stopwatch.GetElapsedTime(started);
            Interlocked.Increment(ref calls);
            var at = DateTimeOffset.UtcNow;
            foreach (var job in jobs)
            {
                Finished.Add((job.Key, at, took));
            }
        }

        private sealed class Timed(IJobHandler inner, TimingHandlers timing) : IJobHandler
        {
            public string Kind => inner.Kind;

            public async Task HandleAsync(JobRun job, CancellationToken cancellationToken)
            {
                var started = Stopwatch.GetTimestamp();
                await inner.HandleAsync(job, cancellationToken);
                timing.Note([job], started);
            }
        }

        private sealed class TimedBatch(IBatchJobHandler inner, TimingHandlers timing) : IBatchJobHandler
        {
            public string Kind => inner.Kind;

            public async Task HandleAsync(JobRun job, CancellationToken cancellationToken)
            {
                var started = Stopwatch.GetTimestamp();
                await inner.HandleAsync(job, cancellationToken);
                timing.Note([job], started);
            }

            public async Task HandleBatchAsync(IReadOnlyList<JobRun> jobs, CancellationToken cancellationToken)
            {
                var started = Stopwatch.GetTimestamp();
                await inner.HandleBatchAsync(jobs, cancellationToken);
                timing.Note(jobs, started);
            }
        }
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The app's own registrations for everything the SLA engine and the job runner use; no hosted service is started.</summary>
    private static IHost BuildHost(string dbPath, Func<IJobHandler, IJobHandler>? wrap = null)
    {
        var fullPath = Path.GetFullPath(dbPath);
        if (!File.Exists(fullPath)) throw new FileNotFoundException("Run generate first.", fullPath);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Path.GetDirectoryName(fullPath),
            EnvironmentName = "Production",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workspace"] = $"Data Source={fullPath}",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWorkspaceData();
        builder.Services.AddSingleton<WorkspaceNotifier>();
        builder.Services.AddAgents();
        builder.Services.AddPresence();
        builder.Services.AddNotifications();
        builder.Services.AddTickets();
        builder.Services.AddInbox();
        builder.Services.AddChat(builder.Configuration);
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddSuggestions();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddSla(builder.Configuration);
        if (wrap is not null)
        {
            // Every handler the runner gets is the app's own, wrapped to note when each job finished.
            var handlers = builder.Services.Where(d => d.ServiceType == typeof(IJobHandler)).ToList();
            foreach (var descriptor in handlers)
            {
                builder.Services.Remove(descriptor);
                builder.Services.AddSingleton<IJobHandler>(sp => wrap((IJobHandler)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!)));
            }
        }
        return builder.Build();
    }

    /// <summary>A business-hours calendar and one policy per priority, unless the database has policies already.</summary>
    private static async Task EnsurePoliciesAsync(AppDbContext db)
    {
        if (await db.SlaPolicies.AnyAsync())
        {
            Console.WriteLine("policies present: kept");
            return;
        }
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        if (!await db.BusinessCalendars.AnyAsync(c => c.IsDefault))
        {
            db.BusinessCalendars.Add(new BusinessCalendar
            {
                Name = BenchCalendar,
                TimeZoneId = "Europe/Madrid",
                IsDefault = true,
                Blocks = [.. weekdays.SelectMany(d => new[]
                {
                    new OpeningBlock { Day = d, StartMinute = 9 * 60, EndMinute = 13 * 60 },
                    new OpeningBlock { Day = d, StartMinute = 14 * 60, EndMinute = 18 * 60 },
                })],
            });
        }
        var now = DateTimeOffset.UtcNow;
        db.SlaPolicies.AddRange(
            new SlaPolicy { Name = "Urgent", Position = 1, Priorities = [TicketPriority.Urgent], FirstResponseMinutes = 30, NextResponseMinutes = 60, ResolutionMinutes = 4 * 60, UpdatedAt = now },
            new SlaPolicy { Name = "High", Position = 2, Priorities = [TicketPriority.High], FirstResponseMinutes = 2 * 60, NextResponseMinutes = 4 * 60, ResolutionMinutes = 16 * 60, UpdatedAt = now },
            new SlaPolicy
            {
                Name = "Normal and low", Position = 3, Priorities = [TicketPriority.Low, TicketPriority.Normal],
                FirstResponseMinutes = 8 * 60, NextResponseMinutes = 8 * 60, ResolutionMinutes = 24 * 60,
                PauseStatuses = [TicketStatus.WaitingOnCustomer, TicketStatus.OnHold], UpdatedAt = now,
            });
        await db.SaveChangesAsync();
        Console.WriteLine("bench calendar and three policies stored");
    }

    private static async Task ReportStatesAsync(IDbContextFactory<AppDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var open = new List<TicketStatus> { TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.OnHold };
        var now = DateTimeOffset.UtcNow;
        var openCount = await db.Tickets.CountAsync(t => open.Contains(t.Status));
        var running = await db.Tickets.CountAsync(t => open.Contains(t.Status) && t.SlaDueKey != long.MaxValue);
        var breaching = await db.Tickets.CountAsync(t => open.Contains(t.Status) && t.SlaAttentionAt <= now);
        var breached = await db.SlaStates.CountAsync(s => s.BreachedAt != null);
        Console.WriteLine($"open tickets {openCount:N0}: with a running target {running:N0}, in 'Breaching soon' now {breaching:N0}; states with a breach {breached:N0}");
    }
}
