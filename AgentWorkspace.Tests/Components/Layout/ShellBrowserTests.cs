using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Components.Layout;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClickingAView_IsAnsweredThroughTheLiveCircuit()
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.RitaEmail);
        var page = agent.Page;
        var resolvedTab = page.Locator("[data-view='ResolvedAndClosed']");
        var expected = await page.GetByTestId("view-count-ResolvedAndClosed").InnerTextAsync();

        await resolvedTab.ClickAsync();

        await Expect(resolvedTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("[data-testid=inbox-list] [data-status]").First).ToBeVisibleAsync();
        var statuses = await page.Locator("[data-testid=inbox-list] [data-status]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.status)");
        statuses.ShouldNotBeEmpty();
        statuses.ShouldAllBe(s => s == "Resolved" || s == "Closed");
        int.Parse(expected).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TheFrameworksLostConnectionRejection_IsSilenced_WhileEveryOtherRejectionStillSurfaces()
    {
        // blazor.web.js rejects with this message when a JS call completes after the server went away (seen in CI
        // under a server restart); the reconnect dialog covers that case, so the page must not report it as an error.
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.BenEmail);
        var page = agent.Page;
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.EvaluateAsync("() => { Promise.reject(new Error(\"Cannot send data if the connection is not in the 'Connected' State.\")); Promise.reject(new Error('a different failure')); }");

        await Expect(page.GetByTestId("agent-name")).ToBeVisibleAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (errors.Count == 0 && DateTime.UtcNow < deadline)
        {
            await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 50))");
        }

        errors.ShouldHaveSingleItem().ShouldContain("a different failure");
    }

    [Fact]
    public async Task GoingAway_ShowsLiveInAnotherAgentsSidebar()
    {
        await using var ana = await browser.NewPageAsync();
        await using var lucas = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await lucas.SignInAsync(DemoAgents.LucasEmail);
        var anaInLucasSidebar = lucas.Page.Locator("[data-testid='online-agents'] li[data-agent='Ana García'] .aw-presence-dot");
        await Expect(anaInLucasSidebar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("online"));

        await ana.Page.GetByTestId("presence-menu").GetByRole(AriaRole.Button).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Away", Exact = true }).ClickAsync();

        await Expect(ana.Page.GetByTestId("presence-label")).ToHaveTextAsync("Away");
        await Expect(anaInLucasSidebar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("away"));

        // From the keyboard: the profile menu is a focusable button that opens with Enter.
        await ana.Page.GetByTestId("presence-menu").GetByRole(AriaRole.Button).FocusAsync();
        await ana.Page.Keyboard.PressAsync("Enter");
        await ana.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Online", Exact = true }).ClickAsync();
        await Expect(anaInLucasSidebar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("online"));
    }

    [Fact]
    public async Task DarkMode_IsKeptAcrossPageLoadsAndSignIns_WithoutAFlashOfTheLightTheme()
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.BenEmail);
        var page = agent.Page;
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        var lightBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

        await page.GetByTestId("appearance-toggle").ClickAsync();

        await Expect(page.GetByTestId("appearance-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync("light => getComputedStyle(document.body).backgroundColor !== light", lightBackground);

        // A full load is dark in the server's first response, before any script runs.
        var response = await page.APIRequest.GetAsync("/");
        (await response.TextAsync()).ShouldContain("data-theme=\"dark\"");

        // A new browser has no cookie: signing in brings the agent's stored choice.
        await using var elsewhere = await browser.NewPageAsync();
        await elsewhere.SignInAsync(DemoAgents.BenEmail);
        await Expect(elsewhere.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(elsewhere.Page.GetByTestId("appearance-toggle")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GetByTestId("appearance-toggle").ClickAsync();
        await Expect(page.GetByTestId("appearance-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task OpeningATicket_ShowsItsTimeline_WithInternalNotesMarked()
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AdminEmail);
        var page = agent.Page;

        await page.Locator("[data-testid=inbox-list] .aw-ticket-number").First.ClickAsync();

        await Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ticket-properties")).ToBeVisibleAsync();
        (await page.Locator("[data-testid='timeline'] li[data-kind='customer']").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.LucasEmail);
        var page = agent.Page;

        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Theory]
    [InlineData(DemoAgents.AdminEmail, "/", "nav-inbox")]
    [InlineData(DemoAgents.AdminEmail, "/kb", "nav-kb")]
    [InlineData(DemoAgents.AdminEmail, "/kb/insights", "nav-kb-insights")]
    [InlineData(DemoAgents.RitaEmail, "/kb/review", "nav-review-queue")]
    [InlineData(DemoAgents.AdminEmail, "/admin/agents", "nav-agents")]
    public async Task TheNavigation_HighlightsExactlyThePageTheAgentIsOn(string email, string path, string current)
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(email);
        var page = agent.Page;

        await page.GotoAsync(path);
        await Expect(page.Locator("html[data-circuit='up']")).ToHaveCountAsync(1);

        var highlighted = page.Locator("nav [aria-current=page]");
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToHaveAttributeAsync("data-testid", current);
    }

    [Fact]
    public async Task NonAdmin_CannotOpenTheAdminPage()
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.BenEmail);
        var page = agent.Page;

        await page.GotoAsync("/admin/agents");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("agents-grid")).ToHaveCountAsync(0);
    }
}
