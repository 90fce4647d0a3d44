using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Account;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task DemoAgent_SignsIn_AndSeesTheDemoTicketsInTheShell()
    {
        await using var agent = await browser.NewPageAsync();
        await agent.SignInAsync(DemoAgents.BenEmail);

        var page = agent.Page;
        await Expect(page.GetByTestId("agent-name")).ToHaveTextAsync("Ben Carter");
        await Expect(page.GetByTestId("ticket-subject").First).ToBeVisibleAsync();
        (await page.GetByTestId("ticket-subject").CountAsync()).ShouldBeGreaterThan(5);
        agent.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task WrongPassword_ShowsAnError_AndStaysOnSignIn()
    {
        await using var agent = await browser.NewPageAsync();
        var page = agent.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(DemoAgents.LucasEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong email or password.");
        page.Url.ShouldContain("/account/login");
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn()
    {
        await using var agent = await browser.NewPageAsync();
        var page = agent.Page;
        await page.GotoAsync("/tickets/1001");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Ftickets%2F1001"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
