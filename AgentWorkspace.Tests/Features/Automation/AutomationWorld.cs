using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Automation;
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

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>
/// The real ticket, notification, scheduler, SLA and automation services in a host (no web server) on a SQLite file,
/// with a fake clock on Monday 7 December 2026 at 10:00 in Madrid (09:00 UTC). Teams Support (Ana, Tom) and Billing
/// (Bea); customers Casey, Vera (VIP, of "Acmé Corp") and Sofía (writes in Spanish); the Madrid office calendar
/// (Mon-Fri 9-18) and one SLA policy (first response in 60 minutes, at risk at 75 %).
/// </summary>
public sealed class AutomationWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly TempDatabase database = new();
    private readonly List<IHost> hosts = [];

    /// <summary>More features in the host (routing, canned responses: the features that add their own rule actions).</summary>
    private Action<IServiceCollection>? moreServices;

    public FakeTimeProvider Clock { get; } = new(Start);
    public IHost Host { get; private set; } = null!;
    public Ids Id { get; private set; } = null!;

    public sealed record Ids(int Support, int Billing, string Ana, string Tom, string Bea, int Casey, int Vera, int Sofia);

    public static async Task<AutomationWorld> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? moreServices = null)
    {
        var world = new AutomationWorld { moreServices = moreServices };
        File.Copy(Template.Value, Path.Combine(world.database.Folder, "test.db"));
        world.Id = await world.SeedAsync();
        world.Host = await world.StartHostAsync(settings);
        return world;
    }

    public IServiceProvider Services => Host.Services;
    public TicketService Tickets => Services.GetRequiredService<TicketService>();
    public AutomationAdminService Rules => Services.GetRequiredService<AutomationAdminService>();
    public AppDbContext Db() => database.CreateContext();

    /// <summary>A host on the world's database; not started, it is an app whose rule runner is down (its services still write).</summary>
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
        builder.Services.AddAutomation(builder.Configuration);
        moreServices?.Invoke(builder.Services);
        var host = builder.Build();
        hosts.Add(host);
        if (start)
        {
            await host.StartAsync();
        }
        return host;
    }

    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await Host.StopAsync();
        Host = await StartHostAsync(settings);
    }

    /// <summary>Saves a rule (asserting it is valid) at the end of the order; returns its id.</summary>
    public async Task<int> AddRuleAsync(string name, RuleTrigger trigger, IEnumerable<RuleCondition> conditions, IEnumerable<RuleActionSpec> actions,
        RuleMatch match = RuleMatch.All, bool stop = false, bool enabled = true)
    {
        var saved = await Rules.SaveAsync(new RuleDraft
        {
            Name = name, Trigger = trigger, Match = match, StopProcessing = stop, IsEnabled = enabled, Conditions = [.. conditions], Actions = [.. actions],
        }, Id.Ana);
        saved.Succeeded.ShouldBeTrue(saved.Error);
        return saved.RuleId!.Value;
    }

    /// <summary>A customer's new ticket (via the same service as the widget, web form and API); waits until the rules ran on it.</summary>
    public async Task<int> NewTicketAsync(int customerId, string subject = "Question", string body = "Hello, I have a question.",
        TicketChannel channel = TicketChannel.Email, string language = "en", int? teamId = null, bool waitForRules = true)
    {
        var created = await Tickets.CreateTicketAsync(new NewTicket(customerId, subject, body, channel, TeamId: teamId, Language: language));
        created.Succeeded.ShouldBeTrue(created.Error);
        if (waitForRules)
        {
            await RulesCaughtUpAsync();
        }
        await using var db = Db();
        return await db.Tickets.Where(t => t.Number == created.TicketNumber).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Waits until the running host's rule runner has handed every stored trigger to the rules.</summary>
    public Task RulesCaughtUpAsync() =>
        WaitUntilAsync(() => Services.GetRequiredService<AutomationFeed>().CaughtUpAsync(), "the rules ran on every stored trigger");

    public async Task<AgentScope> ScopeAsync(string agentId)
    {
        await using var db = Db();
        var teams = await db.TeamMembers.Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync();
        return new AgentScope(agentId, false, teams);
    }

    public async Task<Ticket> ReadAsync(int ticketId)
    {
        await using var db = Db();
        return await db.Tickets.AsNoTracking().Include(t => t.Tags).SingleAsync(t => t.Id == ticketId);
    }

    /// <summary>The lines rules wrote in the ticket's history, in order.</summary>
    public async Task<List<TicketEvent>> RuleLinesAsync(int ticketId)
    {
        await using var db = Db();
        return await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId && e.RuleId != null).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<string>> NotificationsAsync(string agentId)
    {
        await using var db = Db();
        return await db.Notifications.Where(n => n.AgentId == agentId).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    /// <summary>Moves the fake clock on and lets the scheduler run what fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await WaitUntilAsync(async () =>
        {
            await using var db = Db();
            var now = Clock.GetUtcNow();
            return !await db.ScheduledJobs.AnyAsync(j => j.State == JobState.Pending && (j.DueAt <= now || j.LeaseOwner != null));
        }, "the scheduler ran what fell due");
    }

    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => Sla.SlaWorld.WaitUntilAsync(condition, what);

    private async Task<Ids> SeedAsync()
    {
        await using var db = Db();
        var support = new Team { Name = "Support" };
        var billing = new Team { Name = "Billing" };
        db.Teams.AddRange(support, billing);
        Agent Agent(string name) => new() { UserName = $"{name.ToLowerInvariant()}@rules.test", Email = $"{name.ToLowerInvariant()}@rules.test", DisplayName = name, CreatedAt = Start };
        var (ana, tom, bea) = (Agent("Ana"), Agent("Tom"), Agent("Bea"));
        bea.Language = "es";
        db.Users.AddRange(ana, tom, bea);
        await db.SaveChangesAsync();
        db.TeamMembers.AddRange(
            new TeamMember { TeamId = support.Id, AgentId = ana.Id }, new TeamMember { TeamId = support.Id, AgentId = tom.Id },
            new TeamMember { TeamId = billing.Id, AgentId = bea.Id });
        var casey = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = Start };
        var vera = new Customer { Name = "Vera", Email = "vera@example.com", IsVip = true, Company = "Acmé Corp", CreatedAt = Start };
        var sofia = new Customer { Name = "Sofía", Email = "sofia@example.es", Language = "es", CreatedAt = Start };
        db.Customers.AddRange(casey, vera, sofia);
        db.BusinessCalendars.Add(new BusinessCalendar
        {
            Name = "Madrid office",
            TimeZoneId = "Europe/Madrid",
            IsDefault = true,
            Blocks = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => new OpeningBlock { Day = d, StartMinute = 540, EndMinute = 1080 })],
        });
        db.SlaPolicies.Add(new SlaPolicy { Name = "Everything", Position = 1, FirstResponseMinutes = 60, FirstResponseBusinessHours = false });
        await db.SaveChangesAsync();
        return new Ids(support.Id, billing.Id, ana.Id, tom.Id, bea.Id, casey.Id, vera.Id, sofia.Id);
    }

    private static string CreateTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aw-tests", "rules-template-" + Guid.NewGuid().ToString("N"));
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
}
