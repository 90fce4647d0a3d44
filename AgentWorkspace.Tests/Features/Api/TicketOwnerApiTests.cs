using System.Net;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>The ticket's owner and followers in the REST API: read in the ticket JSON, the owner set by PATCH.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketOwnerApiTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task TheTicket_ShowsItsOwnerAndFollowers_LikeItsAssignee()
    {
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();
        var fresh = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        fresh["owner"].ShouldBeNull();
        fresh["followers"]!.AsArray().ShouldBeEmpty();
        var ana = await app.AgentIdAsync(DemoAgents.AnaEmail);
        var ben = await app.AgentIdAsync(DemoAgents.BenEmail);
        await using (var db = await app.DbAsync())
        {
            var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
            var result = await app.Services.GetRequiredService<TicketService>().ExecuteAsSystemAsync(ticketId, [new AddFollower(ben)], "test");
            result.Succeeded.ShouldBeTrue(result.Error);
        }

        var assigned = await (await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { assignee = DemoAgents.AnaEmail })).JsonAsync();

        (assigned["owner"]!["id"]!.GetValue<string>(), assigned["owner"]!["name"]!.GetValue<string>()).ShouldBe((ana, "Ana García"), "the first assignee owns it");
        assigned["followers"]!.AsArray().Select(f => (f!["id"]!.GetValue<string>(), f["name"]!.GetValue<string>())).ShouldBe([(ben, "Ben Carter")]);
        var listed = (await http.GetJsonAsync($"/api/v1/tickets?q=%23{number}"))["items"]!.AsArray().ShouldHaveSingleItem()!;
        listed["owner"]!["name"]!.GetValue<string>().ShouldBe("Ana García", "the list shows the owner too");
    }

    [Fact]
    public async Task PatchingTheOwner_ByEmailOrId_ChangesOnlyTheOwner_AndNullClearsIt()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        var path = $"/api/v1/tickets/{number}";
        var ben = await app.AgentIdAsync(DemoAgents.BenEmail);

        var byEmail = await http.PatchJsonAsync(path, new { owner = DemoAgents.BenEmail, expectedVersion = created["version"]!.GetValue<long>() });

        byEmail.StatusCode.ShouldBe(HttpStatusCode.OK, await byEmail.Content.ReadAsStringAsync());
        var ticket = await byEmail.JsonAsync();
        ticket["owner"]!["id"]!.GetValue<string>().ShouldBe(ben);
        ticket["assignee"].ShouldBeNull();
        ticket["version"]!.GetValue<long>().ShouldBe(created["version"]!.GetValue<long>() + 1);
        (await (await http.PatchJsonAsync(path, new { owner = ben })).JsonAsync())["owner"]!["id"]!.GetValue<string>().ShouldBe(ben);
        (await (await http.PatchJsonAsync(path, new { priority = "High" })).JsonAsync())["owner"].ShouldNotBeNull("leaving the owner out keeps it");
        var cleared = await http.SendRawAsync(HttpMethod.Patch, path, """{"owner":null}""");
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cleared.JsonAsync())["owner"].ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"owner":"nobody@nowhere.test"}""", "No agent has that id or email.")]
    [InlineData("""{"owner":42}""", "An agent id or email, or null to clear the owner.")]
    [InlineData("""{"owner":{"id":"x"}}""", "An agent id or email, or null to clear the owner.")]
    public async Task AnUnknownOrMalformedOwner_Is400ProblemJson_AndChangesNothing(string body, string error)
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();

        var response = await http.SendRawAsync(HttpMethod.Patch, $"/api/v1/tickets/{number}", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["owner"]![0]!.GetValue<string>().ShouldBe(error);
        var ticket = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket["owner"].ShouldBeNull();
        ticket["version"]!.GetValue<long>().ShouldBe(created["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task AStaleExpectedVersion_RefusesTheOwnerChange()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        (await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "High" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { owner = DemoAgents.BenEmail, expectedVersion = created["version"]!.GetValue<long>() });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["owner"].ShouldBeNull();
    }
}
