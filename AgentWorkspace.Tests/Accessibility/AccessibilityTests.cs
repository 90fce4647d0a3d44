using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Portal;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Accessibility;

/// <summary>Its own app and browser: the audit adds an agent and an article, and must not wait behind other browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Accessibility";
}

/// <summary>
/// Every kind of page agents and customers see, checked with axe-core's WCAG 2.1 AA rules in the light and the dark
/// theme: each page is loaded once per theme and audited as it renders, and the test fails listing every violation
/// (rule, element, what is wrong).
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private const string Article = "{article}";
    private const string TicketLink = "{ticket-link}";
    private const string SignInLink = "{sign-in-link}";
    private const string SurveyLink = "{survey-link}";

    /// <summary>In the order they are visited; the inbox is where signing in lands, so it is audited on that load.</summary>
    private static readonly AuditedPage[] SignedInPages =
    [
        new("inbox", "/", "[data-testid=inbox-list]", Interactive: true),
        new("ticket", "/tickets/1001", "[data-testid=timeline]", Interactive: true),
        new("customers", "/customers", "[data-testid=customer-row]", Interactive: true),
        new("customer", "/customers/1", "[data-testid=customer-details]", Interactive: true),
        new("new-ticket", "/tickets/new", "[data-testid=new-ticket-form]", Interactive: true),
        new("kb-list", "/kb", "[data-testid=kb-list]", Interactive: true),
        new("kb-article", $"/kb/articles/{Article}", "[data-testid=article-page]", Interactive: true),
        new("kb-editor", "/kb/articles/new", "[data-testid=article-editor]", Interactive: true),
        new("kb-insights", "/kb/insights", "[data-testid=deflection]", Interactive: true),
        new("agents", "/admin/agents", "[data-testid=agents-grid]", Interactive: true),
        new("api-keys", "/admin/api-keys", "[data-testid=api-keys-grid]", Interactive: true),
        new("sla-policies", "/admin/sla-policies", "[data-testid=policies-grid]", Interactive: true),
        new("calendars", "/admin/calendars", "[data-testid=calendars-grid]", Interactive: true),
        new("rules", "/admin/rules", "[data-testid=rules-grid]", Interactive: true),
        new("email", "/admin/email", "[data-testid=outbox-counts]", Interactive: true),
        new("canned-responses", "/canned", "[data-testid=canned-row-shortcut]", Interactive: true),
        new("macros", "/macros", "[data-testid=macro-row-name]", Interactive: true),
        new("reports", "/reports", "[data-testid=table-summary]", Interactive: true),
        new("dashboard", "/dashboard", "[data-testid=dash-created]", Interactive: true),
        new("routing", "/admin/routing", "[data-testid=team-routing-row]", Interactive: true),
        new("access-denied", "/account/access-denied", "h1", Interactive: false),
        new("not-found", "/no-such-page", "h1", Interactive: false),
        // The customers' help centre has one light design whatever theme the agent's browser carries.
        new("help-home", "/help", "[data-testid=help-centre]", Interactive: false, FollowsAgentTheme: false),
        new("help-article", $"/help/a/{Article}", "[data-testid=help-article]", Interactive: false, FollowsAgentTheme: false),
        new("help-request-form", "/help/new", "[data-testid=webform]", Interactive: false, FollowsAgentTheme: false),
        new("help-request-sent", "/help/new/sent", "[data-testid=webform-sent]", Interactive: false, FollowsAgentTheme: false),
        // The customer portal: its own session, whatever the agent's sign-in; one ticket opened from its e-mail link, the list
        // of tickets opened from links, a ticket it can't open, a broken link, then a sign-in link's page and "my tickets".
        new("portal-sign-in", "/help/tickets", "[data-testid=portal-sign-in]", Interactive: false, FollowsAgentTheme: false),
        new("portal-ticket", TicketLink, "[data-testid=portal-conversation]", Interactive: false, FollowsAgentTheme: false),
        new("portal-linked", "/help/tickets", "[data-testid=portal-linked-tickets]", Interactive: false, FollowsAgentTheme: false),
        new("portal-unavailable", "/help/tickets/987654", "[data-testid=portal-ticket-unavailable]", Interactive: false, FollowsAgentTheme: false),
        new("portal-link-problem", "/help/tickets/987654?k=broken", "[data-testid=portal-link-problem]", Interactive: false, FollowsAgentTheme: false),
        // A satisfaction survey's page, opened from its e-mailed link (the portal ticket above shows its card too).
        new("survey", SurveyLink, "[data-testid=survey-submit]", Interactive: false, FollowsAgentTheme: false),
        new("portal-confirm", SignInLink, "[data-testid=portal-confirm]", Interactive: false, FollowsAgentTheme: false),
    ];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryPage_PassesWcag21AA_InThisTheme(string theme)
    {
        var (email, articleId) = await AuditDataAsync();
        var portal = await PortalAuditDataAsync();
        await using var agent = await browser.NewPageAsync();
        await agent.Context.AddCookiesAsync([new Cookie { Name = UiPreferences.ThemeCookie, Value = theme, Url = browser.BaseAddress.ToString() }]);
        var page = agent.Page;
        var violations = new List<AxeViolation>();

        await page.GotoAsync("/account/login");
        await ExpectThemeAsync(page, theme);
        violations.AddRange(await Axe.CheckAsync(page, "sign-in", theme));

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoAgents.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));

        foreach (var audited in SignedInPages)
        {
            if (audited.Path != "/")
            {
                await page.GotoAsync(audited.Path.Replace(Article, articleId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Replace(TicketLink, portal.TicketLink).Replace(SignInLink, portal.SignInLink).Replace(SurveyLink, portal.SurveyLink));
            }
            if (audited.Interactive)
            {
                await AgentPageExtensions.WaitForCircuitAsync(page);
            }
            await Expect(page.Locator(audited.Ready).First).ToBeVisibleAsync();
            await ExpectThemeAsync(page, audited.FollowsAgentTheme ? theme : "light");
            violations.AddRange(await Axe.CheckAsync(page, audited.Name, theme));
            if (audited.Name == "ticket")
            {
                violations.AddRange(await TicketOverlaysAsync(page, theme));
            }
        }

        // Using the sign-in link (the last page) opens "my tickets".
        await page.GetByTestId("portal-confirm-sign-in").ClickAsync();
        await Expect(page.GetByTestId("portal-tickets")).ToBeVisibleAsync();
        violations.AddRange(await Axe.CheckAsync(page, "portal-my-tickets", theme));

        // The survey page sent empty: its errors beside the questions.
        await page.GotoAsync(portal.SurveyLink);
        await page.GetByTestId("survey-submit").ClickAsync();
        await Expect(page.GetByTestId("survey-error-csat")).ToBeVisibleAsync();
        violations.AddRange(await Axe.CheckAsync(page, "survey-errors", theme));

        if (violations.Count > 0)
        {
            Assert.Fail($"{violations.Count} WCAG 2.1 AA violation(s) in the {theme} theme:\n{string.Join("\n", violations)}");
        }
    }

    /// <summary>An agent with every role (so one sign-in opens every page) and a published article to read.</summary>
    private async Task<(string Email, int ArticleId)> AuditDataAsync()
    {
        var data = new KbTestData(browser.App.Services);
        var (email, _) = await data.CreateAgentAsync("Alex Auditor", Roles.Admin, Roles.KbEditor, Roles.KbReviewer);
        var (articleId, _) = await data.PublishedAsync(KbTestData.Draft(
            KbTestData.Unique("Reset your password"),
            "## Before you start\n\nYou need access to your **email**.\n\n1. Open *Settings*\n2. Choose `Security`\n\n" +
            "| Step | Time |\n|---|---|\n| Request | 1 min |\n\nSee [the help centre](/help)."));
        return (email, articleId);
    }

    /// <summary>A customer with a ticket (a reply with Markdown in it), its e-mail link, and a fresh one-time sign-in link.</summary>
    private async Task<(string TicketLink, string SignInLink, string SurveyLink)> PortalAuditDataAsync()
    {
        var services = browser.App.Services;
        var data = new TicketTestData(services);
        await using var db = await data.DbAsync();
        var customer = new Customer { Name = "Audrey Audit", Email = $"audrey-{Guid.NewGuid():N}@customer.example", CreatedAt = DateTimeOffset.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var created = await data.Tickets.CreateTicketAsync(new NewTicket(customer.Id, "My invoice shows the wrong VAT", "Hello, the VAT on invoice INV-7 is 21 % instead of 10 %.", TicketChannel.Email));
        var ticketId = created.Message!.TicketId;
        var admin = await data.ScopeAsync(DemoAgents.AdminEmail);
        await data.Tickets.AddAgentMessageAsync(admin, ticketId, new AgentMessage("Sorry about that! **Steps**:\n\n1. Open *Billing*\n2. Choose `Invoices`\n\nSee [the help centre](/help).", MessageVisibility.Public));
        var key = services.GetRequiredService<TicketLinks>().Issue(ticketId, customer.Id, DateTimeOffset.UtcNow.AddDays(1));
        var (token, hash) = PortalSignInService.NewToken();
        db.PortalSignIns.Add(new PortalSignIn
        {
            NormalizedEmail = customer.NormalizedEmail!, Recipient = customer.Email!, RecipientName = customer.Name, Language = "en",
            TokenHash = hash, RequestedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(30), State = PortalMailState.Sent,
        });
        var survey = new SurveyResponse
        {
            TicketId = ticketId, ResolvedAt = DateTimeOffset.UtcNow, Channel = TicketChannel.Email, Delivery = SurveyDelivery.Email, Language = "en",
            SentAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(14),
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        var surveyLink = "/" + services.GetRequiredService<SurveyLinks>().Path(survey, created.TicketNumber!.Value);
        return ($"/help/tickets/{created.TicketNumber}?k={key}", $"/help/tickets/sign-in?token={token}", surveyLink);
    }

    /// <summary>The ticket page's "/" picker (open, with its preview) and a macro's preview.</summary>
    private static async Task<IReadOnlyList<AxeViolation>> TicketOverlaysAsync(IPage page, string theme)
    {
        var violations = new List<AxeViolation>();
        var input = page.GetByTestId("composer").Locator("textarea").First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync("/re");
        await Expect(page.GetByTestId("canned-preview")).Not.ToBeEmptyAsync();
        violations.AddRange(await Axe.CheckAsync(page, "ticket-canned-picker", theme));
        await input.PressAsync("Escape");
        await input.FillAsync("");
        await page.GetByTestId("macros-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("macro-item").First.ClickAsync();
        await Expect(page.GetByTestId("macro-preview")).ToBeVisibleAsync();
        violations.AddRange(await Axe.CheckAsync(page, "ticket-macro-preview", theme));
        return violations;
    }

    private static Task ExpectThemeAsync(IPage page, string theme) =>
        Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);

    private sealed record AuditedPage(string Name, string Path, string Ready, bool Interactive, bool FollowsAgentTheme = true);
}
