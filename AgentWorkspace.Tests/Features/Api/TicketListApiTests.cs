using System.Text.Json.Nodes;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Api;

[Collection(ApiCollection.Name)]
public sealed class TicketListApiTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task PagingWithTheCursor_VisitsEveryTicketOnce_WhateverItsStatus()
    {
        using var http = await app.ApiClientAsync();

        var numbers = await ListAllAsync(http, "/api/v1/tickets?limit=7");

        numbers.ShouldBeUnique();
        await using var db = await app.DbAsync();
        numbers.Order().ShouldBe(await db.Tickets.Select(t => t.Number).OrderBy(n => n).ToListAsync());
        (await db.Tickets.AnyAsync(t => t.Status == TicketStatus.Closed)).ShouldBeTrue("the demo data has closed tickets, so the list covers them");
    }

    [Theory]
    [InlineData("Priority")]
    [InlineData("Created")]
    [InlineData("LongestWaiting")]
    public async Task PagingInAnotherSort_VisitsEveryTicketOnce(string sort)
    {
        using var http = await app.ApiClientAsync();

        var numbers = await ListAllAsync(http, $"/api/v1/tickets?limit=9&sort={sort}");

        numbers.ShouldBeUnique();
        await using var db = await app.DbAsync();
        numbers.Count.ShouldBe(await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task StatusFilter_TakesSeveralNames_AndReturnsExactlyThoseTickets()
    {
        using var http = await app.ApiClientAsync();

        var page = await http.GetJsonAsync("/api/v1/tickets?status=resolved,Closed&limit=100");

        var statuses = Items(page).Select(i => i["status"]!.GetValue<string>()).ToList();
        await using var db = await app.DbAsync();
        var expected = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed);
        expected.ShouldBeGreaterThan(0);
        statuses.Count.ShouldBe(expected);
        statuses.ShouldAllBe(s => s == "Resolved" || s == "Closed");
    }

    [Fact]
    public async Task PriorityChannelTeamAndAssigneeFilters_ReturnOnlyMatchingTickets()
    {
        using var http = await app.ApiClientAsync();
        var anaId = await app.AgentIdAsync(DemoAgents.AnaEmail);
        var technical = await app.TeamIdAsync(ApiTestClient.TechnicalTeam);
        await using var db = await app.DbAsync();

        var urgent = Items(await http.GetJsonAsync("/api/v1/tickets?priority=Urgent&limit=100"));
        urgent.Count.ShouldBe(await db.Tickets.CountAsync(t => t.Priority == TicketPriority.Urgent));
        urgent.ShouldAllBe(i => i["priority"]!.GetValue<string>() == "Urgent");

        var email = Items(await http.GetJsonAsync("/api/v1/tickets?channel=Email&limit=100"));
        email.Count.ShouldBe(await db.Tickets.CountAsync(t => t.Channel == TicketChannel.Email));
        email.ShouldAllBe(i => i["channel"]!.GetValue<string>() == "Email");

        var team = Items(await http.GetJsonAsync($"/api/v1/tickets?team={Uri.EscapeDataString(ApiTestClient.TechnicalTeam)}&limit=100"));
        team.Count.ShouldBe(await db.Tickets.CountAsync(t => t.TeamId == technical));
        team.ShouldAllBe(i => i["team"]!["name"]!.GetValue<string>() == ApiTestClient.TechnicalTeam);

        var ana = Items(await http.GetJsonAsync($"/api/v1/tickets?assignee={DemoAgents.AnaEmail}&limit=100"));
        ana.Count.ShouldBe(await db.Tickets.CountAsync(t => t.AssigneeId == anaId));
        ana.ShouldAllBe(i => i["assignee"]!["id"]!.GetValue<string>() == anaId);
        new[] { urgent.Count, email.Count, team.Count, ana.Count }.ShouldAllBe(count => count > 0);
    }

    [Fact]
    public async Task TagUpdatedAfterAndSearch_NarrowTheList()
    {
        using var http = await app.ApiClientAsync();
        await using var db = await app.DbAsync();
        var tag = await db.TicketTags.Select(t => t.Tag).FirstAsync();
        var word = $"zebra{Guid.NewGuid():N}"[..14];
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = await http.CreateTicketAsync(subject: $"Printer {word} jammed");

        var tagged = Items(await http.GetJsonAsync($"/api/v1/tickets?tag={tag}&limit=100"));
        tagged.Count.ShouldBe(await db.TicketTags.CountAsync(t => t.Tag == tag));

        var recent = Items(await http.GetJsonAsync($"/api/v1/tickets?updatedAfter={Uri.EscapeDataString(before.ToString("O"))}&limit=100"));
        recent.Select(i => i["number"]!.GetValue<int>()).ShouldContain(created["number"]!.GetValue<int>());
        recent.ShouldAllBe(i => i["lastActivityAt"]!.GetValue<DateTimeOffset>() >= before);
        recent.Count.ShouldBeLessThan(await db.Tickets.CountAsync());

        var found = Items(await http.GetJsonAsync($"/api/v1/tickets?q={word}"));
        found.ShouldHaveSingleItem()["number"]!.GetValue<int>().ShouldBe(created["number"]!.GetValue<int>());
    }

    private static List<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!).ToList();

    private static async Task<List<int>> ListAllAsync(HttpClient http, string firstPage)
    {
        var numbers = new List<int>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await http.GetJsonAsync(next is null ? firstPage : $"{firstPage}&cursor={Uri.EscapeDataString(next)}");
            numbers.AddRange(Items(page).Select(i => i["number"]!.GetValue<int>()));
            next = page["next"]?.GetValue<string>();
            (++pages).ShouldBeLessThan(100, "the cursor must move forward");
        }
        while (next is not null);
        pages.ShouldBeGreaterThan(1);
        return numbers;
    }
}
