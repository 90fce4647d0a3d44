using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgentWorkspace.Features.Api;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiAuthenticationTests(WorkspaceAppFactory app)
{
    [Theory]
    [InlineData(null)]
    [InlineData("aw_ThisIsWellFormedButNoSuchKeyExists0")]
    [InlineData("aw_short")]
    [InlineData("not-even-a-key")]
    public async Task ACallWithoutAValidKey_Gets401ProblemJson(string? key)
    {
        using var http = app.ClientWithKey(key);

        var response = await http.GetAsync("/api/v1/tickets");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task AKeyWithTheRightPrefixButAWrongSecret_Gets401()
    {
        var (_, secret) = await app.CreateKeyAsync();
        var tampered = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        using var http = app.ClientWithKey(tampered);

        var response = await http.GetAsync("/api/v1/tickets/1001");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARevokedKey_StopsWorkingAtOnce()
    {
        var (id, secret) = await app.CreateKeyAsync();
        using var http = app.ClientWithKey(secret);
        (await http.GetAsync("/api/v1/tickets/1001")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(await app.AgentIdAsync(DemoAgents.AdminEmail), id)).ShouldBeTrue();

        await (await http.GetAsync("/api/v1/tickets/1001")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeyIssuedByAnAdminWhoIsDeactivated_StopsWorking()
    {
        var admins = app.Services.CreateScope().ServiceProvider.GetRequiredService<AgentWorkspace.Features.Agents.AgentAdminService>();
        var created = await admins.CreateAgentAsync(new AgentWorkspace.Features.Agents.NewAgent
        {
            DisplayName = "Leaving Admin",
            Email = $"leaving-{Guid.NewGuid():N}@nimbus.test",
            Password = DemoAgents.Password,
            Roles = [AgentWorkspace.Features.Agents.Roles.Admin],
        });
        created.Succeeded.ShouldBeTrue(created.Error);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(created.AgentId!, "leaving admin's key", null);
        using var http = app.ClientWithKey(key.Secret);
        (await http.GetAsync("/api/v1/tickets/1001")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admins.SetActiveAsync(created.AgentId!, false, await app.AgentIdAsync(DemoAgents.AdminEmail))).Succeeded.ShouldBeTrue();

        await (await http.GetAsync("/api/v1/tickets/1001")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheKey_IsAlsoAcceptedInTheXApiKeyHeader()
    {
        var (_, secret) = await app.CreateKeyAsync();
        using var http = app.ClientWithKey(null);
        http.DefaultRequestHeaders.Add("X-Api-Key", secret);

        (await http.GetAsync("/api/v1/tickets/1001")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ASignedInAgentsCookie_DoesNotAuthenticateApiCalls()
    {
        using var browser = new FormClient(app.ServerAddress);
        (await browser.SignInAsync(DemoAgents.AdminEmail, DemoAgents.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie works for the workspace itself");

        var list = await browser.Http.GetAsync("/api/v1/tickets");
        var create = await browser.Http.SendRawAsync(HttpMethod.Post, "/api/v1/tickets",
            """{"subject":"csrf","body":"x","customer":{"email":"csrf@example.com"}}""");

        await list.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await create.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OnlyAdmins_CanIssueKeys()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();

        var refused = await keys.CreateAsync(await app.AgentIdAsync(DemoAgents.AnaEmail), "Ana's bot", null);

        refused.Succeeded.ShouldBeFalse();
        refused.Secret.ShouldBeNull();
    }

    [Fact]
    public async Task TheSecret_IsShownOnce_AndOnlyItsHashIsStored()
    {
        var (id, secret) = await app.CreateKeyAsync();

        secret.ShouldMatch("^aw_[A-Za-z0-9_-]{32}$");
        await using var db = await app.DbAsync();
        var row = await db.ApiKeys.SingleAsync(k => k.Id == id);
        row.Prefix.ShouldBe(secret[..12]);
        row.Hash.ShouldNotBe(secret);
        row.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        var everyColumn = await db.Database.SqlQuery<string>(
                $"""SELECT "Id" || '|' || "Name" || '|' || "Prefix" || '|' || "Hash" || '|' || "Scope" || '|' || "CreatedById" AS "Value" FROM "ApiKeys" """)
            .ToListAsync();
        everyColumn.ShouldContain(r => r.Contains(row.Prefix));
        var random = secret[3..];
        everyColumn.ShouldAllBe(r => !r.Contains(random));
        (await app.Services.GetRequiredService<ApiKeyService>().ListAsync()).ShouldContain(k => k.Id == id && k.Prefix == row.Prefix);
    }

    [Fact]
    public async Task LastUsed_IsRecorded_ButNotRewrittenOnEveryCall()
    {
        var (id, secret) = await app.CreateKeyAsync();
        using var http = app.ClientWithKey(secret);

        (await http.GetAsync("/api/v1/tickets/1001")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = await LastUsedAsync(id);
        (await http.GetAsync("/api/v1/tickets/1002")).StatusCode.ShouldBe(HttpStatusCode.OK);

        first.ShouldNotBeNull();
        (await LastUsedAsync(id)).ShouldBe(first);
    }

    [Fact]
    public async Task TheOpenApiDocument_IsServedAnonymously_AndDescribesTheTicketEndpoints()
    {
        using var http = app.ClientWithKey(null);

        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/tickets");
        paths.ShouldContain("/api/v1/tickets/{number}");
        paths.ShouldContain("/api/v1/tickets/{number}/messages");
        paths.ShouldAllBe(p => p.StartsWith("/api/v1/"));
        document["paths"]!["/api/v1/tickets"]!["post"]!["requestBody"].ShouldNotBeNull();
        document["components"]!["securitySchemes"]!["ApiKey"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    private async Task<DateTimeOffset?> LastUsedAsync(int id)
    {
        await using var db = await app.DbAsync();
        return await db.ApiKeys.Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync();
    }
}
