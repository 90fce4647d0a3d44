using System.Net;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Api;

/// <summary>
/// A database too busy to take a change in time (lock waits cut short here, on a host of its own): the API answers 503
/// problem+json with Retry-After, not a 500 "unexpected error", and the same request succeeds once the database is free.
/// </summary>
public sealed class ApiBusyTests : IAsyncLifetime
{
    private readonly WorkspaceAppFactory app = WorkspaceAppFactory.Create(settings: new Dictionary<string, string?>
    {
        ["Database:LockTimeoutMs"] = "300",
        ["Database:BusyTimeoutMs"] = "300",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    // PostgreSQL only: on SQLite a write that finds the file locked is retried by Microsoft.Data.Sqlite until its command
    // timeout (30 s), whatever the busy timeout, so there the request waits rather than fails.
    [PostgresPassFact]
    public async Task AChangeThatFindsTheDatabaseBusy_Gets503WithRetryAfter_AndTheSameRequestSucceedsLater()
    {
        await StartupWrites.DoneAsync(app.Services);
        using var http = await app.ApiClientAsync();
        var number = (await http.CreateTicketAsync())["number"]!.GetValue<int>();

        // A write that declares nothing (a report rebuild, an admin change) runs alone, longer than writers wait here.
        await using (var holder = await app.DbAsync())
        {
            await using var transaction = await holder.Database.BeginTransactionAsync();
            await holder.Tickets.Where(t => t.Number == number).ExecuteUpdateAsync(s => s.SetProperty(t => t.Category, "held"));

            var busy = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "High" });

            var problem = await busy.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            problem["detail"]!.GetValue<string>().ShouldContain("nothing was changed");
            busy.Headers.RetryAfter.ShouldNotBeNull();
            await transaction.CommitAsync();
        }

        var retried = await http.PatchJsonAsync($"/api/v1/tickets/{number}", new { priority = "High" });
        retried.StatusCode.ShouldBe(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        (await http.GetJsonAsync($"/api/v1/tickets/{number}"))["priority"]!.GetValue<string>().ShouldBe("High");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
