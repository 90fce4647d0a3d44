using AgentWorkspace.Data;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>A ticket a test opened for itself, so it never depends on what other tests did to the seeded ones.</summary>
public sealed record TestTicket(int Id, int Number, int CustomerId, string Subject);

/// <summary>
/// Arranges live scenarios through the app's real services (the ones the widget and the API call), and reads
/// what an agent should see straight from the same queries the inbox uses.
/// </summary>
public sealed class LiveScenario(BrowserFixture browser)
{
    public const string BillingTeam = "Billing & Accounts";
    public const string TechnicalTeam = "Technical Support";

    public TicketService Tickets => browser.App.Services.GetRequiredService<TicketService>();

    private IDbContextFactory<AppDbContext> DbFactory => browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    /// <summary>A customer opens a ticket (as through the widget), routed to <paramref name="team"/>.</summary>
    public async Task<TestTicket> CreateTicketAsync(string? body = null, string team = BillingTeam, string? subject = null)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var customerId = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var teamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
        subject ??= $"Live check {Guid.NewGuid():N}";
        var result = await Tickets.CreateTicketAsync(new NewTicket(
            customerId, subject, body ?? "Hello, something is not working for me.", TicketChannel.Email, TicketPriority.Normal, TeamId: teamId));
        result.Succeeded.ShouldBeTrue(result.Error);
        return new TestTicket(result.Message!.TicketId, result.TicketNumber!.Value, customerId, subject);
    }

    /// <summary>The visibility scope of a demo agent, as the app resolves it for their circuit.</summary>
    public async Task<AgentScope> ScopeOfAsync(string email)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var agentId = await db.Users.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
        return await browser.App.Services.GetRequiredService<AgentScopeResolver>().ForAgentAsync(agentId, isAdmin: false);
    }

    /// <summary>The inbox view counts the agent should see right now.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(string email) =>
        await browser.App.Services.GetRequiredService<InboxQuery>().CountsAsync(await ScopeOfAsync(email));
}

/// <summary>Locators and gestures on the workspace pages, by their data-testid hooks.</summary>
public static class Workspace
{
    public static ILocator InboxRow(this IPage page, int number) =>
        page.Locator($"[data-testid=inbox-row][data-ticket='{number}']");

    public static ILocator TimelineEvent(this IPage page, string text) =>
        page.Locator("[data-testid=timeline] li[data-kind=event]", new() { HasText = text });

    public static ILocator TimelineMessage(this IPage page, string body) =>
        page.Locator("[data-testid=timeline] li[data-seq]", new() { HasText = body });

    /// <summary>A MudSelect's read-only input (it carries the data-testid): its value is the text shown for the current choice.</summary>
    public static ILocator SelectInput(this IPage page, string testId) =>
        page.GetByTestId(testId);

    /// <summary>
    /// Opens a MudSelect (data-testid on its combobox input) and picks an option by its exact text: the options open
    /// as role=option in the popover provider, outside the select. Waits until the select shows the choice, unless it
    /// is an action (the bulk bar's selects act at once and clear).
    /// A choice the select does not show within a few seconds is made again, at most three times in all: under load in
    /// CI one option click did not take (the API keys test then created its key for "All tickets"; cause not found).
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option, bool keepsChoice = true)
    {
        var select = page.GetByTestId(testId);
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
            if (!keepsChoice)
            {
                return;
            }
            try
            {
                await Assertions.Expect(select).ToHaveValueAsync(option, new() { Timeout = attempt < 3 ? 5_000 : 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The popover is closed either way; open it again and choose.
            }
        }
    }

    /// <summary>The inbox's keyboard shortcuts listen on the whole page once this is set (just after the first render).</summary>
    public static Task WaitForInboxShortcutsAsync(this IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=inbox-list][data-shortcuts=on]")).ToHaveCountAsync(1);

    /// <summary>A second tab in the same agent's browser context (same sign-in, its own circuit).</summary>
    public static async Task<IPage> OpenTabAsync(this AgentPage agent, string path)
    {
        var tab = await agent.Context.NewPageAsync();
        await tab.GotoAsync(path);
        await AgentPageExtensions.WaitForCircuitAsync(tab);
        return tab;
    }
}
