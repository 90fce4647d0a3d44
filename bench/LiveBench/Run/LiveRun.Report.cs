using System.Text;

namespace LiveBench;

internal sealed partial class LiveRun
{
    private readonly string loadAtStart = File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => $"{a} {b}");

    private void WriteReport()
    {
        var loadAtEnd = File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => $"{a} {b}");
        var md = new StringBuilder();
        md.AppendLine($"### LiveBench {options.Label}".TrimEnd());
        md.AppendLine();
        md.AppendLine($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; app {options.Url} (pid {options.Pid}); {Environment.ProcessorCount} cores");
        md.AppendLine($"- load average (1/5/15 min) at start: {loadAtStart}; at end: {loadAtEnd}");
        md.AppendLine($"- screens: {string.Join(", ", options.Screens)} on /inbox ({options.Browsers} of them Chromium), {options.TicketScreens} protocol screens on {options.Chats} chat tickets" +
            (options.Browsers > 0 ? " + 1 Chromium composer" : ""));
        md.AppendLine($"- changes per phase: {options.Changes} or as many as fit in {options.PhaseSeconds} s, one at a time (each waited for on every screen it must reach, up to 5 s after its call returned), after 3 unrecorded warm-up changes");
        md.AppendLine();
        md.AppendLine(PhaseResult.MarkdownHeader);
        foreach (var result in results)
        {
            foreach (var row in result.MarkdownRows()) md.AppendLine(row);
        }
        md.AppendLine();
        md.AppendLine("| screens open | server RSS MiB | live managed heap MiB (after a full GC) |");
        md.AppendLine("|---:|---:|---:|");
        foreach (var row in memoryRows) md.AppendLine(row);
        md.AppendLine();
        md.AppendLine("```");
        foreach (var line in log) md.AppendLine(line);
        md.AppendLine("```");
        var path = Path.Combine(options.Out, "report.md");
        File.WriteAllText(path, md.ToString());
        Console.WriteLine($"report: {path}");
    }
}
