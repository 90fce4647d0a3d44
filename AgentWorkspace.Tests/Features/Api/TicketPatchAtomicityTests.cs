using System.Net;
using System.Net.Http.Json;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>A PATCH is one change: its version check and all its fields commit together, or nothing does.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketPatchAtomicityTests(WorkspaceAppFactory app)
{
    private const int Rounds = 100;

    [Fact]
    public async Task TwoClientsPatchingDifferentFieldsFromTheSameVersion_OneGets200_TheOther409_EveryTime()
    {
        using var first = await app.ApiClientAsync();
        using var second = await app.ApiClientAsync();
        var number = (await first.CreateTicketAsync())["number"]!.GetValue<int>();
        var path = $"/api/v1/tickets/{number}";
        (await second.GetAsync(path)).EnsureSuccessStatusCode(); // both connections open before the race starts

        for (var round = 0; round < Rounds; round++)
        {
            var before = await first.GetJsonAsync(path);
            var version = before["version"]!.GetValue<long>();
            var priority = before["priority"]!.GetValue<string>() == "High" ? "Low" : "High";
            var status = before["status"]!.GetValue<string>() == "OnHold" ? "Open" : "OnHold";

            var responses = await Task.WhenAll(
                first.PatchAsync(path, JsonContent.Create(new { priority, expectedVersion = version })),
                second.PatchAsync(path, JsonContent.Create(new { status, expectedVersion = version })));

            var codes = responses.Select(r => r.StatusCode).ToList();
            codes.Order().ToList().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], $"round {round}: priority {codes[0]}, status {codes[1]}");
            var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            conflict["currentVersion"]!.GetValue<long>().ShouldBe(version + 1);
            var after = await first.GetJsonAsync(path);
            after["version"]!.GetValue<long>().ShouldBe(version + 1, $"round {round}");
            var priorityWon = codes[0] == HttpStatusCode.OK;
            after["priority"]!.GetValue<string>().ShouldBe(priorityWon ? priority : before["priority"]!.GetValue<string>(), $"round {round}");
            after["status"]!.GetValue<string>().ShouldBe(priorityWon ? before["status"]!.GetValue<string>() : status, $"round {round}");
        }
    }

    [Fact]
    public async Task AMultiFieldPatch_IsOneChange_OneNewVersion()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        var version = created["version"]!.GetValue<long>();

        var response = await http.PatchJsonAsync($"/api/v1/tickets/{number}",
            new { status = "OnHold", priority = "Urgent", assignee = DemoAgents.BenEmail, expectedVersion = version });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ticket = await response.JsonAsync();
        (ticket["status"]!.GetValue<string>(), ticket["priority"]!.GetValue<string>(), ticket["assignee"]!["id"]!.GetValue<string>())
            .ShouldBe(("OnHold", "Urgent", await app.AgentIdAsync(DemoAgents.BenEmail)));
        ticket["version"]!.GetValue<long>().ShouldBe(version + 1);
    }

    [Fact]
    public async Task AMultiFieldPatchWithOneInvalidField_ChangesNothing()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        var deactivated = await DeactivatedAgentEmailAsync();

        var response = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "OnHold", priority = "Urgent", assignee = deactivated });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().ShouldContain("deactivated");
        var ticket = await http.GetJsonAsync($"/api/v1/tickets/{number}");
        (ticket["status"]!.GetValue<string>(), ticket["priority"]!.GetValue<string>()).ShouldBe(("Open", "Normal"));
        ticket["assignee"].ShouldBeNull();
        ticket["version"]!.GetValue<long>().ShouldBe(created["version"]!.GetValue<long>());
        await using var db = await app.DbAsync();
        var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
        (await db.TicketEvents.CountAsync(e => e.TicketId == ticketId && (e.Field == "Status" || e.Field == "Priority")))
            .ShouldBe(0, "no history for a change that did not happen");
    }

    [Fact]
    public async Task APatchThatChangesNothing_StillGets409_WhenTheTicketChangedSinceItsVersion()
    {
        using var http = await app.ApiClientAsync();
        var created = await http.CreateTicketAsync();
        var number = created["number"]!.GetValue<int>();
        (await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "High" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "High", expectedVersion = created["version"]!.GetValue<long>() });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict))["currentVersion"]!.GetValue<long>().ShouldBe(created["version"]!.GetValue<long>() + 1);
    }

    private async Task<string> DeactivatedAgentEmailAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var email = $"gone-{Guid.NewGuid():N}@nimbus.test";
        var agent = new Agent { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Gone Agent", IsActive = false, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(agent, DemoAgents.Password)).Succeeded.ShouldBeTrue();
        return email;
    }
}
