using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Macros;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>
/// bUnit on the ticket page's components with the app's own services on a temporary SQLite file (the same interceptors
/// as the app): one team with two agents, Ana and Lucas, and a customer. Tickets and articles are made through the real
/// services, as the widget and the knowledge base would.
/// </summary>
public abstract class TicketPageTest : ComponentTest, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private int customerId;
    private int teamId;

    protected TicketPageTest()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services, serialized: true);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddPresence();
        Services.AddNotifications();
        Services.AddTickets();
        Services.AddKnowledgeBase();
        Services.AddSuggestions();
        Services.AddCanned();
        Services.AddMacros();
    }

    protected AgentScope Ana { get; private set; } = null!;
    protected AgentScope Lucas { get; private set; } = null!;
    protected const string AnaName = "Ana García";
    protected const string LucasName = "Lucas Martín";

    protected TicketService Tickets => Services.GetRequiredService<TicketService>();

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var team = new Team { Name = "Billing & Accounts" };
        var customer = new Customer { Name = "Maria Lopez", Email = "maria@example.com", CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(team, customer, Agent("agent-ana", AnaName), Agent("agent-lucas", LucasName));
        await db.SaveChangesAsync();
        db.AddRange(new TeamMember { TeamId = team.Id, AgentId = "agent-ana" }, new TeamMember { TeamId = team.Id, AgentId = "agent-lucas" });
        await db.SaveChangesAsync();
        (teamId, customerId) = (team.Id, customer.Id);
        Ana = new AgentScope("agent-ana", false, [team.Id]);
        Lucas = new AgentScope("agent-lucas", false, [team.Id]);
    }

    private static Agent Agent(string id, string name) => new()
    {
        Id = id,
        UserName = id,
        NormalizedUserName = id.ToUpperInvariant(),
        Email = $"{id}@example.test",
        DisplayName = name,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>A customer's new ticket, as the widget opens one, read back the way the ticket page reads it.</summary>
    protected async Task<TicketDetails> CreateTicketAsync(string body = "Hello, I was charged twice.", string subject = "Charged twice")
    {
        var created = await Tickets.CreateTicketAsync(new NewTicket(customerId, subject, body, TicketChannel.Email, TeamId: teamId));
        created.Succeeded.ShouldBeTrue(created.Error);
        return await ReadAsync(created.TicketNumber!.Value);
    }

    protected async Task<TicketDetails> ReadAsync(int number) =>
        (await Services.GetRequiredService<TicketQueries>().GetByNumberAsync(Ana, number)).ShouldNotBeNull();

    protected Task<MessageResult> CustomerWritesAsync(Ticket ticket, string body) =>
        Tickets.AddCustomerMessageAsync(ticket.Id, customerId, body, Guid.NewGuid().ToString("N"));

    /// <summary>An article written by Ana and approved by Lucas: live, so the suggestion engine indexes it.</summary>
    protected async Task<int> PublishArticleAsync(string title, string body, bool isInternal = false)
    {
        var articles = Services.GetRequiredService<ArticleService>();
        var created = await articles.CreateAsync(new KbActor(Ana.AgentId, true, false), new NewArticle("en", new ArticleDraft(title, "", null, "", body, isInternal)));
        created.Succeeded.ShouldBeTrue(created.Error);
        var submitted = await articles.SubmitAsync(new KbActor(Ana.AgentId, true, false), created.ArticleId!.Value, created.Version!.Value);
        submitted.Succeeded.ShouldBeTrue(submitted.Error);
        var approved = await articles.ApproveAsync(new KbActor(Lucas.AgentId, false, true), created.ArticleId.Value, submitted.Version!.Value);
        approved.Succeeded.ShouldBeTrue(approved.Error);
        return created.ArticleId.Value;
    }

    // BunitContext disposes MudBlazor's services asynchronously only: xunit runs this before Dispose().
    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncDisposable)this).DisposeAsync();
        database.Dispose();
    }
}
