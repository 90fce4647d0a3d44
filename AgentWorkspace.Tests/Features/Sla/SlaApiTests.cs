using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Tests.Features.Api;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>The demo app on a fake clock (Monday 7 Dec 2026, 09:00 in Madrid), for the API's SLA fields and filters.</summary>
public sealed class SlaApiApp : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(SlaWorld.Start);

    public WorkspaceAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = WorkspaceAppFactory.Create(services: s => s.AddSingleton<TimeProvider>(Clock));
        _ = App.ServerAddress;
        await App.Services.GetRequiredService<SlaFeed>().CatchUp;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SlaApiCollection : ICollectionFixture<SlaApiApp>
{
    public const string Name = "SlaApi";
}

[Collection(SlaApiCollection.Name)]
public sealed class SlaApiTests(SlaApiApp fixture)
{
    private WorkspaceAppFactory App => fixture.App;

    [Fact]
    public async Task ATicket_ShowsItsSlaTargetsAndState_AndItsFirstResponseTime()
    {
        using var http = await App.ApiClientAsync();
        var created = await CreateAsync(http, "Urgent");
        var number = created["number"]!.GetValue<int>();

        created["firstResponseAt"].ShouldBeNull();
        var sla = await SlaOfAsync(http, number);
        sla["policy"]!.GetValue<string>().ShouldBe("Urgent");
        sla["calendar"]!.GetValue<string>().ShouldBe("Madrid office");
        sla["status"]!.GetValue<string>().ShouldBe("OnTrack");
        sla["next"]!["target"]!.GetValue<string>().ShouldBe("FirstResponse");
        var targets = sla["targets"]!.AsArray().Select(t => (t!["target"]!.GetValue<string>(), t["minutes"]!.GetValue<int>(), t["businessHours"]!.GetValue<bool>()));
        targets.ShouldBe([("FirstResponse", 30, true), ("Resolution", 240, true)]);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        (await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Looking into it now." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var answered = await WaitForAsync(http, number, t => t["sla"]!["targets"]![0]!["status"]!.GetValue<string>() == "Met");

        answered["firstResponseSeconds"]!.GetValue<long>().ShouldBe(600);
        answered["firstResponseAt"]!.GetValue<DateTimeOffset>().ShouldBe(created["createdAt"]!.GetValue<DateTimeOffset>().AddMinutes(10));
        var listed = await http.GetJsonAsync($"/api/v1/tickets?q=%23{number}");
        var item = listed["items"]![0]!;
        item["firstResponseAt"]!.GetValue<DateTimeOffset>().ShouldBe(answered["firstResponseAt"]!.GetValue<DateTimeOffset>());
        item["sla"]!["policy"]!.GetValue<string>().ShouldBe("Urgent");
        item["sla"]!["next"]!["target"]!.GetValue<string>().ShouldBe("Resolution");
    }

    [Fact]
    public async Task TheList_FiltersBreachedTickets_AndTicketsDueBeforeAnInstant()
    {
        using var http = await App.ApiClientAsync();
        var late = (await CreateAsync(http, "Urgent"))["number"]!.GetValue<int>();
        var dueAt = (await SlaOfAsync(http, late))["next"]!["dueAt"]!.GetValue<DateTimeOffset>();
        fixture.Clock.SetUtcNow(dueAt.AddMinutes(1));
        await WaitForAsync(http, late, t => t["sla"]!["targets"]![0]!["breachedAt"] is not null);
        var fresh = (await CreateAsync(http, "Urgent"))["number"]!.GetValue<int>();
        var freshDue = (await SlaOfAsync(http, fresh))["next"]!["dueAt"]!.GetValue<DateTimeOffset>();

        (await NumbersAsync(http, $"breached=true&q=%23{late}")).ShouldBe([late]);
        (await NumbersAsync(http, $"breached=false&q=%23{late}")).ShouldBeEmpty();
        (await NumbersAsync(http, $"breached=true&q=%23{fresh}")).ShouldBeEmpty();
        (await NumbersAsync(http, $"breached=false&q=%23{fresh}")).ShouldBe([fresh]);
        (await NumbersAsync(http, $"dueBefore={Iso(freshDue.AddSeconds(1))}&q=%23{fresh}")).ShouldBe([fresh]);
        (await NumbersAsync(http, $"dueBefore={Iso(freshDue)}&q=%23{fresh}")).ShouldBeEmpty();

        // Every ticket the filter returns is breached, by a recorded breach or an overdue running target.
        var now = fixture.Clock.GetUtcNow();
        var page = await http.GetJsonAsync("/api/v1/tickets?breached=true&limit=100");
        page["items"]!.AsArray().Count.ShouldBeGreaterThan(1);
        foreach (var sla in page["items"]!.AsArray().Select(i => i!["sla"]!))
        {
            var breached = sla["targets"]!.AsArray().Any(t => t!["breachedAt"] is not null)
                || sla["next"]?["dueAt"]?.GetValue<DateTimeOffset>() <= now;
            breached.ShouldBeTrue(sla.ToJsonString());
        }
    }

    [Theory]
    [InlineData("breached=maybe", "breached")]
    [InlineData("dueBefore=next%20tuesday", "dueBefore")]
    public async Task ABadSlaFilter_IsAProblemNamingTheParameter(string query, string parameter)
    {
        using var http = await App.ApiClientAsync();

        var problem = await (await http.GetAsync($"/api/v1/tickets?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]![parameter].ShouldNotBeNull();
    }

    [Fact]
    public async Task TheDemoTickets_ShowEverySlaState()
    {
        await DemoSlaStates.ShouldShowEveryStateAsync(App);
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));

    private static async Task<JsonNode> CreateAsync(HttpClient http, string priority)
    {
        var response = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Checkout is down",
            body = "Nobody can pay.",
            priority,
            customer = new { email = $"sla-{Guid.NewGuid():N}@example.com" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.JsonAsync();
        // The SLA is computed right after the commit, from the change event.
        return await WaitForAsync(http, created["number"]!.GetValue<int>(), t => t["sla"] is not null);
    }

    private static async Task<JsonNode> SlaOfAsync(HttpClient http, int number) => (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["sla"]!;

    private static async Task<List<int>> NumbersAsync(HttpClient http, string query) =>
        (await http.GetJsonAsync($"/api/v1/tickets?{query}"))["items"]!.AsArray().Select(i => i!["number"]!.GetValue<int>()).ToList();

    private static async Task<JsonNode> WaitForAsync(HttpClient http, int number, Func<JsonNode, bool> condition)
    {
        JsonNode? ticket = null;
        await SlaWorld.WaitUntilAsync(async () =>
        {
            ticket = await http.GetJsonAsync($"/api/v1/tickets/{number}");
            return condition(ticket);
        }, $"ticket #{number} in the API");
        return ticket!;
    }
}
