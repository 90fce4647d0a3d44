using System.Text.RegularExpressions;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>The new-ticket screen, the customer file and merging, in Chromium, with a second agent watching live.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CustomerBrowserTests(BrowserFixture browser)
{
    private CustomerWorld World => new(browser.App.Services);

    [Fact]
    public async Task AnAgentOpensAPhoneTicketForANewCustomerTypedInline_AndASecondAgentsInboxShowsItLive()
    {
        await using var rita = await browser.NewPageAsync();
        await rita.SignInAsync(DemoAgents.RitaEmail);
        await rita.Page.WaitForInboxShortcutsAsync();
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.Page.GetByTestId("nav-new-ticket").ClickAsync();
        await ana.Page.WaitForURLAsync("**/tickets/new");
        await AgentPageExtensions.WaitForCircuitAsync(ana.Page);
        var page = ana.Page;
        var subject = CustomerWorld.Unique("Phone call ");
        var name = CustomerWorld.Unique("Paula Phone ");

        await page.GetByRole(AriaRole.Radio, new() { Name = "New customer" }).CheckAsync();
        await page.GetByTestId("new-customer-name").FillAsync(name);
        await page.GetByTestId("new-customer-phone").FillAsync("+34 600 987 654");
        await page.GetByTestId("new-ticket-subject").FillAsync(subject);
        await page.ChooseAsync("new-ticket-team", LiveScenario.BillingTeam);
        await page.GetByTestId("new-ticket-body").FillAsync("She was charged twice for March and wants one charge refunded.");
        await page.GetByTestId("assign-to-me").UncheckAsync();
        await page.GetByTestId("create-ticket").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/tickets/\d+$"));
        var number = int.Parse(TicketNumber().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("customer-profile-link")).ToHaveTextAsync(name);
        await Expect(page.TimelineEvent("Ana García")).Not.ToHaveCountAsync(0);
        await Expect(rita.Page.InboxRow(number).GetByTestId("ticket-subject")).ToHaveTextAsync(subject);
    }

    [Fact]
    public async Task AnEditIsSavedWithItsHistory_AndAnotherAgentOnTheProfileSeesItLive()
    {
        var admin = await World.ScopeAsync(DemoAgents.AdminEmail);
        var name = CustomerWorld.Unique("Edna Edit ");
        var id = await World.CreateCustomerAsync(admin, name, phone: "+44 20 7946 0999");
        await using var ben = await browser.NewPageAsync();
        await ben.SignInAsync(DemoAgents.BenEmail);
        await ben.OpenAsync($"/customers/{id}");
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/customers/{id}");
        var page = ana.Page;

        await page.GetByTestId("edit-customer").ClickAsync();
        await page.GetByTestId("edit-name").FillAsync(name + " Jr");
        await page.GetByTestId("edit-notes").FillAsync("Call before noon.");
        await page.GetByTestId("edit-vip").CheckAsync();
        await page.GetByTestId("save-customer").ClickAsync();

        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(name + " Jr");
        var history = page.GetByTestId("customer-history");
        await Expect(history.Locator("li[data-field=Name]")).ToContainTextAsync($"Name: {name} → {name} Jr");
        await Expect(history.Locator("li[data-field=Name]")).ToContainTextAsync("Ana García");
        await Expect(history.Locator("li[data-field=VIP]")).ToContainTextAsync("VIP: No → Yes");
        await Expect(page.GetByTestId("customer-notes")).ToHaveTextAsync("Call before noon.");

        await page.GetByTestId("add-email").FillAsync("edna.bad@");
        await page.GetByTestId("add-email").PressAsync("Enter");
        await Expect(page.GetByTestId("customer-error")).ToContainTextAsync("not valid");
        await Expect(page.GetByTestId("add-email")).ToHaveValueAsync("edna.bad@");
        await page.GetByTestId("add-email").FillAsync("edna@example.com");
        await page.GetByTestId("add-email").PressAsync("Enter");
        await Expect(page.GetByTestId("contacts-email").GetByTestId("contact")).ToHaveTextAsync(new Regex("edna@example.com"));

        await Expect(ben.Page.GetByTestId("customer-name")).ToHaveTextAsync(name + " Jr");
        await Expect(ben.Page.GetByTestId("customer-vip")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MergingFromTheProfile_MovesTheTickets_AndAnOpenTicketPageShowsTheSurvivorLive()
    {
        var admin = await World.ScopeAsync(DemoAgents.AdminEmail);
        var keeper = CustomerWorld.Unique("Keeper Kim ");
        var dupe = CustomerWorld.Unique("Dupe Kim ");
        var keeperId = await World.CreateCustomerAsync(admin, keeper, email: $"{keeper.Replace(' ', '.')}@example.com");
        var dupeId = await World.CreateCustomerAsync(admin, dupe, phone: "+1 555 010 0200");
        var ticket = await World.CreateTicketAsync(admin, dupeId, LiveScenario.BillingTeam);
        await using var rita = await browser.NewPageAsync();
        await rita.SignInAsync(DemoAgents.RitaEmail);
        await rita.OpenAsync($"/tickets/{ticket}");
        await Expect(rita.Page.GetByTestId("customer-profile-link")).ToHaveTextAsync(dupe);
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/customers/{keeperId}");
        var page = ana.Page;

        await page.GetByTestId("merge-choose").FillAsync(dupe);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = dupe }).ClickAsync();
        await Expect(page.GetByTestId("merge-direction")).ToContainTextAsync($"{dupe} will be merged into {keeper}");
        await Expect(page.GetByTestId("merge-tickets")).ToContainTextAsync("1 ticket(s) move");
        await Expect(page.GetByTestId("merge-phones")).ToContainTextAsync("+1 555 010 0200");
        await page.GetByTestId("merge-confirm").ClickAsync();

        await Expect(page.Locator($"[data-testid=customer-ticket][data-ticket='{ticket}']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contacts-phone").GetByTestId("contact")).ToHaveTextAsync(new Regex(@"\+1 555 010 0200"));
        await Expect(page.GetByTestId("customer-history").Locator("li[data-field=Merged]")).ToContainTextAsync(dupe);
        await Expect(rita.Page.GetByTestId("customer-profile-link")).ToHaveTextAsync(keeper);
        await Expect(rita.Page.TimelineEvent(keeper)).Not.ToHaveCountAsync(0);

        // An old link to the merged record leads to the survivor.
        await ana.OpenAsync($"/customers/{dupeId}");
        await page.WaitForURLAsync($"**/customers/{keeperId}");
    }

    [GeneratedRegex(@"/tickets/(\d+)$")]
    private static partial Regex TicketNumber();
}
