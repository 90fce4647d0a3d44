using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AgentWorkspace.Tests.Features.Routing;

/// <summary>
/// The real ticket, presence, notification, scheduler and routing services (with the routing feed running) in a host on a
/// SQLite file, with a fake clock. One team, Support, assigning automatically (least loaded, no acceptance timer unless a
/// test sets one), a customer, and agents the test creates. Agents are "online" through the real PresenceTracker: a circuit
/// up (a workspace tab) and availability Online.
/// </summary>
public sealed class RoutingWorld : IAsyncDisposable
{
    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly TempDatabase database = new();
    private IHost host = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    public int Support { get; private set; }
    public int Customer { get; private set; }

    public IServiceProvider Services => host.Services;
    public TicketService Tickets => Services.GetRequiredService<TicketService>();
    public RoutingEngine Engine => Services.GetRequiredService<RoutingEngine>();
    public RoutingAdminService Admin => Services.GetRequiredService<RoutingAdminService>();
    public PresenceTracker Presence => Services.GetRequiredService<PresenceTracker>();
    public AppDbContext Db() => database.CreateContext();

    public static async Task<RoutingWorld> CreateAsync()
    {
        var world = new RoutingWorld();
        File.Copy(Template.Value, Path.Combine(world.database.Folder, "test.db"));
        await using (var db = world.Db())
        {
            var support = new Team { Name = "Support" };
            db.Teams.Add(support);
            var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = world.Clock.GetUtcNow() };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            (world.Support, world.Customer) = (support.Id, customer.Id);
        }
        world.host = await world.StartHostAsync();
        (await world.Admin.SaveTeamAsync(new TeamRoutingRow(world.Support, "Support", true, AssignmentMethod.LeastLoaded, false, 0))).ShouldBeNull();
        return world;
    }

    private async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = database.Folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workspace"] = database.ConnectionString,
            ["Database:Provider"] = database.Provider,
            ["DataProtection:KeysPath"] = Path.Combine(database.Folder, "keys"),
            ["DemoData:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddWorkspaceData();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<WorkspaceNotifier>();
        builder.Services.AddPresence();
        builder.Services.AddNotifications();
        builder.Services.AddTickets();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddRouting(builder.Configuration);
        var started = builder.Build();
        await started.StartAsync();
        return started;
    }

    /// <summary>A Support agent with these skills and capacities (not yet online).</summary>
    public async Task<string> AgentAsync(string name, string languages = "en", int maxChats = 3, int maxTickets = 20, params SkillInput[] more)
    {
        var agent = new Agent { UserName = $"{name.ToLowerInvariant()}@routing.test", Email = $"{name.ToLowerInvariant()}@routing.test", DisplayName = name, CreatedAt = Clock.GetUtcNow() };
        await using (var db = Db())
        {
            db.Users.Add(agent);
            await db.SaveChangesAsync();
            db.TeamMembers.Add(new TeamMember { TeamId = Support, AgentId = agent.Id });
            await db.SaveChangesAsync();
        }
        var skills = languages.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => new SkillInput(SkillKind.Language, l, 2)).Concat(more).ToList();
        (await Admin.SaveProfileAsync(agent.Id, skills, maxChats, maxTickets)).ShouldBeNull();
        return agent.Id;
    }

    /// <summary>The agent opens a workspace tab (and is Online unless they chose Away).</summary>
    public Task OnlineAsync(string agentId) => Presence.CircuitUpAsync(Guid.NewGuid().ToString("N"), agentId);

    public Task AwayAsync(string agentId) => Presence.SetAvailabilityAsync(agentId, Availability.Away);

    public async Task<int> NewTicketAsync(TicketChannel channel = TicketChannel.Email, string language = "en", string? category = null, int? teamId = -1)
    {
        var created = await Tickets.CreateTicketAsync(new NewTicket(Customer, $"Help {Guid.NewGuid():N}", "Hello, the shop is down.", channel,
            TeamId: teamId == -1 ? Support : teamId, Language: language, Category: category));
        created.Succeeded.ShouldBeTrue(created.Error);
        return created.Message!.TicketId;
    }

    /// <summary>Waits until routing made its decision on the ticket (assigned it, or found nobody and alerted the team).</summary>
    public async Task<string?> RoutedAsync(int ticketId)
    {
        await WaitUntilAsync(async () =>
        {
            await using var db = Db();
            return await db.Set<TicketRouting>().AnyAsync(r => r.TicketId == ticketId);
        }, $"routing decided on ticket {ticketId}");
        return await AssigneeAsync(ticketId);
    }

    public async Task<string?> AssigneeAsync(int ticketId)
    {
        await using var db = Db();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.AssigneeId).SingleAsync();
    }

    public async Task<AgentScope> ScopeAsync(string agentId)
    {
        await using var db = Db();
        return new AgentScope(agentId, false, await db.TeamMembers.Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync());
    }

    public async Task ResolveAsync(int ticketId, string agentId)
    {
        await using var db = Db();
        var status = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync();
        (await Tickets.ExecuteAsync(await ScopeAsync(agentId), ticketId, new SetStatus(status, TicketStatus.Resolved))).Succeeded.ShouldBeTrue();
    }

    public async Task<List<TicketEvent>> AssigneeEventsAsync(int ticketId)
    {
        await using var db = Db();
        return await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId && (e.Field == "Assignee" || e.Field == "Team")).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<string>> NotificationsAsync(string agentId)
    {
        await using var db = Db();
        return await db.Notifications.Where(n => n.AgentId == agentId).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    /// <summary>Moves the fake clock on and waits until the scheduler ran what fell due.</summary>
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

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for: {what}");
            }
            await Task.Delay(20);
        }
    }

    private static string CreateTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aw-tests", "routing-template-" + Guid.NewGuid().ToString("N"));
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
        await host.StopAsync();
        host.Dispose();
        database.Dispose();
    }
}
