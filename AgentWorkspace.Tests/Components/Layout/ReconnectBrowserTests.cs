using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Components.Layout;

/// <summary>Stops the server under an open page and starts it again: its own app hosts, so it runs apart from the shared one.</summary>
[Collection(ReconnectCollection.Name)]
public sealed class ReconnectBrowserTests : RestartTest
{
    [Fact]
    public async Task ServerRestart_UnderAnOpenPage_RecoversWithoutAnUncaughtError()
    {
        var first = StartApp();
        var address = first.ServerAddress;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        var agent = new AgentPage(context, page);
        await agent.SignInAsync(DemoAgents.BenEmail);
        await Expect(page.GetByTestId("agent-name")).ToHaveTextAsync("Ben Carter");

        await using var second = await RestartUnderAsync(first, page);
        await Expect(page.GetByTestId("agent-name")).ToHaveTextAsync("Ben Carter");
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        pageErrors.ShouldBeEmpty();
        await context.CloseAsync();
    }

    [Fact]
    public async Task ServerRestart_WhileAnAgentWritesANote_BringsTheDraftBackIntoTheComposer_UntilItIsSent()
    {
        var first = StartApp();
        var address = first.ServerAddress;
        var ticket = await new TicketTestData(first.Services).CreateAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        var agent = new AgentPage(context, page);
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await agent.OpenAsync($"/tickets/{ticket.Number}");
        var draft = $"Checked the ledger: the refund is due ({Guid.NewGuid():N})";
        await page.GetByTestId("mode-note").ClickAsync();
        await page.GetByTestId("composer-input").FillAsync(draft);
        // The browser keeps the draft once typing pauses: wait for that before pulling the server away.
        await page.WaitForFunctionAsync("text => Object.keys(localStorage).some(key => (localStorage.getItem(key) ?? '').includes(text))", draft);

        // The new server has no such circuit: the page reloads itself and the composer comes back with the draft, still a note.
        await using var second = await RestartUnderAsync(first, page);
        var composer = page.GetByTestId("composer-input");
        await Expect(composer).ToHaveValueAsync(draft);
        await Expect(page.GetByTestId("mode-note")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync();

        await page.GetByTestId("composer-send").ClickAsync();
        await Expect(page.TimelineMessage(draft)).ToHaveAttributeAsync("data-kind", "note");
        await Expect(composer).ToHaveValueAsync("");

        // Sent means gone: loading the ticket again starts from an empty reply.
        await page.ReloadAsync();
        await AgentPageExtensions.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync(draft);
        await Expect(composer).ToHaveValueAsync("");
        await Expect(page.GetByTestId("mode-reply")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);
        pageErrors.ShouldBeEmpty();
        await context.CloseAsync();
    }

    /// <summary>
    /// Stops <paramref name="first"/> under the open page (Blazor shows its reconnect dialog), starts the app again on
    /// the same port and database, and waits until the page is live on the new host. The old circuit is gone with the
    /// old process, so the page reloads itself; Blazor retries at once ten times, then every 5 s, later every 30 s.
    /// </summary>
    private async Task<WorkspaceAppFactory> RestartUnderAsync(WorkspaceAppFactory first, IPage page)
    {
        await first.DisposeAsync();
        await Expect(page.Locator("#components-reconnect-modal")).ToBeAttachedAsync();
        await page.EvaluateAsync("() => delete document.documentElement.dataset.circuit");
        var second = StartApp();
        second.ServerAddress.Port.ShouldBe(Port);
        await Expect(page.Locator("html[data-circuit='up']")).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        return second;
    }
}
