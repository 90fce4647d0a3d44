using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveBench.Changes;

/// <summary>
/// A customer in the embeddable widget: the widget's own hub (/hubs/widget, JSON protocol, WebSockets), a chat
/// started with Start, messages sent with Send (timed to the ack), and agent messages received as Message pushes.
/// </summary>
internal sealed class WidgetCustomer(Uri baseUri, int index) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> watches = new();
    private HubConnection? hub;
    private string token = "";

    public int TicketNumber { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "hubs/widget"), HttpTransportType.WebSockets)
            .Build();
        hub.On<JsonElement>("Message", OnMessage);
        hub.On<JsonElement>("MessageUpdated", _ => { });
        hub.On<JsonElement>("Ticket", _ => { });
        hub.On<JsonElement>("Typing", _ => { });
        await hub.StartAsync(ct);
        await hub.InvokeAsync<JsonElement>("Hello", ct);
        var start = new
        {
            name = $"Live Bench Customer {index}",
            email = $"live.bench.{index}@customer.example",
            message = $"Hello, this is live bench chat {index}.",
            language = "en",
            clientMessageId = Guid.NewGuid().ToString("N"),
        };
        JsonElement session;
        try
        {
            session = await hub.InvokeAsync<JsonElement>("Start", start, ct);
        }
        catch (HubException)
        {
            // No agent online yet: the widget leaves a message instead, which opens the same kind of ticket.
            session = await hub.InvokeAsync<JsonElement>("LeaveMessage", start, ct);
        }
        token = session.GetProperty("token").GetString()!;
        TicketNumber = session.GetProperty("conversation").GetProperty("ticket").GetProperty("number").GetInt32();
    }

    /// <summary>Sends a message and returns once the server acknowledged it (stored and committed).</summary>
    public Task SendAsync(string body) => hub!.InvokeAsync<JsonElement>("Send", token, Guid.NewGuid().ToString("N"), body);

    /// <summary>Completes with the Stopwatch timestamp at which an agent message containing <paramref name="marker"/> arrives.</summary>
    public Task<long> WatchAsync(string marker) =>
        watches.GetOrAdd(marker, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string marker) => watches.TryRemove(marker, out _);

    private void OnMessage(JsonElement message)
    {
        var at = Stopwatch.GetTimestamp();
        var body = message.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
        foreach (var (marker, waiter) in watches)
        {
            if (body.Contains(marker, StringComparison.Ordinal) && watches.TryRemove(marker, out _))
            {
                waiter.TrySetResult(at);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is not null) await hub.DisposeAsync();
    }
}
