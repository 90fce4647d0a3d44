using System.Collections.Concurrent;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>
/// The real ticket, notification, scheduler and SLA services in a host (no web server) on a SQLite file, with a fake
/// clock that starts on Monday 7 December 2026 at 09:00 in Madrid (08:00 UTC). A small team world: Support (Ana, Tom)
/// and Tier 2 (Luis), a supervisor (Sam), a customer and a VIP customer, the Madrid office calendar (Mon-Fri 9-13 and
/// 14-18, closed on Tuesday 8 December) and three policies: Urgent, VIP, Everything else.
/// Several hosts can run on one file (a restart, or two app nodes).
/// </summary>
public sealed class SlaWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly TempDatabase database = new();
    private readonly List<IHost> hosts = [];

    public FakeTimeProvider Clock { get; } = new(Start);
    public IHost Host { get; private set; } = null!;
    public Ids Id { get; private set; } = null!;

    /// <summary>How many jobs each call of <see cref="BatchCountingJobs"/> got.</summary>
    public ConcurrentBag<int> BatchSizes { get; } = [];

    /// <summary>Runs of the test job kind, by key (see <see cref="CountingJobs"/>).</summary>
    public ConcurrentDictionary<string, int> JobRuns { get; } = new();

    public sealed record Ids(int Support, int Tier2, string Ana, string Tom, string Luis, string Sam, int Customer, int VipCustomer,
        int UrgentPolicy, int VipPolicy, int DefaultPolicy, int Calendar);

    /// <summary>More services for every host of this world (another feature's tests reuse the world).</summary>
    private Action<IServiceCollection>? moreServices;

    public static async Task<SlaWorld> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var world = new SlaWorld { moreServices = services };
        File.Copy(Template.Value, Path.Combine(world.database.Folder, "test.db"));
        world.Id = await world.SeedAsync();
        world.Host = await world.StartHostAsync(settings);
        return world;
    }

    public IServiceProvider Services => Host.Services;
    public TicketService Tickets => Services.GetRequiredService<TicketService>();
    public SlaClock SlaClock => Services.GetRequiredService<SlaClock>();
    public SlaAdminService Admin => Services.GetRequiredService<SlaAdminService>();
    public AppDbContext Db() => database.CreateContext();

    /// <summary>Another host on the same database: an app restarted, or a second node.</summary>
    public async Task<IHost> StartHostAsync(IReadOnlyDictionary<string, string?>? settings = null, bool start = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = database.Folder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workspace"] = database.ConnectionString,
            ["Database:Provider"] = database.Provider,
            ["DataProtection:KeysPath"] = Path.Combine(database.Folder, "keys"),
            ["DemoData:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddWorkspaceData();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<WorkspaceNotifier>();
        builder.Services.AddNotifications();
        builder.Services.AddTickets();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddSla(builder.Configuration);
        builder.Services.AddSingleton<IJobHandler>(new CountingJobs(JobRuns));
        builder.Services.AddSingleton<IJobHandler>(new BatchCountingJobs(JobRuns, BatchSizes));
        moreServices?.Invoke(builder.Services);
        var host = builder.Build();
        hosts.Add(host);
        if (start)
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<SlaFeed>().CatchUp;
        }
        return host;
    }

    /// <summary>Stops the current host as a shutdown would (its leases stay until they run out).</summary>
    public async Task StopAsync()
    {
        await Host.StopAsync();
    }

    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Host = await StartHostAsync(settings);
    }

    /// <summary>A new ticket from the customer (created now, by the fake clock), routed to Support and assigned to Ana.</summary>
    public async Task<int> NewTicketAsync(TicketPriority priority = TicketPriority.Normal, bool vip = false, bool assign = true, int? teamId = null)
    {
        var created = await Tickets.CreateTicketAsync(new NewTicket(vip ? Id.VipCustomer : Id.Customer, $"Help {Guid.NewGuid():N}", "Hello, the shop is down.",
            TicketChannel.Email, priority, teamId ?? Id.Support));
        created.Succeeded.ShouldBeTrue(created.Error);
        await using var db = Db();
        var ticketId = await db.Tickets.Where(t => t.Number == created.TicketNumber).Select(t => t.Id).SingleAsync();
        if (assign)
        {
            (await Tickets.ExecuteAsync(await ScopeAsync(Id.Ana), ticketId, new Assign(null, Id.Ana))).Succeeded.ShouldBeTrue();
        }
        await WaitForStateAsync(ticketId);
        return ticketId;
    }

    public async Task<AgentScope> ScopeAsync(string agentId)
    {
        await using var db = Db();
        var teams = await db.TeamMembers.Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync();
        return new AgentScope(agentId, false, teams);
    }

    /// <summary>Moves the fake clock on and lets the scheduler run what fell due (waits until no due job is left).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await WaitUntilAsync(async () =>
        {
            await using var db = Db();
            var now = Clock.GetUtcNow();
            // A running job may already have moved its own row to its next due time: wait for its lease to be given back too.
            return !await db.ScheduledJobs.AnyAsync(j => j.State == JobState.Pending && (j.DueAt <= now || j.LeaseOwner != null) && j.Kind != CountingJobs.Kind);
        }, "the scheduler ran what fell due");
    }

    /// <summary>Waits until the ticket's SLA state reflects the ticket's latest version.</summary>
    public async Task<SlaState> WaitForStateAsync(int ticketId)
    {
        SlaState? state = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = Db();
            var version = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Version).SingleAsync();
            state = await db.SlaStates.AsNoTracking().SingleOrDefaultAsync(s => s.TicketId == ticketId);
            return state is not null && state.TicketVersion == version;
        }, $"the SLA state of ticket {ticketId} caught up");
        return state!;
    }

    public async Task<SlaState> StateAsync(int ticketId)
    {
        await using var db = Db();
        return await db.SlaStates.AsNoTracking().SingleAsync(s => s.TicketId == ticketId);
    }

    public async Task<List<TicketEvent>> SlaHistoryAsync(int ticketId)
    {
        await using var db = Db();
        return await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId && e.Field.StartsWith("SLA"))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync();
    }

    public async Task<List<string>> NotificationsAsync(string agentId)
    {
        await using var db = Db();
        return await db.Notifications.Where(n => n.AgentId == agentId).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    public async Task UpdatePolicyAsync(int policyId, Action<SlaPolicy> change)
    {
        await using var db = Db();
        var policy = await db.SlaPolicies.SingleAsync(p => p.Id == policyId);
        change(policy);
        await db.SaveChangesAsync();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 15 s for: {what}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Instants in Madrid's winter time (UTC+1), as the tests state them.</summary>
    public static DateTimeOffset Madrid(int day, int hour, int minute = 0, int second = 0) => new DateTimeOffset(2026, 12, day, hour, minute, second, TimeSpan.FromHours(1)).ToUniversalTime();

    private async Task<Ids> SeedAsync()
    {
        await using var db = Db();
        var support = new Team { Name = "Support" };
        var tier2 = new Team { Name = "Tier 2" };
        db.Teams.AddRange(support, tier2);
        Agent Agent(string name) => new() { UserName = $"{name.ToLowerInvariant()}@sla.test", Email = $"{name.ToLowerInvariant()}@sla.test", DisplayName = name, CreatedAt = Start };
        var (ana, tom, luis, sam) = (Agent("Ana"), Agent("Tom"), Agent("Luis"), Agent("Sam"));
        db.Users.AddRange(ana, tom, luis, sam);
        await db.SaveChangesAsync();
        db.TeamMembers.AddRange(
            new TeamMember { TeamId = support.Id, AgentId = ana.Id }, new TeamMember { TeamId = support.Id, AgentId = tom.Id },
            new TeamMember { TeamId = tier2.Id, AgentId = luis.Id });
        var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = Start };
        var vip = new Customer { Name = "Vera", Email = "vera@example.com", IsVip = true, CreatedAt = Start };
        db.Customers.AddRange(customer, vip);
        var calendar = new BusinessCalendar
        {
            Name = "Madrid office",
            TimeZoneId = "Europe/Madrid",
            IsDefault = true,
            Blocks = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .SelectMany(d => new[] { new OpeningBlock { Day = d, StartMinute = 540, EndMinute = 780 }, new OpeningBlock { Day = d, StartMinute = 840, EndMinute = 1080 } })],
            Holidays = [new Holiday { Date = new DateOnly(2026, 12, 8), Name = "Inmaculada Concepción" }],
        };
        db.BusinessCalendars.Add(calendar);
        var urgent = new SlaPolicy
        {
            Name = "Urgent", Position = 1, Priorities = [TicketPriority.Urgent],
            FirstResponseMinutes = 30, NextResponseMinutes = 60, ResolutionMinutes = 240, NotifyAgentId = sam.Id,
        };
        var vipPolicy = new SlaPolicy { Name = "VIP", Position = 2, VipCustomers = true, FirstResponseMinutes = 60, NextResponseMinutes = 120, ResolutionMinutes = 480 };
        var everything = new SlaPolicy { Name = "Everything else", Position = 3, FirstResponseMinutes = 120, NextResponseMinutes = 240, ResolutionMinutes = 960 };
        db.SlaPolicies.AddRange(urgent, vipPolicy, everything);
        await db.SaveChangesAsync();
        return new Ids(support.Id, tier2.Id, ana.Id, tom.Id, luis.Id, sam.Id, customer.Id, vip.Id, urgent.Id, vipPolicy.Id, everything.Id, calendar.Id);
    }

    /// <summary>An empty migrated database, made once per test run and copied for each world.</summary>
    private static string CreateTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aw-tests", "sla-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "template.db");
        using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode = DELETE;");
        }
        SqliteConnection.ClearAllPools();
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            try
            {
                await host.StopAsync();
            }
            catch (ObjectDisposedException)
            {
            }
            host.Dispose();
        }
        database.Dispose();
    }

    /// <summary>A job kind for scheduler tests: counts its runs by key.</summary>
    public sealed class CountingJobs(ConcurrentDictionary<string, int> runs) : IJobHandler
    {
        public const string Kind = "test-count";

        string IJobHandler.Kind => Kind;

        public Task HandleAsync(JobRun job, CancellationToken cancellationToken)
        {
            runs.AddOrUpdate(job.Key, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>A batch-capable job kind: counts runs like <see cref="CountingJobs"/>; any job keyed "bad-…" fails, alone or in a batch.</summary>
    public sealed class BatchCountingJobs(ConcurrentDictionary<string, int> runs, ConcurrentBag<int> sizes) : IBatchJobHandler
    {
        public const string Kind = "test-batch";

        string IJobHandler.Kind => Kind;

        public Task HandleAsync(JobRun job, CancellationToken cancellationToken) => HandleBatchAsync([job], cancellationToken);

        public Task HandleBatchAsync(IReadOnlyList<JobRun> jobs, CancellationToken cancellationToken)
        {
            sizes.Add(jobs.Count);
            if (jobs.Any(j => j.Key.StartsWith("bad-", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("a bad job");
            }
            foreach (var job in jobs)
            {
                runs.AddOrUpdate(job.Key, 1, (_, n) => n + 1);
            }
            return Task.CompletedTask;
        }
    }
}
