namespace AgentWorkspace.Features.Reports;

/// <summary>
/// Log-spaced buckets for durations in seconds: exact below a minute (one bucket per second), then each bucket 5% wider
/// than the previous. A median or p90 read from the buckets is the bucket's geometric middle, so it is within
/// <see cref="ErrorPercent"/> of the exact nearest-rank value (the exact value lies in the same bucket).
/// </summary>
public static class DurationBuckets
{
    public const int ExactBelow = 64;
    public const double Ratio = 1.05;

    /// <summary>√1.05 − 1 = 2.47%, shown as ±2.5%.</summary>
    public const double ErrorPercent = 2.5;

    private static readonly double LogRatio = Math.Log(Ratio);

    public static int Of(long seconds)
    {
        if (seconds < ExactBelow)
        {
            return (int)Math.Max(0, seconds);
        }
        var bucket = ExactBelow + (int)Math.Floor(Math.Log((double)seconds / ExactBelow) / LogRatio);
        // Floating point may land a value on the wrong side of an edge: the edges are what Lower says they are.
        while (bucket > ExactBelow && seconds < Lower(bucket)) bucket--;
        while (seconds >= Lower(bucket + 1)) bucket++;
        return bucket;
    }

    public static double Lower(int bucket) => bucket <= ExactBelow ? bucket : ExactBelow * Math.Pow(Ratio, bucket - ExactBelow);

    /// <summary>The value a bucket stands for: itself below a minute, else the geometric middle of its edges.</summary>
    public static long Representative(int bucket) =>
        bucket < ExactBelow ? bucket : (long)Math.Round(Math.Sqrt(Lower(bucket) * Lower(bucket + 1)));
}

/// <summary>A mergeable histogram of durations (bucket → count); counts may go negative while a delta is applied.</summary>
public sealed class DurationHistogram
{
    // Made on first use: most of a row's histograms are read past, not filled.
    private Dictionary<int, int>? counts;

    public int Total { get; private set; }

    public bool IsEmpty => counts is null || counts.Count == 0;

    public IEnumerable<KeyValuePair<int, int>> Buckets => counts?.OrderBy(c => c.Key) ?? Enumerable.Empty<KeyValuePair<int, int>>();

    public void Add(long seconds, int count = 1) => AddBucket(DurationBuckets.Of(seconds), count);

    public void AddBucket(int bucket, int count)
    {
        counts ??= [];
        var now = counts.GetValueOrDefault(bucket) + count;
        if (now == 0)
        {
            counts.Remove(bucket);
        }
        else
        {
            counts[bucket] = now;
        }
        Total += count;
    }

    public void Add(DurationHistogram other, int sign = 1)
    {
        if (other.counts is null)
        {
            return;
        }
        foreach (var (bucket, count) in other.counts)
        {
            AddBucket(bucket, sign * count);
        }
    }

    /// <summary>Median and p90 by nearest rank, as <see cref="DurationStat.Of"/> computes them, to the bucket's precision.</summary>
    public DurationStat Stat()
    {
        if (Total <= 0)
        {
            return new DurationStat(0, null, null);
        }
        var sorted = Buckets.ToList();
        long Rank(double p)
        {
            var rank = Math.Max(1, (int)Math.Ceiling(p * Total));
            var seen = 0;
            foreach (var (bucket, count) in sorted)
            {
                seen += count;
                if (seen >= rank)
                {
                    return DurationBuckets.Representative(bucket);
                }
            }
            return DurationBuckets.Representative(sorted[^1].Key);
        }
        return new DurationStat(Total, Rank(0.5), Rank(0.9));
    }
}
