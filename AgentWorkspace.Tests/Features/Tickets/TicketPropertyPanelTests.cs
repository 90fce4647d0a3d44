using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>The property panel in Chromium: a refused change is said in a toast that never sits over the panel.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class TicketPropertyPanelTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task ARefusedTag_IsToldInAToastBesideThePanel_NotOverIt_AndTheTypedTagIsKept()
    {
        var ticket = await scenario.CreateTicketAsync();
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await ana.OpenAsync($"/tickets/{ticket.Number}");
        var page = ana.Page;
        var addTag = page.GetByTestId("add-tag");

        await addTag.FillAsync("no way!");
        await addTag.PressAsync("Enter");

        var toast = page.Locator(".mud-snackbar", new() { HasTextString = "A tag is 1 to 50 letters" });
        await Expect(toast).ToBeVisibleAsync();
        await Expect(addTag).ToHaveValueAsync("no way!");
        var panel = (await page.GetByTestId("ticket-properties").BoundingBoxAsync())!;
        var shown = (await toast.BoundingBoxAsync())!;
        // Side by side, not merely apart at this scroll position: scrolling can never bring the two together.
        (shown.X + shown.Width <= panel.X || panel.X + panel.Width <= shown.X)
            .ShouldBeTrue($"the toast ({shown.X}..{shown.X + shown.Width}) shares columns with the property panel ({panel.X}..{panel.X + panel.Width})");
    }
}
