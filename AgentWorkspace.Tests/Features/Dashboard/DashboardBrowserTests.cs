using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Dashboard;

/// <summary>A supervisor's dashboard in Chromium follows tickets created and resolved elsewhere, with no reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    private T Service<T>() where T : notnull => browser.App.Services.GetRequiredService<T>();

    [Fact]
    public async Task TheDashboard_ShowsATicketCreatedAndResolvedElsewhere_Live()
    {
        await using var rita = await browser.NewPageAsync();
        await rita.SignInAsync(DemoAgents.RitaEmail);
        await Expect(rita.Page.GetByTestId("nav-dashboard")).ToBeVisibleAsync();
        await rita.OpenAsync("/dashboard");
        var created = rita.Page.GetByTestId("dash-created");
        var resolved = rita.Page.GetByTestId("dash-resolved");
        await Expect(created).ToBeVisibleAsync();
        var createdBefore = int.Parse(await created.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        var resolvedBefore = int.Parse(await resolved.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

        int customerId;
        string adminId;
        await using (var db = await Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            customerId = await db.Customers.Select(c => c.Id).FirstAsync();
            adminId = await db.Users.Where(u => u.Email == DemoAgents.AdminEmail).Select(u => u.Id).SingleAsync();
        }
        var tickets = Service<TicketService>();
        var ticket = await tickets.CreateTicketAsync(new NewTicket(customerId, "Dashboard live check", "Hello", TicketChannel.Email));
        ticket.Succeeded.ShouldBeTrue(ticket.Error);
        await Expect(created).ToHaveTextAsync((createdBefore + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));

        var scope = new AgentScope(adminId, IsAdmin: true, []);
        (await tickets.ExecuteAsync(scope, ticket.Message!.TicketId, new SetStatus(TicketStatus.Open, TicketStatus.Resolved))).Succeeded.ShouldBeTrue();
        await Expect(resolved).ToHaveTextAsync((resolvedBefore + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        rita.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAgentWithoutTheSupervisorRole_CannotOpenTheDashboard_NorSeesItInTheMenu()
    {
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await Expect(ana.Page.GetByTestId("nav-inbox")).ToBeVisibleAsync();
        await Expect(ana.Page.GetByTestId("nav-dashboard")).ToHaveCountAsync(0);

        await ana.Page.GotoAsync("/dashboard");

        await Expect(ana.Page.GetByTestId("dashboard")).ToHaveCountAsync(0);
        ana.Page.Url.ShouldContain("access-denied");
    }
}
