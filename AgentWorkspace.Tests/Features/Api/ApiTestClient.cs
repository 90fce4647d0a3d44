using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Api;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>
/// Issues keys through the real <see cref="ApiKeyService"/> and calls the API over HTTP on the app's Kestrel
/// port, as an integration would. Responses are read as JSON nodes, so the tests check the wire format.
/// </summary>
internal static class ApiTestClient
{
    public const string BillingTeam = "Billing & Accounts";
    public const string TechnicalTeam = "Technical Support";

    public static async Task<(int Id, string Secret)> CreateKeyAsync(this WorkspaceAppFactory app, string? teamName = null)
    {
        var teamId = teamName is null ? (int?)null : await app.TeamIdAsync(teamName);
        var created = await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(await app.AgentIdAsync(DemoAgents.AdminEmail), $"test key {Guid.NewGuid():N}"[..30], teamId);
        created.Succeeded.ShouldBeTrue(created.Error);
        return (created.Id!.Value, created.Secret!);
    }

    /// <summary>A client holding a fresh key (of the team, when given).</summary>
    public static async Task<HttpClient> ApiClientAsync(this WorkspaceAppFactory app, string? teamName = null) =>
        app.ClientWithKey((await app.CreateKeyAsync(teamName)).Secret);

    public static HttpClient ClientWithKey(this WorkspaceAppFactory app, string? secret)
    {
        var http = new HttpClient { BaseAddress = app.ServerAddress };
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        return http;
    }

    public static async Task<string> AgentIdAsync(this WorkspaceAppFactory app, string email)
    {
        await using var db = await app.DbAsync();
        return await db.Users.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }

    public static async Task<int> TeamIdAsync(this WorkspaceAppFactory app, string name)
    {
        await using var db = await app.DbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    public static Task<AppDbContext> DbAsync(this WorkspaceAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>Creates a ticket through the API for a new customer and returns its JSON.</summary>
    public static async Task<JsonNode> CreateTicketAsync(this HttpClient http, string? subject = null, string? email = null)
    {
        var response = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = subject ?? "Order arrived damaged",
            body = "The box was crushed and the **mug** is broken.",
            customer = new { email = email ?? $"api-{Guid.NewGuid():N}@example.com", name = "Casey Api" },
        });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string path, object body) =>
        http.PatchAsync(path, JsonContent.Create(body));

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient http, HttpMethod method, string path, string body, string mediaType = "application/json") =>
        http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty JSON body.");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Asserts an RFC 7807 answer with this status and returns its JSON.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!;
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
