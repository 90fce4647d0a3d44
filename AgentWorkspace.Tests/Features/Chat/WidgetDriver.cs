using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>A push the hub sent to one connection, as the real JavaScript client received it.</summary>
public sealed record WidgetPush(string Method, JsonElement Argument);

/// <summary>
/// Real @microsoft/signalr clients (the widget's own npm package) running in Node, driven line by line from the tests
/// (node/widget-driver.cjs). The .NET SignalR client is not in this registry, and the widget's client is what customers
/// run anyway.
/// </summary>
public sealed class WidgetDriver : IAsyncDisposable
{
    private readonly Process node;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly ConcurrentDictionary<string, List<WidgetPush>> pushes = new();
    private readonly List<string> stderr = [];
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private int nextRef;

    private WidgetDriver(Uri baseAddress)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("node", [Path.Combine(root, "AgentWorkspace.Tests", "Features", "Chat", "node", "widget-driver.cjs"), baseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["WIDGET_ASSETS"] = Path.Combine(root, "wwwroot-assets");
        node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) OnLine(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Add(e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
    }

    public static async Task<WidgetDriver> StartAsync(Uri baseAddress)
    {
        var driver = new WidgetDriver(baseAddress);
        if (await Task.WhenAny(driver.ready.Task, Task.Delay(TimeSpan.FromSeconds(20))) != driver.ready.Task)
        {
            throw new InvalidOperationException("The Node widget driver did not start: " + string.Join('\n', driver.stderr));
        }
        return driver;
    }

    public Task ConnectAsync(string connection) => CommandAsync(new JsonObject { ["cmd"] = "connect", ["conn"] = connection });

    /// <summary>Connects with extra request headers, e.g. X-Forwarded-For as a proxy in front of the app adds it.</summary>
    public Task ConnectAsync(string connection, IReadOnlyDictionary<string, string> headers) =>
        CommandAsync(new JsonObject { ["cmd"] = "connect", ["conn"] = connection, ["headers"] = JsonSerializer.SerializeToNode(headers) });

    public Task<JsonElement> InvokeAsync(string connection, string method, params object?[] args) =>
        CommandAsync(new JsonObject { ["cmd"] = "invoke", ["conn"] = connection, ["method"] = method, ["args"] = JsonSerializer.SerializeToNode(args) });

    /// <summary>Invokes and returns the hub's error message; fails if the call succeeded.</summary>
    public async Task<string> InvokeExpectingErrorAsync(string connection, string method, params object?[] args)
    {
        try
        {
            var result = await InvokeAsync(connection, method, args);
            throw new Xunit.Sdk.XunitException($"{method} was expected to fail but returned {result}");
        }
        catch (WidgetDriverException e)
        {
            return e.Message;
        }
    }

    public Task StopAsync(string connection) => CommandAsync(new JsonObject { ["cmd"] = "stop", ["conn"] = connection });

    /// <summary>Kills the socket under the client, like a network failure; the client reconnects by itself.</summary>
    public Task DropAsync(string connection) => CommandAsync(new JsonObject { ["cmd"] = "drop", ["conn"] = connection });

    /// <summary>Every raw frame the connection received, exactly as it crossed the wire.</summary>
    public async Task<IReadOnlyList<string>> FramesAsync(string connection) =>
        (await CommandAsync(new JsonObject { ["cmd"] = "frames", ["conn"] = connection })).EnumerateArray().Select(f => f.GetString()!).ToList();

    public async Task<(int Status, string Body, string? ContentType)> HttpGetAsync(string path, string? token)
    {
        var result = await CommandAsync(new JsonObject { ["cmd"] = "http", ["path"] = path, ["token"] = token });
        return (result.GetProperty("status").GetInt32(), result.GetProperty("body").GetString()!,
            result.TryGetProperty("contentType", out var type) ? type.GetString() : null);
    }

    public IReadOnlyList<WidgetPush> Pushes(string connection)
    {
        var list = pushes.GetOrAdd(connection, _ => []);
        lock (list) return list.ToList();
    }

    /// <summary>Waits until the connection has received a push matching <paramref name="match"/>.</summary>
    public async Task<WidgetPush> WaitForPushAsync(string connection, Func<WidgetPush, bool> match, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Pushes(connection).FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching push on {connection} within {seconds} s; got: " +
                    string.Join("; ", Pushes(connection).Select(p => $"{p.Method} {p.Argument}").TakeLast(5)));
            }
            await Task.Delay(20);
        }
    }

    private async Task<JsonElement> CommandAsync(JsonObject command)
    {
        var reference = Interlocked.Increment(ref nextRef);
        command["ref"] = reference;
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[reference] = reply;
        await writeGate.WaitAsync();
        try
        {
            await node.StandardInput.WriteLineAsync(command.ToJsonString());
            await node.StandardInput.FlushAsync();
        }
        finally
        {
            writeGate.Release();
        }
        if (await Task.WhenAny(reply.Task, Task.Delay(TimeSpan.FromSeconds(30))) != reply.Task)
        {
            throw new TimeoutException($"The widget driver did not answer {command["cmd"]} in 30 s. stderr: {string.Join('\n', stderr)}");
        }
        return await reply.Task;
    }

    private void OnLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement.Clone();
        if (root.TryGetProperty("ready", out _))
        {
            ready.TrySetResult();
        }
        else if (root.TryGetProperty("ref", out var reference) && pending.TryRemove(reference.GetInt32(), out var reply))
        {
            if (root.GetProperty("ok").GetBoolean())
            {
                reply.TrySetResult(root.TryGetProperty("result", out var result) ? result : default);
            }
            else
            {
                reply.TrySetException(new WidgetDriverException(root.GetProperty("error").GetString()!));
            }
        }
        else if (root.TryGetProperty("push", out var method))
        {
            var list = pushes.GetOrAdd(root.GetProperty("conn").GetString()!, _ => []);
            lock (list) list.Add(new WidgetPush(method.GetString()!, root.GetProperty("args")[0]));
        }
    }

    private static string RepositoryRoot() => RepositoryPaths.Root;

    public async ValueTask DisposeAsync()
    {
        try
        {
            node.StandardInput.Close();
            if (!node.WaitForExit(2000))
            {
                node.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        node.Dispose();
        await Task.CompletedTask;
    }
}

public sealed class WidgetDriverException(string message) : Exception(message);
