using System.Net;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Api;

[Collection(BrowserCollection.Name)]
public sealed class ApiKeysPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdmin_IssuesAKey_ThatWorksOnTheApi_AndRevokesIt()
    {
        var name = $"Chatbot {Guid.NewGuid():N}"[..16];
        await using var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAgents.AdminEmail);
        var page = admin.Page;
        await admin.OpenAsync("/admin/api-keys");

        await page.Locator("input[name='KeyName']").FillAsync(name);
        await page.ChooseAsync("key-team", ApiTestClient.TechnicalTeam);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        await Expect(page.GetByTestId("new-key-secret")).ToContainTextAsync("shown only once");
        var secret = await page.GetByLabel("New API key").InputValueAsync();
        secret.ShouldStartWith("aw_");
        await Expect(page.GetByTestId("api-keys-grid").GetByText(name)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("api-keys-grid").Locator("tr", new() { HasText = name })).ToContainTextAsync(ApiTestClient.TechnicalTeam);
        using var http = browser.App.ClientWithKey(secret);
        (await http.GetAsync("/api/v1/tickets?limit=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        // Revoking can't be undone: it waits for the admin's confirmation.
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync($"Revoke {name}?");
        (await http.GetAsync("/api/v1/tickets?limit=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" })).ToHaveCountAsync(0);
        (await http.GetAsync("/api/v1/tickets?limit=1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
