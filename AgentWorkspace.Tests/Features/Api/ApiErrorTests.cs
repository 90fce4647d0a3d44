using System.Net;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>Bad input gets a 4xx problem+json that says what is wrong; never a 500, never the HTML error pages.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiErrorTests(WorkspaceAppFactory app)
{
    private const string Customer = """ "customer": {"email": "errors@example.com"} """;

    [Theory]
    [InlineData("{not json", "$")]
    [InlineData("", "$")]
    [InlineData("null", "$")]
    [InlineData("[1, 2]", "$")]
    [InlineData("""{"subject": 123, "body": "x", "customer": {"email": "e@example.com"}}""", "$.subject")]
    [InlineData("""{"subject": "s", "body": ["x"], "customer": {"email": "e@example.com"}}""", "$.body")]
    [InlineData("""{"subject": "s", "body": "x", "channel": "Fax",""" + Customer + "}", "$.channel")]
    [InlineData("""{"subject": "s", "body": "x", "channel": 2,""" + Customer + "}", "$.channel")]
    [InlineData("""{"subject": "s", "body": "x", "priority": "Critical",""" + Customer + "}", "$.priority")]
    [InlineData("""{"subject": "s", "body": "x", "customer": "errors@example.com"}""", "$.customer")]
    [InlineData("""{"body": "x",""" + Customer + "}", "subject")]
    [InlineData("""{"subject": "   ", "body": "x",""" + Customer + "}", "subject")]
    [InlineData("""{"subject": "s", "body": "",""" + Customer + "}", "body")]
    [InlineData("""{"subject": "s", "body": "x"}""", "customer.email")]
    [InlineData("""{"subject": "s", "body": "x", "customer": {"email": "nobody"}}""", "customer.email")]
    [InlineData("""{"subject": "s", "body": "x", "customer": {"email": "e@example.com", "language": "fr"}}""", "customer.language")]
    public async Task AMalformedNewTicket_Gets400_NamingTheField(string json, string field)
    {
        using var http = await app.ApiClientAsync();

        var response = await http.SendRawAsync(HttpMethod.Post, "/api/v1/tickets", json);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![field].ShouldNotBeNull(problem.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownEnumName_IsExplainedWithTheAllowedNames()
    {
        using var http = await app.ApiClientAsync();

        var response = await http.SendRawAsync(HttpMethod.Post, "/api/v1/tickets", """{"subject": "s", "body": "x", "channel": "Fax",""" + Customer + "}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["$.channel"]![0]!.GetValue<string>().ShouldContain("WebForm");
    }

    [Fact]
    public async Task ABodyOverTheLimit_Gets400_AndAHugeRequest_Gets413()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        var tooLong = await http.SendRawAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", $$"""{"body": "{{new string('a', 10_001)}}"}""");
        var huge = await http.SendRawAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", $$"""{"body": "{{new string('a', 1_000_000)}}"}""");

        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["body"]![0]!.GetValue<string>().ShouldContain("10,000");
        await huge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["messages"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ABodyThatIsNotJson_Gets415()
    {
        using var http = await app.ApiClientAsync();

        var response = await http.SendRawAsync(HttpMethod.Post, "/api/v1/tickets", "subject=hello", "application/x-www-form-urlencoded");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/v1/tickets/99999")]
    [InlineData("/api/v1/tickets/abc")]
    [InlineData("/api/v1/tickets/99999999999999")]
    [InlineData("/api/v1/nothing-here")]
    public async Task UnknownTicketsAndPaths_Get404ProblemJson(string path)
    {
        using var http = await app.ApiClientAsync();

        await (await http.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await http.PatchJsonAsync(path, new { status = "Open" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await http.SendRawAsync(HttpMethod.Post, path + "/messages", """{"body": "hi"}""")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("status=Nope", "status")]
    [InlineData("status=Open,3", "status")]
    [InlineData("priority=Critical", "priority")]
    [InlineData("channel=Fax", "channel")]
    [InlineData("sort=random", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("updatedAfter=yesterday", "updatedAfter")]
    [InlineData("tag=not%20a%20tag!", "tag")]
    [InlineData("assignee=nobody@nimbus.test", "assignee")]
    [InlineData("team=Sales", "team")]
    public async Task AnInvalidListParameter_Gets400_NamingIt(string query, string parameter)
    {
        using var http = await app.ApiClientAsync();

        var response = await http.GetAsync($"/api/v1/tickets?{query}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![parameter].ShouldNotBeNull(problem.ToJsonString());
    }

    [Theory]
    [InlineData("""{"status": "Nope"}""")]
    [InlineData("""{"priority": 3}""")]
    [InlineData("""{"assignee": 42}""")]
    [InlineData("""{"assignee": "nobody@nimbus.test"}""")]
    [InlineData("""{"expectedVersion": "one"}""")]
    [InlineData("""{"status": """)]
    public async Task AnInvalidPatch_Gets400_AndChangesNothing(string json)
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();

        var response = await http.SendRawAsync(HttpMethod.Patch, $"/api/v1/tickets/{number}", json);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["version"]!.GetValue<long>().ShouldBe(created["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReopeningAClosedTicket_IsRefusedWith400_NotAServerError()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();
        (await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reopen = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Open" });
        var reply = await http.SendRawAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", """{"body": "hello?"}""");

        (await reopen.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>().ShouldContain("Closed tickets are final");
        await reply.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"body": "x", "visibility": "secret"}""", "$.visibility")]
    [InlineData("""{"body": "x", "author": "bot"}""", "$.author")]
    [InlineData("""{"body": "x", "author": "customer", "visibility": "internal"}""", "visibility")]
    [InlineData("""{"body": "   "}""", "body")]
    [InlineData("""{"body": "x", "clientMessageId": "0123456789012345678901234567890123456789012345678901234567890123456789"}""", "clientMessageId")]
    public async Task AnInvalidMessage_Gets400_NamingTheField(string json, string field)
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        var response = await http.SendRawAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", json);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![field].ShouldNotBeNull(problem.ToJsonString());
    }
}
