using AgentWorkspace.Data;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Tests.Features.Chat;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Routing;

/// <summary>The demo world with routing switched on (its own app host: signed-in demo agents take tickets here).</summary>
public sealed class RoutingBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public WorkspaceAppFactory App { get; } = WorkspaceAppFactory.Create(settings: new Dictionary<string, string?>(ChatFixture.Settings) { ["Routing:Enabled"] = "true" });
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = App.ServerAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public async Task<AgentPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return new AgentPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RoutingBrowserCollection : ICollectionFixture<RoutingBrowserFixture>
{
    public const string Name = "RoutingBrowser";
}

[Collection(RoutingBrowserCollection.Name)]
public sealed class RoutingBrowserTests(RoutingBrowserFixture fixture)
{
    [Fact]
    public async Task AChatFromTheWidget_IsAssignedLiveToTheOnlineAgent_WhileTheAwayAgentGetsNothing()
    {
        await using var lucas = await fixture.NewPageAsync();
        await using var ana = await fixture.NewPageAsync();
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.Page.GetByTestId("presence-menu").GetByRole(AriaRole.Button).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Away", Exact = true }).ClickAsync();
        await Expect(ana.Page.GetByTestId("presence-label")).ToHaveTextAsync("Away");
        // Both watch their own open tickets: the chat must appear live in Lucas's, never in Ana's.
        await lucas.Page.Locator("[data-view='Mine']").ClickAsync();
        await ana.Page.Locator("[data-view='Mine']").ClickAsync();
        await Expect(lucas.Page.Locator("[data-view='Mine']")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(ana.Page.Locator("[data-view='Mine']")).ToHaveAttributeAsync("aria-selected", "true");

        await using var visitor = await fixture.NewPageAsync();
        var widget = new CustomerWidget(visitor.Page);
        await widget.OpenAsync();
        var number = await widget.StartChatAsync("Paula Routing", "paula.routing@example.com", "Hi, my invoice shows the wrong VAT number.");

        await Expect(lucas.Page.InboxRow(number)).ToBeVisibleAsync();
        await using (var db = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            var ticket = await db.Tickets.Include(t => t.Assignee).Include(t => t.Team).SingleAsync(t => t.Number == number);
            ticket.Assignee!.Email.ShouldBe(DemoAgents.LucasEmail);
            ticket.Team!.Name.ShouldBe(LiveScenario.BillingTeam);
        }
        await Expect(ana.Page.InboxRow(number)).ToHaveCountAsync(0);

        // Lucas opens it: the history says why it is his, and Accept stops the 90 s timer.
        await lucas.OpenAsync($"/tickets/{number}");
        await Expect(lucas.Page.TimelineEvent("least loaded, skills: en").Filter(new() { HasText = "assignee to Lucas Martín" })).ToBeVisibleAsync();
        await Expect(lucas.Page.TimelineEvent("default team for Chat")).ToBeVisibleAsync();
        await lucas.Page.GetByTestId("accept-offer").ClickAsync();
        await Expect(lucas.Page.GetByTestId("routing-offer")).ToHaveCountAsync(0);
        await using (var db = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            var id = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
            (await db.Set<TicketRouting>().SingleAsync(r => r.TicketId == id)).AcceptedAt.ShouldNotBeNull();
        }
        lucas.ConsoleErrors.ShouldBeEmpty();
    }
}
