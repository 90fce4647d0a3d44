namespace LiveBench.Measure;

/// <summary>Nearest-rank percentiles, as the other benchmarks here report them.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0
            ? "| | | | "
            : $"{Percentile(sorted, 50):F1} | {Percentile(sorted, 95):F1} | {Percentile(sorted, 99):F1} | {sorted[^1]:F1}";
    }
}
