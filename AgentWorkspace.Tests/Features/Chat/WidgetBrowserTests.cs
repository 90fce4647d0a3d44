using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

[Collection(BrowserCollection.Name)]
public sealed class WidgetBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task DemoShop_EmbedsTheWidget_WhichConnectsToTheHub()
    {
        await using var customer = await browser.NewPageAsync();
        var page = customer.Page;
        await page.GotoAsync("/demo/shop.html");

        var launcher = page.Locator("#agentworkspace-widget").Locator("button.launcher");
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await launcher.ClickAsync();

        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#agentworkspace-widget .status")).ToHaveAttributeAsync("data-state", "connected");
        customer.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AStaleConversationToken_IsForgotten_AndTheWidgetIsConnectedWithTheStartForm()
    {
        await using var customer = await browser.NewPageAsync();
        var page = customer.Page;
        await page.GotoAsync("/demo/shop.html");
        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        await page.EvaluateAsync(
            "key => localStorage.setItem(key, JSON.stringify({ token: 'a-token-the-server-never-issued', ticketNumber: 987654, outbox: [] }))",
            $"agentworkspace:{origin}");
        await page.ReloadAsync();

        var widget = page.Locator("#agentworkspace-widget");
        await widget.Locator("button.launcher").ClickAsync();

        // Before: the resume failed, the token was dropped, and the status stayed "connecting" for good.
        await Expect(widget.Locator(".status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(widget.Locator("form.start")).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<string>("key => localStorage.getItem(key)", $"agentworkspace:{origin}");
        stored.ShouldNotContain("a-token-the-server-never-issued");
    }

    [Fact]
    public async Task Widget_IsNotStyledByTheHostPage()
    {
        await using var customer = await browser.NewPageAsync();
        var page = customer.Page;
        await page.GotoAsync("/demo/shop.html");
        var launcher = page.Locator("#agentworkspace-widget button.launcher");

        var background = await launcher.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        var hostButton = await page.EvaluateAsync<string>("() => { const b = document.createElement('button'); document.body.appendChild(b); const c = getComputedStyle(b).backgroundColor; b.remove(); return c; }");

        hostButton.ShouldBe("rgb(255, 105, 180)", "the demo shop paints its own buttons hot pink");
        background.ShouldNotBe(hostButton);
    }

    [Fact]
    public async Task Widget_SpeaksSpanishToSpanishBrowsers()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString(), Locale = "es-ES" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/demo/shop.html");
            await Expect(page.Locator("#agentworkspace-widget button.launcher")).ToHaveTextAsync("Chatea con nosotros");
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
