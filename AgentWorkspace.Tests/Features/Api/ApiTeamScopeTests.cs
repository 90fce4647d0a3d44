using System.Net;
using System.Net.Http.Json;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>A team key sees only its team's tickets: not other teams', not the unteamed queue, not its issuer's assignments.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiTeamScopeTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task ATeamKey_CreatesTicketsInItsTeam()
    {
        using var technical = await app.ApiClientAsync(ApiTestClient.TechnicalTeam);

        var ticket = await technical.CreateTicketAsync();

        ticket["team"]!["name"]!.GetValue<string>().ShouldBe(ApiTestClient.TechnicalTeam);
    }

    [Fact]
    public async Task ATeamKey_GetsNotFound_ForAnotherTeamsTicket_WhateverItTries()
    {
        using var technical = await app.ApiClientAsync(ApiTestClient.TechnicalTeam);
        using var billing = await app.ApiClientAsync(ApiTestClient.BillingTeam);
        var number = (await technical.CreateTicketAsync())["number"]!.GetValue<int>();
        var path = $"/api/v1/tickets/{number}";

        await (await billing.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await billing.PatchJsonAsync(path, new { status = "Resolved" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await billing.PostAsJsonAsync($"{path}/messages", new { body = "peek" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var ticket = await technical.GetJsonAsync(path);
        ticket["status"]!.GetValue<string>().ShouldBe("Open");
        ticket["messages"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ATeamKey_DoesNotSeeUnteamedTickets_NorOtherTeamsTicketsAssignedToItsIssuer()
    {
        using var everything = await app.ApiClientAsync();
        using var technical = await app.ApiClientAsync(ApiTestClient.TechnicalTeam);
        using var billing = await app.ApiClientAsync(ApiTestClient.BillingTeam);
        var unteamed = (await everything.CreateTicketAsync())["number"]!.GetValue<int>();
        var assignedToIssuer = (await technical.CreateTicketAsync())["number"]!.GetValue<int>();
        (await everything.PatchJsonAsync($"/api/v1/tickets/{assignedToIssuer}", new { assignee = DemoAgents.AdminEmail }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await billing.GetAsync($"/api/v1/tickets/{unteamed}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await billing.GetAsync($"/api/v1/tickets/{assignedToIssuer}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await everything.GetAsync($"/api/v1/tickets/{unteamed}")).StatusCode.ShouldBe(HttpStatusCode.OK, "a key without a team sees every ticket");
    }

    [Fact]
    public async Task ATeamKeysList_HoldsExactlyItsTeamsTickets()
    {
        using var technical = await app.ApiClientAsync(ApiTestClient.TechnicalTeam);
        using var billing = await app.ApiClientAsync(ApiTestClient.BillingTeam);
        using var everything = await app.ApiClientAsync();
        var otherTeams = (await technical.CreateTicketAsync())["number"]!.GetValue<int>();
        var unteamed = (await everything.CreateTicketAsync())["number"]!.GetValue<int>();
        var billingId = await app.TeamIdAsync(ApiTestClient.BillingTeam);

        var numbers = new List<int>();
        string? next = null;
        do
        {
            var page = await billing.GetJsonAsync("/api/v1/tickets?limit=50" + (next is null ? "" : $"&cursor={Uri.EscapeDataString(next)}"));
            var items = page["items"]!.AsArray();
            items.ShouldAllBe(i => i!["team"]!["name"]!.GetValue<string>() == ApiTestClient.BillingTeam);
            numbers.AddRange(items.Select(i => i!["number"]!.GetValue<int>()));
            next = page["next"]?.GetValue<string>();
        }
        while (next is not null);

        await using var db = await app.DbAsync();
        numbers.Order().ShouldBe(await db.Tickets.Where(t => t.TeamId == billingId).Select(t => t.Number).OrderBy(n => n).ToListAsync());
        numbers.ShouldNotBeEmpty();
        numbers.ShouldNotContain(otherTeams);
        numbers.ShouldNotContain(unteamed);
        var askedForAnother = await billing.GetJsonAsync($"/api/v1/tickets?team={Uri.EscapeDataString(ApiTestClient.TechnicalTeam)}");
        askedForAnother["items"]!.AsArray().ShouldBeEmpty();
    }
}
