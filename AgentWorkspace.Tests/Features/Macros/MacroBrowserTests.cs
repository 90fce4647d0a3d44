using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Macros;

/// <summary>Applying a macro from the ticket page: preview, apply, the changes and the history line, and the reply in the composer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MacroBrowserTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task ApplyingRefundApproved_ChangesTheTicket_TheHistoryNamesTheMacro_AndTheReplyIsInTheComposer()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        var page = agent.Page;

        await page.GetByTestId("macros-menu").Locator("button").First.ClickAsync();
        await page.Locator("[data-testid=macro-item][data-macro='Refund approved']").ClickAsync();

        var preview = page.GetByTestId("macro-preview");
        await Expect(preview).ToBeFocusedAsync();
        await Expect(preview.GetByTestId("macro-changes")).ToContainTextAsync("Status: Open → Waiting on customer");
        await Expect(preview.GetByTestId("macro-changes")).ToContainTextAsync("Add the tag refund");
        await Expect(preview).ToContainTextAsync("it is not sent by itself");

        await preview.GetByTestId("macro-apply").ClickAsync();

        await Expect(page.GetByTestId("macro-preview")).ToHaveCountAsync(0);
        await Expect(page.SelectInput("prop-status")).ToHaveValueAsync("Waiting on customer");
        await Expect(page.SelectInput("prop-assignee")).ToHaveValueAsync("Ana García");
        await Expect(page.TimelineEvent("added tag refund")).ToContainTextAsync("macro: Refund approved");
        await Expect(page.TimelineEvent("changed status from Open to Waiting on customer")).ToContainTextAsync("macro: Refund approved");
        await Expect(page.GetByTestId("composer").Locator("textarea").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("your refund is approved"));
        agent.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenTheTicketChangesAfterThePreview_NothingIsApplied_AndTheAgentIsTold()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        var page = agent.Page;
        await page.GetByTestId("macros-menu").Locator("button").First.ClickAsync();
        await page.Locator("[data-testid=macro-item][data-macro='Escalate as urgent']").ClickAsync();
        await Expect(page.GetByTestId("macro-preview")).ToBeVisibleAsync();

        var lucas = await scenario.ScopeOfAsync(DemoAgents.LucasEmail);
        (await scenario.Tickets.ExecuteAsync(lucas, ticket.Id, new AddTag("changed-meanwhile"))).Succeeded.ShouldBeTrue();
        // The page shows the change live; the preview still stands for the version it was made from.
        await Expect(page.TimelineEvent("added tag changed-meanwhile")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("macro-preview")).ToBeVisibleAsync();
        await page.GetByTestId("macro-apply").ClickAsync();

        await Expect(page.GetByTestId("macro-error")).ToContainTextAsync("nothing was applied");
        var stored = await new TicketTestData(browser.App.Services).ReadAsync(ticket.Id);
        stored.Priority.ShouldBe(TicketPriority.Normal);
        stored.Tags.Select(t => t.Tag).ShouldBe(["changed-meanwhile"]);
    }
}
