using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Data;

public sealed record CrashProgress(int CustomerSent, int CustomerAcks, int AgentSent, int AgentAcks, int Pending, int Connected);

/// <param name="At">When the client got the acknowledgement (Unix milliseconds).</param>
public sealed record AckedMessage(int Ticket, string ClientMessageId, int Seq, string Body, int Attempts = 1, long At = 0);

public sealed record WidgetView(int Ticket, int[] Seen, int Reconnects);

/// <summary>Acknowledged messages sent again with the same id (a lost acknowledgement): every one should answer with its first sequence number.</summary>
public sealed record ReplayResult(int Sent, int SameSeq, IReadOnlyList<JsonElement> Mismatches);

public sealed record CrashLoadResult(
    int CustomerSent, int AgentSent, IReadOnlyList<AckedMessage> CustomerAcks, IReadOnlyList<AckedMessage> AgentAcks,
    IReadOnlyList<AckedMessage> AgentUnanswered, IReadOnlyList<AckedMessage> PendingCustomerMessages,
    IReadOnlyList<WidgetView> Widgets, Dictionary<string, int> AgentFailures, Dictionary<string, int> CustomerErrors, ReplayResult Replays);

/// <summary>
/// node/crash-load.mjs: widget customers (the widget's own ChatSession on @microsoft/signalr) sending at a steady rate
/// and agents replying through the REST API, in one Node process, while the test kills and restarts the server.
/// </summary>
public sealed class CrashLoad : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process node;
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource<JsonElement> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CrashLoadResult> result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CrashProgress progress = new(0, 0, 0, 0, 0, 0);

    private CrashLoad(Uri app, string apiKey, int customers, int customerRate, int agentRate)
    {
        var start = new ProcessStartInfo("node", [
            Path.Combine(RepositoryPaths.Root, "AgentWorkspace.Tests", "Features", "Data", "node", "crash-load.mjs"),
            app.ToString().TrimEnd('/'), apiKey,
            "--customers", $"{customers}", "--customer-rate", $"{customerRate}", "--agent-rate", $"{agentRate}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["WIDGET_ASSETS"] = Path.Combine(RepositoryPaths.Root, "wwwroot-assets");
        node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.OutputDataReceived += (_, e) => OnLine(e.Data);
        node.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
    }

    public CrashProgress Progress => progress;

    /// <summary>Opens the chats (each with its opening message) and starts the traffic; returns how many chats opened.</summary>
    public static async Task<(CrashLoad Load, int Chats)> StartAsync(Uri app, string apiKey, int customers, int customerRate, int agentRate)
    {
        var load = new CrashLoad(app, apiKey, customers, customerRate, agentRate);
        var line = await load.WithinAsync(load.started.Task, TimeSpan.FromSeconds(120), "open the chats");
        return (load, line.GetProperty("started").GetInt32());
    }

    /// <summary>Waits until the traffic reaches <paramref name="condition"/>.</summary>
    public async Task<CrashProgress> WaitForAsync(Func<CrashProgress, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(progress))
        {
            if (DateTime.UtcNow > deadline || node.HasExited)
            {
                throw new TimeoutException($"The load did not {what} in {timeout.TotalSeconds} s; last progress {progress}. stderr: {Stderr}");
            }
            await Task.Delay(50);
        }
        return progress;
    }

    /// <summary>Stops new messages and waits for the clients to finish: outboxes sent, replies answered and delivered.</summary>
    public async Task<CrashLoadResult> FinishAsync()
    {
        await node.StandardInput.WriteLineAsync("finish");
        await node.StandardInput.FlushAsync();
        return await WithinAsync(result.Task, TimeSpan.FromSeconds(180), "finish");
    }

    private string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    private async Task<T> WithinAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout)) != task)
        {
            throw new TimeoutException($"The load did not {what} in {timeout.TotalSeconds} s; last progress {progress}. stderr: {Stderr}");
        }
        return await task;
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            // Not the test host's to crash on: the run fails with this in its message instead.
            lock (stderr)
            {
                stderr.AppendLine($"unreadable line ({e.Message}): {line[..Math.Min(line.Length, 300)]}");
            }
            return;
        }
        using var owned = document;
        var root = document.RootElement;
        if (root.TryGetProperty("progress", out var p))
        {
            progress = p.Deserialize<CrashProgress>(Json)!;
        }
        else if (root.TryGetProperty("started", out _))
        {
            started.TrySetResult(root.Clone());
        }
        else if (root.TryGetProperty("result", out var r))
        {
            result.TrySetResult(r.Deserialize<CrashLoadResult>(Json)!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!node.HasExited)
        {
            node.Kill();
            await node.WaitForExitAsync();
        }
        node.Dispose();
    }
}
