using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>Many customers opening chats at once (issue 17's ChatBench: 46 of 200 starts failed on one global write lock).</summary>
[Collection(ChatCollection.Name)]
public sealed class WidgetBurstTests(ChatFixture chat)
{
    private const int Burst = 30;

    [PostgresPassFact]
    public async Task ABurstOfChatStarts_AllSucceed_WhileAnotherTicketsWriteIsStillOpen()
    {
        await StartupWrites.DoneAsync(chat.App.Services);
        var busy = await chat.Data.CreateAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var connections = Enumerable.Range(0, Burst).Select(i => $"burst-{run}-{i}").ToList();
        foreach (var connection in connections)
        {
            await chat.Driver.ConnectAsync(connection);
        }

        // An agent's change to another ticket that takes its time (e.g. a slow round trip): it holds that ticket's key.
        await using var holder = await chat.Data.DbAsync();
        await using var open = await holder.BeginWriteAsync(WriteScope.Ticket(busy.Id));
        await holder.Tickets.Where(t => t.Id == busy.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Priority, TicketPriority.High));

        var sessions = await Task.WhenAll(connections.Select(c => chat.Driver.InvokeAsync(c, "Start", WidgetHubTests.StartForm(c))))
            .WaitAsync(TimeSpan.FromSeconds(60));

        var numbers = sessions.Select(s => s.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32()).ToList();
        numbers.Distinct().Count().ShouldBe(Burst);
        await open.CommitAsync();

        await using var db = await chat.Data.DbAsync();
        var stored = await db.Tickets.Where(t => numbers.Contains(t.Number)).Select(t => new { t.Number, Messages = t.Messages.Count }).ToListAsync();
        stored.Count.ShouldBe(Burst);
        stored.ShouldAllBe(t => t.Messages == 1);
    }
}
