using System.Net;
using System.Net.Http.Json;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>Nothing that answers a client waits for live screens: a stuck subscriber on every topic delays no API call.</summary>
[Collection(ApiCollection.Name)]
public sealed class SlowSubscriberTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task ApiCallsAnswer_WhileASubscriberOfEveryTicketTopicIsStuck()
    {
        var notifier = app.Services.GetRequiredService<WorkspaceNotifier>();
        var stuck = new TaskCompletionSource();
        using var tickets = notifier.Subscribe([Topic.Tickets, Topic.Inbox], _ => stuck.Task);
        using var http = await app.ApiClientAsync();
        try
        {
            var create = await http.PostAsJsonAsync("/api/v1/tickets", new
            {
                subject = $"Stuck screen {Guid.NewGuid():N}",
                body = "Hello",
                customer = new { email = $"stuck-{Guid.NewGuid():N}@example.com", name = "Sam Stuck" },
            }).WaitAsync(TimeSpan.FromSeconds(20));
            create.StatusCode.ShouldBe(HttpStatusCode.Created);
            var number = (await create.JsonAsync())["number"]!.GetValue<int>();

            for (var i = 0; i < 5; i++)
            {
                var reply = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = $"Reply {i}" })
                    .WaitAsync(TimeSpan.FromSeconds(20));
                reply.IsSuccessStatusCode.ShouldBeTrue();
                var customer = await http.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = $"Customer {i}", author = "customer" })
                    .WaitAsync(TimeSpan.FromSeconds(20));
                customer.IsSuccessStatusCode.ShouldBeTrue();
            }
        }
        finally
        {
            stuck.SetResult();
        }
    }
}
