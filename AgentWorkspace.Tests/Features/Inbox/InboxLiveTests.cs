using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The inbox list: live arrivals, search, keyboard work and bulk changes.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class InboxLiveTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task TicketOpenedByACustomer_AppearsLiveInAllOpen_AndItsCountGoesUp()
    {
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        var page = ana.Page;
        await Expect(page.Locator("[data-view='AllOpen']")).ToHaveAttributeAsync("aria-selected", "true");
        var allOpen = page.GetByTestId("view-count-AllOpen");
        var before = (await scenario.CountsAsync(DemoAgents.AnaEmail))["AllOpen"];
        await Expect(allOpen).ToHaveTextAsync(before.ToString());

        var ticket = await scenario.CreateTicketAsync();

        await Expect(page.InboxRow(ticket.Number).GetByTestId("ticket-subject")).ToHaveTextAsync(ticket.Subject);
        await Expect(allOpen).ToHaveTextAsync((before + 1).ToString());
    }

    [Fact]
    public async Task Search_IgnoresAccents_AndFindsATicketByItsNumber()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var spanish = await scenario.CreateTicketAsync(body: $"Hola, no puedo cambiar mi contraseña desde ayer. Ref {marker}");
        var other = await scenario.CreateTicketAsync(body: $"My invoice total looks wrong. Ref {marker}");
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        var page = ana.Page;
        await Expect(page.InboxRow(other.Number)).ToBeVisibleAsync();
        var search = page.GetByTestId("inbox-search");

        await search.FillAsync("contrasena");

        // The other ticket leaving the list shows the search was applied; only then does the match count.
        await Expect(page.InboxRow(other.Number)).ToHaveCountAsync(0);
        await Expect(page.InboxRow(spanish.Number)).ToBeVisibleAsync();

        await search.FillAsync($"#{other.Number}");

        await Expect(page.InboxRow(other.Number)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Keyboard_ArrowDownThenA_AssignsTheFocusedTicketToMe_AndEnterOpensIt()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        var page = ana.Page;
        var row = page.InboxRow(ticket.Number);
        await Expect(page.GetByTestId("inbox-row").First).ToHaveAttributeAsync("data-ticket", ticket.Number.ToString());
        await Expect(row.GetByTestId("row-assignee")).ToHaveTextAsync("—");
        var list = page.GetByTestId("inbox-list");
        await page.WaitForInboxShortcutsAsync();
        await list.FocusAsync();

        await page.Keyboard.PressAsync("ArrowDown");

        await Expect(page.Locator("[data-testid=inbox-row].focused")).ToHaveAttributeAsync("data-ticket", ticket.Number.ToString());

        await page.Keyboard.PressAsync("a");

        await Expect(row.GetByTestId("row-assignee")).ToHaveTextAsync("Ana García");

        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/tickets/{ticket.Number}$"));
        await Expect(page.Locator("h1.aw-page-title")).ToContainTextAsync(ticket.Subject);
        await Expect(page.SelectInput("prop-assignee")).ToHaveValueAsync("Ana García");
    }

    [Fact]
    public async Task JAndK_MoveThroughTheRows_AsSoonAsTheInboxIsShown_ButNotWhileTheAgentTypesInAField()
    {
        var older = await scenario.CreateTicketAsync();
        var newer = await scenario.CreateTicketAsync();
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        var page = ana.Page;
        await Expect(page.GetByTestId("inbox-row").Nth(0)).ToHaveAttributeAsync("data-ticket", newer.Number.ToString());
        await Expect(page.GetByTestId("inbox-row").Nth(1)).ToHaveAttributeAsync("data-ticket", older.Number.ToString());
        await page.WaitForInboxShortcutsAsync();
        var focused = page.Locator("[data-testid=inbox-row].focused");

        // Nothing was clicked or tabbed to: the keys go to the page itself.
        await page.Keyboard.PressAsync("j");
        await Expect(focused).ToHaveAttributeAsync("data-ticket", newer.Number.ToString());
        await page.Keyboard.PressAsync("j");
        await Expect(focused).ToHaveAttributeAsync("data-ticket", older.Number.ToString());
        await page.Keyboard.PressAsync("k");
        await Expect(focused).ToHaveAttributeAsync("data-ticket", newer.Number.ToString());

        // Keys typed into a field stay in it (the bulk bar's tag field: typing there changes nothing else on the page).
        await page.InboxRow(newer.Number).Locator("input[type=checkbox]").CheckAsync();
        var tag = page.GetByTestId("bulk-tag");
        await tag.ClickAsync();
        await page.Keyboard.TypeAsync("jj");
        await Expect(tag).ToHaveValueAsync("jj");
        await page.Locator("h1.aw-page-title").ClickAsync();

        // One more j moves one row from where k left the cursor: the letters typed above never moved it (had they, it would
        // now be two rows further down).
        await page.Keyboard.PressAsync("j");
        await Expect(focused).ToHaveAttributeAsync("data-ticket", older.Number.ToString());
    }

    [Fact]
    public async Task EnterOnATicketNumberInTheSearch_OpensThatTicket_WithOrWithoutTheHash()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        var page = ana.Page;
        await Expect(page.InboxRow(ticket.Number)).ToBeVisibleAsync();

        await page.GetByTestId("inbox-search").FillAsync($"#{ticket.Number}");
        await page.GetByTestId("inbox-search").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/tickets/{ticket.Number}$"));
        await Expect(page.Locator("h1.aw-page-title")).ToContainTextAsync(ticket.Subject);

        await ana.OpenAsync("/");
        await page.GetByTestId("inbox-search").FillAsync($" {ticket.Number} ");
        await page.GetByTestId("inbox-search").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/tickets/{ticket.Number}$"));
    }

    [Fact]
    public async Task BulkPriority_ChangesExactlyTheSelectedTickets()
    {
        var first = await scenario.CreateTicketAsync();
        var untouched = await scenario.CreateTicketAsync();
        var second = await scenario.CreateTicketAsync();
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        var page = ana.Page;
        await Expect(page.InboxRow(first.Number)).ToBeVisibleAsync();

        await page.InboxRow(first.Number).Locator("input[type=checkbox]").CheckAsync();
        await page.InboxRow(second.Number).Locator("input[type=checkbox]").CheckAsync();
        await Expect(page.GetByTestId("bulk-bar")).ToContainTextAsync("2 selected");
        await page.ChooseAsync("bulk-priority", "Urgent", keepsChoice: false);

        await Expect(page.InboxRow(first.Number).Locator("[data-priority]")).ToHaveAttributeAsync("data-priority", "Urgent");
        await Expect(page.InboxRow(second.Number).Locator("[data-priority]")).ToHaveAttributeAsync("data-priority", "Urgent");
        await Expect(page.InboxRow(untouched.Number).Locator("[data-priority]")).ToHaveAttributeAsync("data-priority", "Normal");
        await Expect(page.GetByTestId("bulk-bar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ABurstOfChanges_LeavesEveryOpenInbox_ExactlyAsTheDatabaseHasIt()
    {
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await using var rita = await browser.NewPageAsync();
        await rita.SignInAsync(DemoAgents.RitaEmail);
        await Expect(ana.Page.GetByTestId("inbox-row").First).ToBeVisibleAsync();
        await Expect(rita.Page.GetByTestId("inbox-row").First).ToBeVisibleAsync();
        var anaScope = await scenario.ScopeOfAsync(DemoAgents.AnaEmail);

        // Thirty changes at once from several writers: new tickets in two teams, assignments, status and priority changes.
        var created = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            scenario.CreateTicketAsync(team: i % 2 == 0 ? LiveScenario.BillingTeam : LiveScenario.TechnicalTeam)));
        var work = new List<Task>();
        foreach (var (t, i) in created.Select((t, i) => (t, i)))
        {
            work.Add((i % 3) switch
            {
                0 => scenario.Tickets.ExecuteAsync(anaScope, t.Id, new Assign(null, anaScope.AgentId)),
                1 => scenario.Tickets.ExecuteAsync(anaScope, t.Id, new SetStatus(TicketStatus.Open, TicketStatus.OnHold)),
                _ => scenario.Tickets.ExecuteAsync(anaScope, t.Id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent)),
            });
            if (i < 5)
            {
                work.Add(scenario.Tickets.AddCustomerMessageAsync(t.Id, t.CustomerId, "Any news?", null));
            }
        }
        await Task.WhenAll(work);

        foreach (var (agent, email) in new[] { (ana, DemoAgents.AnaEmail), (rita, DemoAgents.RitaEmail) })
        {
            var scope = await scenario.ScopeOfAsync(email);
            var expected = await browser.App.Services.GetRequiredService<InboxQuery>().ListAsync(scope, new InboxFilter());
            await Expect(agent.Page.Locator("[data-testid=inbox-row] a.aw-ticket-number"))
                .ToHaveTextAsync(expected.Rows.Select(r => $"#{r.Number}").ToArray());
            var counts = await scenario.CountsAsync(email);
            foreach (var (view, count) in counts)
            {
                await Expect(agent.Page.GetByTestId($"view-count-{view}")).ToHaveTextAsync(count.ToString("N0"));
            }
        }
    }
}
