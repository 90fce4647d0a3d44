using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Agents;

[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_CreatesAnAgent_WhoCanThenSignIn()
    {
        var email = $"new-{Guid.NewGuid():N}"[..12] + "@nimbus.test";
        await using var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAgents.AdminEmail);
        var page = admin.Page;
        await admin.OpenAsync("/admin/agents");
        await DemoWait(page);

        var form = page.GetByTestId("new-agent-form");
        await form.Locator("input[name='DisplayName']").FillAsync("Priya Nair");
        await form.Locator("input[name='Email']").FillAsync(email);
        await form.Locator("input[name='Password']").FillAsync(DemoAgents.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create agent" }).ClickAsync();

        await Expect(page.GetByTestId("agents-grid").GetByText(email)).ToBeVisibleAsync();

        await using var priya = await browser.NewPageAsync();
        await priya.SignInAsync(email);
        await Expect(priya.Page.GetByTestId("agent-name")).ToHaveTextAsync("Priya Nair");
    }

    [Fact]
    public async Task Admin_CreatingAnAgentWithAWeakPassword_GetsAClearErrorAndKeepsTheForm()
    {
        await using var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAgents.AdminEmail);
        var page = admin.Page;
        await admin.OpenAsync("/admin/agents");
        await DemoWait(page);

        var form = page.GetByTestId("new-agent-form");
        await form.Locator("input[name='DisplayName']").FillAsync("Weak Password");
        await form.Locator("input[name='Email']").FillAsync("weak@nimbus.test");
        await form.Locator("input[name='Password']").FillAsync("short");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create agent" }).ClickAsync();

        await Expect(form.GetByText("The password needs at least 10 characters.")).ToBeVisibleAsync();
        await Expect(form.Locator("input[name='DisplayName']")).ToHaveValueAsync("Weak Password");
    }

    private static Task DemoWait(IPage page) => Expect(page.GetByTestId("agents-grid")).ToBeVisibleAsync();
}
