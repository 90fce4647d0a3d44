using System.Net;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentWorkspace.Tests.Features.WebForm;

/// <summary>
/// An app of its own with the form's brakes on: a 5-second minimum fill time on a fake clock (a test "waits" by moving
/// it) and at most 2 requests per e-mail address. No demo data: only this class's tickets are in it.
/// </summary>
public sealed class WebFormSpamApp : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public WorkspaceAppFactory App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = WorkspaceAppFactory.Create(seedDemoData: false, services: s => s.AddSingleton<TimeProvider>(Clock), settings: new Dictionary<string, string?>
        {
            ["WebForm:MinimumFillTime"] = "00:00:05",
            ["WebForm:RateLimits:PerEmailBurst"] = "2",
            ["WebForm:RateLimits:PerEmailRefill"] = "01:00:00",
        });
        _ = App.ServerAddress;
        return Task.CompletedTask;
    }

    public async Task<int> TicketCountAsync(string? email = null)
    {
        await using var db = await new TicketTestData(App.Services).DbAsync();
        var normalized = AgentWorkspace.Features.Customers.CustomerEmail.Normalize(email);
        return await db.Tickets.CountAsync(t => t.Channel == TicketChannel.WebForm && (normalized == null || t.Customer.NormalizedEmail == normalized));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class WebFormSpamTests(WebFormSpamApp fixture) : IClassFixture<WebFormSpamApp>
{
    [Fact]
    public async Task ARequestSentFasterThanAPersonCouldWriteIt_IsAskedToSendAgain_KeepsTheText_AndCreatesNothing()
    {
        using var client = new WebFormClient(fixture.App.ServerAddress);
        var email = WebFormClient.NewAddress("quick");
        var fields = WebFormClient.Valid(email);
        var hidden = await client.OpenAsync();
        fixture.Clock.Advance(TimeSpan.FromSeconds(4));

        var tooFast = await client.PostAsync(hidden, fields);

        tooFast.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooFast.Banner.ShouldBe("That was quick! Please check your request and send it again.");
        tooFast.ValueOf("email").ShouldBe(email);
        tooFast.ValueOf("subject").ShouldBe(fields["subject"]);
        tooFast.Description.ShouldBe(fields["description"]);
        (await fixture.TicketCountAsync(email)).ShouldBe(0);

        // The form that came back carries a fresh stamp: sent again a little later, it goes through.
        var again = new Dictionary<string, string>(hidden) { ["shown"] = tooFast.ValueOf("shown") };
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        (await client.PostAsync(again, fields)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.TicketCountAsync(email)).ShouldBe(1);
    }

    [Fact]
    public async Task OneEmailAddress_GetsAClear429_BeyondItsLimit_AndNothingMoreIsCreated()
    {
        using var client = new WebFormClient(fixture.App.ServerAddress);
        var email = WebFormClient.NewAddress("flood");
        var answers = new List<FormResponse>();
        for (var i = 0; i < 3; i++)
        {
            var hidden = await client.OpenAsync();
            fixture.Clock.Advance(TimeSpan.FromSeconds(10));
            var fields = WebFormClient.Valid(i == 2 ? email.ToUpperInvariant() : email);
            fields["subject"] = $"Request {i + 1}";
            answers.Add(await client.PostAsync(hidden, fields));
        }

        answers.Select(a => a.Status).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429]);
        answers[2].Banner.ShouldStartWith("Too many requests were sent for this e-mail address in a short time.");
        answers[2].ValueOf("subject").ShouldBe("Request 3");
        (await fixture.TicketCountAsync(email)).ShouldBe(2);
    }
}

/// <summary>An app whose form takes at most 3 requests from one client address (every test request comes from 127.0.0.1).</summary>
public sealed class WebFormAddressLimitApp : IAsyncLifetime
{
    public WorkspaceAppFactory App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = WorkspaceAppFactory.Create(seedDemoData: false, settings: new Dictionary<string, string?>
        {
            ["WebForm:MinimumFillTime"] = "00:00:00",
            ["WebForm:RateLimits:PerAddressBurst"] = "3",
            ["WebForm:RateLimits:PerAddressRefill"] = "01:00:00",
        });
        _ = App.ServerAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class WebFormAddressLimitTests(WebFormAddressLimitApp fixture) : IClassFixture<WebFormAddressLimitApp>
{
    [Fact]
    public async Task OneClientAddress_GetsAClear429_BeyondItsLimit_AndNothingMoreIsCreated()
    {
        using var client = new WebFormClient(fixture.App.ServerAddress);
        var answers = new List<FormResponse>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.SendAsync(WebFormClient.Valid(WebFormClient.NewAddress($"office{i}"))));
        }

        answers.Select(a => a.Status).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429, (HttpStatusCode)429]);
        answers[4].Html.ShouldContain("Please wait a few minutes and send it again: what you typed is still here.");
        answers[4].Description.ShouldBe(WebFormClient.Valid("x")["description"]);
        await using var db = await new TicketTestData(fixture.App.Services).DbAsync();
        (await db.Tickets.CountAsync(t => t.Channel == TicketChannel.WebForm)).ShouldBe(3);
    }
}
