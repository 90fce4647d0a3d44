using System.Net;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>The admin page, as its server-side prerender shows it (creating and revoking are covered through ApiKeyService).</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeysPageTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task TheApiKeysPage_ListsKeysByPrefix_ButNeverTheirSecrets()
    {
        var (_, secret) = await app.CreateKeyAsync(ApiTestClient.TechnicalTeam);
        using var admin = new FormClient(app.ServerAddress);
        await admin.SignInAsync(DemoAgents.AdminEmail, DemoAgents.Password);

        var response = await admin.Http.GetAsync("/admin/api-keys");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Issue a key");
        html.ShouldContain(secret[..12]);
        html.ShouldContain(ApiTestClient.TechnicalTeam);
        html.ShouldNotContain(secret);
    }

    [Fact]
    public async Task TheApiKeysPage_IsForAdminsOnly()
    {
        var (_, secret) = await app.CreateKeyAsync();
        using var agent = new FormClient(app.ServerAddress);
        await agent.SignInAsync(DemoAgents.AnaEmail, DemoAgents.Password);

        var response = await agent.Http.GetAsync("/admin/api-keys");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(secret[..12]);
    }
}
