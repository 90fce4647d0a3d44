using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Portal;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AgentWorkspace.Tests.Features.Surveys;

/// <summary>
/// The real ticket, scheduler, outbox (queueing only) and survey services in a host (no web server) on a SQLite file, with a
/// fake clock. Support (Ana, Tom) and Tier 2 (Luis); customers Casey (English, e-mail) and Sofía (Spanish, e-mail).
/// </summary>
public sealed class SurveyWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly TempDatabase database = new();

    public FakeTimeProvider Clock { get; } = new(Start);
    public IHost Host { get; private set; } = null!;
    public Ids Id { get; private set; } = null!;

    public sealed record Ids(int Support, int Tier2, string Ana, string Tom, string Luis, int Customer, int SpanishCustomer);

    public static async Task<SurveyWorld> CreateAsync()
    {
        var world = new SurveyWorld();
        File.Copy(Template.Value, Path.Combine(world.database.Folder, "test.db"));
        world.Id = await world.SeedAsync();
        world.Host = await world.StartHostAsync();
        return world;
    }

    public IServiceProvider Services => Host.Services;
    public TicketService Tickets => Services.GetRequiredService<TicketService>();
    public SurveyService Surveys => Services.GetRequiredService<SurveyService>();
    public SurveyLinks Links => Services.GetRequiredService<SurveyLinks>();
    public AppDbContext Db() => database.CreateContext();

    private async Task<IHost> StartHostAsync()
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
            ["Portal:PublicBaseUrl"] = "https://support.example.com/",
            // No idle sleep hides a missing wake-up: the runner looks again only when woken or something is due.
            ["Scheduling:MaxIdleSeconds"] = "86400",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddWorkspaceData();
        builder.Services.AddLocalization();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IWebHostEnvironment>(new TestEnvironment(database.Folder));
        builder.Services.AddSingleton<WorkspaceNotifier>();
        builder.Services.AddNotifications();
        builder.Services.AddTickets();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<EmailOutbox>();
        builder.Services.AddSingleton<ICustomerUpdates>(sp => sp.GetRequiredService<EmailOutbox>());
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        builder.Services.AddSingleton<PortalAddress>();
        builder.Services.AddSurveys(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A new e-mail ticket from the customer in Support, assigned to Ana, with Ana's public reply (unless told otherwise).</summary>
    public async Task<int> NewTicketAsync(TicketChannel channel = TicketChannel.Email, bool reply = true, bool spanish = false)
    {
        var created = await Tickets.CreateTicketAsync(new NewTicket(spanish ? Id.SpanishCustomer : Id.Customer, $"Help {Guid.NewGuid():N}", "The shop is down.",
            channel, TeamId: Id.Support));
        created.Succeeded.ShouldBeTrue(created.Error);
        await using var db = Db();
        var ticketId = await db.Tickets.Where(t => t.Number == created.TicketNumber).Select(t => t.Id).SingleAsync();
        (await Tickets.ExecuteAsync(await ScopeAsync(Id.Ana), ticketId, new Assign(null, Id.Ana))).Succeeded.ShouldBeTrue();
        if (reply)
        {
            (await Tickets.AddAgentMessageAsync(await ScopeAsync(Id.Ana), ticketId, new AgentMessage("Fixed it, try again.", MessageVisibility.Public)))
                .Succeeded.ShouldBeTrue();
        }
        return ticketId;
    }

    public async Task ResolveAsync(int ticketId, bool withoutSurvey = false, string? by = null)
    {
        await using var db = Db();
        var status = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync();
        TicketCommand[] commands = withoutSurvey ? [new SetStatus(status, TicketStatus.Resolved), new SkipSurvey()] : [new SetStatus(status, TicketStatus.Resolved)];
        var result = await Tickets.ExecuteAsync(await ScopeAsync(by ?? Id.Ana), ticketId, commands);
        result.Succeeded.ShouldBeTrue(result.Error);
    }

    public async Task SetStatusAsync(int ticketId, TicketStatus from, TicketStatus to) =>
        (await Tickets.ExecuteAsync(await ScopeAsync(Id.Ana), ticketId, new SetStatus(from, to))).Succeeded.ShouldBeTrue();

    public async Task<AgentScope> ScopeAsync(string agentId)
    {
        await using var db = Db();
        var teams = await db.TeamMembers.Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync();
        return new AgentScope(agentId, false, teams);
    }

    /// <summary>Moves the fake clock on and waits until the scheduler ran every job that fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        // The runner sleeps on the fake clock: advancing it wakes the runner for what fell due.
        await WaitUntilAsync(async () =>
        {
            await using var db = Db();
            var now = Clock.GetUtcNow();
            return !await db.ScheduledJobs.AnyAsync(j => j.State == JobState.Pending && (j.DueAt <= now || j.LeaseOwner != null));
        }, "the scheduler ran what fell due");
    }

    public async Task<List<SurveyResponse>> SurveysAsync(int ticketId)
    {
        await using var db = Db();
        return await db.Set<SurveyResponse>().AsNoTracking().Where(s => s.TicketId == ticketId).OrderBy(s => s.Id).ToListAsync();
    }

    public async Task<List<OutboxEmail>> SurveyMailsAsync(int ticketId)
    {
        await using var db = Db();
        return await db.OutboxEmails.AsNoTracking().Where(o => o.TicketId == ticketId && o.Kind == AgentWorkspace.Features.Chat.CustomerMailKind.Survey).ToListAsync();
    }

    public async Task<List<string>> NotificationsAsync(string agentId)
    {
        await using var db = Db();
        return await db.Notifications.Where(n => n.AgentId == agentId).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        // Generous: advancing the clock can make every seeded ticket's SLA timer fall due at once, and CI runs this beside
        // the rest of the suite on 2 cores (it once took longer than 15 s there).
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 45 s for: {what}");
            }
            await Task.Delay(20);
        }
    }

    private async Task<Ids> SeedAsync()
    {
        await using var db = Db();
        var support = new Team { Name = "Support" };
        var tier2 = new Team { Name = "Tier 2" };
        db.Teams.AddRange(support, tier2);
        Agent Agent(string name) => new() { UserName = $"{name.ToLowerInvariant()}@survey.test", Email = $"{name.ToLowerInvariant()}@survey.test", DisplayName = name, CreatedAt = Start };
        var (ana, tom, luis) = (Agent("Ana"), Agent("Tom"), Agent("Luis"));
        db.Users.AddRange(ana, tom, luis);
        await db.SaveChangesAsync();
        db.TeamMembers.AddRange(
            new TeamMember { TeamId = support.Id, AgentId = ana.Id }, new TeamMember { TeamId = support.Id, AgentId = tom.Id },
            new TeamMember { TeamId = tier2.Id, AgentId = luis.Id });
        var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = Start };
        var spanish = new Customer { Name = "Sofía", Email = "sofia@example.com", Language = "es", CreatedAt = Start };
        db.Customers.AddRange(customer, spanish);
        await db.SaveChangesAsync();
        return new Ids(support.Id, tier2.Id, ana.Id, tom.Id, luis.Id, customer.Id, spanish.Id);
    }

    private static string CreateTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aw-tests", "survey-template-" + Guid.NewGuid().ToString("N"));
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
        try
        {
            await Host.StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }
        Host.Dispose();
        database.Dispose();
    }

    private sealed class TestEnvironment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = root;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "AgentWorkspace";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = root;
        public string EnvironmentName { get; set; } = "Testing";
    }
}
