using AgentWorkspace.Data;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Canned;

/// <summary>The "/" picker in a real browser: typed, driven with the keyboard, inserted with the ticket's values.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CannedBrowserTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task TypingSlashRef_ArrowsAndEnter_InsertTheRefundReplyWithItsVariablesFilledIn()
    {
        var ticket = await scenario.CreateTicketAsync();
        var ana = await scenario.ScopeOfAsync(DemoAgents.AnaEmail);
        int refundId;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            refundId = await db.CannedResponses.Where(c => c.Shortcut == "refund-approved").Select(c => c.Id).SingleAsync();
        }
        var expected = (await browser.App.Services.GetRequiredService<CannedService>()
            .RenderForTicketAsync(refundId, ticket.Id, ana.AgentId, new Uri(browser.BaseAddress, "/"))).ShouldNotBeNull();

        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        var input = agent.Page.GetByTestId("composer").Locator("textarea").First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync("Hello! /ref");

        var options = agent.Page.GetByTestId("canned-option");
        await Expect(options.First).ToHaveAttributeAsync("data-shortcut", "refund-approved");
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        var first = await options.First.GetAttributeAsync("id");
        await Expect(input).ToHaveAttributeAsync("aria-activedescendant", first!);
        await Expect(agent.Page.GetByTestId("canned-preview")).ToContainTextAsync("your refund is approved");

        if (await options.CountAsync() > 1)
        {
            await input.PressAsync("ArrowDown");
            await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
            await input.PressAsync("ArrowUp");
        }
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("Enter");

        await Expect(agent.Page.GetByTestId("canned-picker")).ToHaveCountAsync(0);
        await Expect(input).ToHaveValueAsync("Hello! " + expected.Text);
        (await input.InputValueAsync()).ShouldNotContain("{{");
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        agent.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task EscapeClosesThePicker_AndEnterThenTypesANewLineAgain()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        var input = agent.Page.GetByTestId("composer").Locator("textarea").First;
        await input.ClickAsync();
        await input.PressSequentiallyAsync("/greet");
        await Expect(agent.Page.GetByTestId("canned-option").First).ToBeVisibleAsync();

        await input.PressAsync("Escape");
        await Expect(agent.Page.GetByTestId("canned-picker")).ToHaveCountAsync(0);
        await input.PressAsync("Enter");

        await Expect(input).ToHaveValueAsync("/greet\n");
    }
}
