using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveBench.Circuits;

/// <summary>
/// One agent screen as a Blazor Server circuit, without a browser: it signs in over HTTP, GETs the page, starts a
/// circuit on /_blazor with the page's prerendered markers (StartCircuit, then UpdateRootComponents as blazor.web.js
/// does), answers the JS interop calls the server makes (see <see cref="OnBeginInvokeJs"/>), and acknowledges every
/// render batch (OnRenderCompleted) so the server keeps sending. It keeps no DOM; it reads each batch's string table
/// and tells waiters when a marker string arrives. The server cannot tell it from a browser tab.
/// </summary>
/// <param name="node">Which app node it is on, when there are two (part of <see cref="Kind"/>, so figures are per node).</param>
internal sealed class ProtocolScreen(Uri baseUri, string email, string password, string path, string? node = null) : IScreen
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> watches = new();
    private readonly TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? hub;
    private HttpClient? http;
    private long lastBatchAt;
    private long lastJsObjectId;

    public string Email => email;
    public string Path => path;
    public string Kind => node is null ? "protocol" : $"protocol, node {node}";
    public long Batches;
    public long BatchBytes;
    public ConcurrentQueue<string> Errors { get; } = new();
    public ConcurrentDictionary<string, int> InteropCalls { get; } = new();
    public bool Closed { get; private set; }

    public async Task OpenAsync(CancellationToken ct)
    {
        var (client, cookies) = await AgentSignIn.SignInAsync(baseUri, email, password, ct);
        http = client;
        var pageUri = new Uri(baseUri, path);
        using var response = await http.GetAsync(pageUri, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} as {email}: HTTP {(int)response.StatusCode}.");
        }
        var page = PrerenderedPage.Parse(html);
        if (page.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} as {email}: no interactive server component on the page (signed out?).");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.Cookies = cookies;
                options.SkipNegotiation = false;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        hub = builder.Build();
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJs);
        hub.On<string>("JS.Error", error => Errors.Enqueue(error));
        hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        hub.On<string, bool, string>("JS.EndInvokeDotNet", (_, _, _) => { });
        hub.Closed += error =>
        {
            Closed = true;
            if (error is not null) Errors.Enqueue("closed: " + error.Message);
            firstBatch.TrySetException(error ?? new InvalidOperationException("closed"));
            return Task.CompletedTask;
        };
        await hub.StartAsync(ct);
        var secret = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", page.ApplicationState, ct);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"StartCircuit for {email} on {path} was refused: {string.Join("; ", Errors)}");
        }
        await hub.SendAsync("UpdateRootComponents", page.AddOperations(), page.ApplicationState, ct);
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        // The page loads its data after the first render; it is ready when the batches stop for a moment.
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromSeconds(20) && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastBatchAt)) < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(50, ct);
        }
    }

    public bool IsClosed => Closed;

    public Task<Task<long>> ArmAsync(Probe probe) =>
        Task.FromResult(watches.GetOrAdd(probe.Text, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task);

    public void Forget(Probe probe) => watches.TryRemove(probe.Text, out _);

    private void OnRenderBatch(long batchId, byte[] data)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref lastBatchAt, receivedAt);
        Interlocked.Increment(ref Batches);
        Interlocked.Add(ref BatchBytes, data.Length);
        if (!watches.IsEmpty)
        {
            var strings = RenderBatchStrings.Read(data);
            foreach (var (marker, waiter) in watches)
            {
                if (strings.Exists(s => s.Contains(marker, StringComparison.Ordinal)) && watches.TryRemove(marker, out _))
                {
                    waiter.TrySetResult(receivedAt);
                }
            }
        }
        firstBatch.TrySetResult();
        // As the browser does once it has applied the batch: the server holds further batches until it hears back.
        _ = hub!.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    /// <summary>
    /// Answers a JS interop call as blazor.web.js would for what the app calls, without running any script: a call that
    /// asks for an object reference (JSCallResultType.JSObjectReference = 1: an <c>import</c> of a page's module, the
    /// inbox's <c>listen</c>, the SLA <c>tick</c>) gets a new reference in the shape DotNet's JSObjectReference reads,
    /// <c>{"__jsObjectId":n}</c>, numbered per circuit from 1 as the script numbers them; every other call, including
    /// those made on such a reference, succeeds with null (the app's module functions return nothing, or a value it
    /// treats as absent: a saved draft, a replaced text). Answering an import with null instead makes the page throw
    /// (ArgumentNullException: jsObjectReference) and its circuit render nothing more.
    /// </summary>
    private void OnBeginInvokeJs(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        InteropCalls.AddOrUpdate(targetInstanceId == 0 ? identifier : $"{identifier} (on a module)", 1, (_, n) => n + 1);
        if (asyncHandle == 0)
        {
            return; // fire-and-forget: the server waits for no answer
        }
        var result = resultType == JsObjectReferenceResult
            ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref lastJsObjectId)}}}"
            : "null";
        _ = hub!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
    }

    private const int JsObjectReferenceResult = 1;

    public async ValueTask DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
        http?.Dispose();
    }
}
