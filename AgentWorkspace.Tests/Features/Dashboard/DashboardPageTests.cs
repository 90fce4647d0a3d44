using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Dashboard;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Dashboard;

/// <summary>The dashboard on the real ticket service, presence and <see cref="DashboardState"/>, over a SQLite file.</summary>
public sealed class DashboardPageTests : ComponentTest, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private int customerId;
    private int teamId;
    private string anaId = "";

    public DashboardPageTests()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddNotifications();
        Services.AddPresence();
        Services.AddTickets();
        Services.AddDashboard();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var team = new Team { Name = "Support" };
            var ana = new Agent { UserName = "ana@dash.test", Email = "ana@dash.test", DisplayName = "Ana", CreatedAt = DateTimeOffset.UtcNow };
            var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = DateTimeOffset.UtcNow };
            db.AddRange(team, ana, customer);
            await db.SaveChangesAsync();
            (customerId, teamId, anaId) = (customer.Id, team.Id, ana.Id);
        }
        await Services.GetRequiredService<DashboardState>().StartAsync(CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    private TicketService Tickets => Services.GetRequiredService<TicketService>();

    private async Task<int> NewTicketAsync(TicketChannel channel = TicketChannel.Email)
    {
        var created = await Tickets.CreateTicketAsync(new NewTicket(customerId, $"Help {Guid.NewGuid():N}", "It is broken.", channel, TeamId: teamId));
        created.Succeeded.ShouldBeTrue(created.Error);
        return created.Message!.TicketId;
    }

    private static string Figure(IRenderedComponent<DashboardPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task TheFigures_CountTodaysAndOpenTickets_AndLinkToTheInboxViews()
    {
        await NewTicketAsync();
        await NewTicketAsync(TicketChannel.Chat);

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Figure(page, "dash-created").ShouldBe("2"));
        Figure(page, "dash-open").ShouldBe("2");
        Figure(page, "dash-unassigned").ShouldBe("2");
        Figure(page, "dash-chats").ShouldBe("1");
        Figure(page, "dash-waiting").ShouldBe("2");
        page.Find("[data-testid=dash-unassigned]").GetAttribute("href").ShouldBe("/?view=Unassigned");
        page.Find("[data-testid=dash-sla]").GetAttribute("href").ShouldBe("/?view=BreachingSoon");
        page.Find("[data-testid=dash-longest] a").TextContent.ShouldStartWith("#");
    }

    [Fact]
    public async Task TheFigures_FollowChangesMadeElsewhere_WithoutAReload()
    {
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Figure(page, "dash-created").ShouldBe("0"));

        var ticket = await NewTicketAsync();
        page.WaitForAssertion(() => Figure(page, "dash-created").ShouldBe("1"));
        page.WaitForAssertion(() => Figure(page, "dash-unassigned").ShouldBe("1"));

        var scope = new AgentScope(anaId, IsAdmin: true, []);
        (await Tickets.ExecuteAsync(scope, ticket, new Assign(null, anaId))).Succeeded.ShouldBeTrue();
        page.WaitForAssertion(() => Figure(page, "dash-unassigned").ShouldBe("0"));
        (await Tickets.ExecuteAsync(scope, ticket, new SetStatus(TicketStatus.Open, TicketStatus.Resolved))).Succeeded.ShouldBeTrue();
        page.WaitForAssertion(() => Figure(page, "dash-resolved").ShouldBe("1"));
        Figure(page, "dash-open").ShouldBe("0");
    }

    [Fact]
    public async Task AnAgentComingOnline_AppearsWithTheirLoad()
    {
        var ticket = await NewTicketAsync(TicketChannel.Chat);
        (await Tickets.ExecuteAsync(new AgentScope(anaId, IsAdmin: true, []), ticket, new Assign(null, anaId))).Succeeded.ShouldBeTrue();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => page.Markup.ShouldContain("No agent is online."));

        await Services.GetRequiredService<PresenceTracker>().CircuitUpAsync("circuit-1", anaId);

        page.WaitForAssertion(() => page.Find("[data-testid=dash-agents] tr[data-agent=Ana] [data-testid=dash-agent-tickets]").TextContent.ShouldBe("1"));
        page.Find("[data-testid=dash-agents] tr[data-agent=Ana] [data-testid=dash-agent-chats]").TextContent.ShouldBe("1");
    }

    [Fact]
    public async Task ManyOpenDashboards_CostOneComputationPerChange()
    {
        var pages = Enumerable.Range(0, 5).Select(_ => Render<DashboardPage>()).ToList();
        foreach (var page in pages)
        {
            page.WaitForAssertion(() => Figure(page, "dash-created").ShouldBe("0"));
        }
        var state = Services.GetRequiredService<DashboardState>();
        var before = state.Computations;

        await NewTicketAsync();

        foreach (var page in pages)
        {
            page.WaitForAssertion(() => Figure(page, "dash-created").ShouldBe("1"));
        }
        // One ticket creation is one or two events (the change, its message); never one computation per screen.
        (state.Computations - before).ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task TheDashboard_SpeaksSpanish()
    {
        UseLanguage("es");
        await NewTicketAsync();

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Creados hoy"));
        page.Markup.ShouldContain("Clientes esperando");
    }

    [Fact]
    public void Today_IsTheViewersDay_InTheirTimeZone()
    {
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        // 23:30 UTC on 7 December is already 8 December in Madrid.
        var (start, end) = DashboardState.Day(madrid, new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero));

        start.ShouldBe(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));
        end.ShouldBe(new DateTimeOffset(2026, 12, 8, 23, 0, 0, TimeSpan.Zero));
    }
}
