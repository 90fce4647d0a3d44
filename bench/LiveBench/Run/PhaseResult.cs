using LiveBench.Measure;

namespace LiveBench;

/// <summary>One phase of changes at one number of open screens: latencies per kind of receiver, call latencies, CPU.</summary>
internal sealed class PhaseResult(int screensOpen, string phase)
{
    public int ScreensOpen => screensOpen;
    public string Phase => phase;
    public int Changes;
    public int AffectedPerChange;
    public Dictionary<string, List<double>> ShowLatencies { get; } = [];
    public Dictionary<string, int> Misses { get; } = [];
    public List<double> CallLatencies { get; } = [];
    public int FalseShows;
    public double CpuSeconds;
    public double IdleCores;
    public double Seconds;

    public void AddShown(string kind, double ms)
    {
        if (!ShowLatencies.TryGetValue(kind, out var list)) ShowLatencies[kind] = list = [];
        list.Add(ms);
    }

    public void AddMiss(string kind) => Misses[kind] = Misses.GetValueOrDefault(kind) + 1;

    /// <summary>Server CPU over the phase (and one quiet second after it) divided by its changes.</summary>
    public double CpuMsPerChange => Changes == 0 ? double.NaN : CpuSeconds * 1000 / Changes;

    /// <summary>The part of <see cref="CpuMsPerChange"/> the server would have spent anyway at its idle rate with these screens open.</summary>
    public double IdleMsPerChange => Changes == 0 ? double.NaN : IdleCores * Seconds * 1000 / Changes;

    private string Cpu => $"{CpuMsPerChange:F1} ({IdleMsPerChange:F1})";

    public IEnumerable<string> MarkdownRows()
    {
        var kinds = ShowLatencies.Keys.Union(Misses.Keys).Order().ToList();
        var call = CallLatencies.Count > 0 ? Stats.Summary(CallLatencies) : "| | | ";
        var common = $"| {screensOpen} | {phase} | {Changes} | {AffectedPerChange}";
        if (kinds.Count == 0)
        {
            yield return $"{common} | — | 0 | | | | | 0 | {call} | {Cpu} | {FalseShows} |";
            yield break;
        }
        foreach (var kind in kinds)
        {
            var shown = ShowLatencies.GetValueOrDefault(kind) ?? [];
            yield return $"{common} | {kind} | {shown.Count} | {Stats.Summary(shown)} | {Misses.GetValueOrDefault(kind)} | {call} | {Cpu} | {FalseShows} |";
        }
    }

    public const string MarkdownHeader =
        "| screens open | change → where it must show | changes | affected screens per change | shown on | n | p50 ms | p95 ms | p99 ms | max ms | missed (not shown 5 s after the call) | call p50 ms | call p95 ms | call p99 ms | call max ms | server CPU ms per change (of it idle) | shown where it must not |\n" +
        "|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
}
