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
