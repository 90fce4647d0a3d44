using System.Diagnostics;
using System.Runtime.InteropServices;
using LiveBench.Circuits;

namespace LiveBench;

/// <summary>
/// Holds protocol screens open on /inbox beside another benchmark (ChatBench's conversations with agent screens open,
/// issue 11): opens them four at a time, writes the ready file, then keeps every circuit acknowledging its render
/// batches until SIGTERM or SIGINT, and prints what the screens received and any circuit that closed.
/// </summary>
internal static class Hold
{
    public static async Task<int> RunAsync(Uri url, Prepared prepared, int count, string? readyFile)
    {
        var screens = Enumerable.Range(0, count)
            .Select(i => new ProtocolScreen(url, prepared.Agents[i % prepared.Agents.Count], prepared.Password, "/inbox"))
            .ToList();
        var started = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(4);
        await Task.WhenAll(screens.Select(async screen =>
        {
            await gate.WaitAsync();
            try { await screen.OpenAsync(CancellationToken.None); }
            finally { gate.Release(); }
        }));
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {count} inbox screens open in {started.Elapsed.TotalSeconds:F1} s");
        if (readyFile is not null)
        {
            await File.WriteAllTextAsync(readyFile, $"{count}\n");
        }
        var batchesAtReady = screens.Sum(s => Interlocked.Read(ref s.Batches));
        var bytesAtReady = screens.Sum(s => Interlocked.Read(ref s.BatchBytes));
        var stop = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
        var batches = screens.Sum(s => Interlocked.Read(ref s.Batches)) - batchesAtReady;
        var bytes = screens.Sum(s => Interlocked.Read(ref s.BatchBytes)) - bytesAtReady;
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] held {count} screens: {batches:N0} render batches ({bytes:N0} bytes) received while held; " +
            $"closed circuits {screens.Count(s => s.Closed)}; errors {screens.Sum(s => s.Errors.Count)}");
        foreach (var error in screens.SelectMany(s => s.Errors).Distinct().Take(10)) Console.WriteLine($"  error: {error}");
        foreach (var screen in screens) await screen.DisposeAsync();
        return 0;
    }
}
