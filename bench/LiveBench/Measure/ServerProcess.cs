using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LiveBench.Measure;

/// <summary>The app's process seen from outside: CPU time and RSS from /proc, live managed heap from a gcdump.</summary>
internal sealed partial class ServerProcess(int pid, string repoRoot)
{
    // USER_HZ: /proc reports CPU times in clock ticks, 100 a second on Linux.
    private const double TicksPerSecond = 100.0;

    public int Pid => pid;

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may contain spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
    }

    public double RssMiB()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(Digits().Match(line).Value) / 1024.0;
    }

    /// <summary>
    /// Live managed heap in MiB after a full, induced collection (dotnet-gcdump, from the repo's tool manifest), or null
    /// when the tool is missing. Takes seconds and pauses the app: only between phases.
    /// </summary>
    public async Task<double?> LiveHeapMiBAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"livebench-{pid}-{Environment.TickCount64}.gcdump");
        try
        {
            var collect = await RunToolAsync($"collect -p {pid} -o {file}");
            if (collect is null || !File.Exists(file)) return null;
            var report = await RunToolAsync($"report {file}");
            // LIVEBENCH_HEAP_DIR keeps each step's type table, to diff what the screens added.
            if (report is not null && Environment.GetEnvironmentVariable("LIVEBENCH_HEAP_DIR") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                await File.WriteAllTextAsync(Path.Combine(keep, $"heap-{DateTime.UtcNow:HHmmss}.txt"), report);
            }
            var match = report is null ? null : HeapBytes().Match(report);
            return match is { Success: true } ? long.Parse(match.Groups[1].Value.Replace(",", "")) / 1024.0 / 1024.0 : null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string?> RunToolAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"tool run dotnet-gcdump {arguments}")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : null;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
