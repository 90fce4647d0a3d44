namespace AgentWorkspace.Features.Reports;

/// <summary>
/// What one <see cref="ReportDay"/> row holds, in memory: counts, one histogram per duration metric and clock, and the
/// created volume by dimension. Cycles are added (sign +1) or taken out (sign -1) by the same rules as the exact path
/// in <see cref="ReportQuery"/>, so the aggregate and the facts agree on every count.
/// </summary>
public sealed class DayTotals
{
    /// <summary>The duration metrics in histogram order; calendar then business clock for each.</summary>
    public static readonly Metric[] DurationMetrics =
        [Metric.FirstResponse, Metric.Resolution, Metric.RequesterWait, Metric.OnHold, Metric.QueueWait, Metric.HandleTime];

    public int Created, CreatedResolved, Resolved, ZeroReply, FirstContact, ReopenedCycles;

    public readonly DurationHistogram[] Durations = [.. Enumerable.Range(0, DurationMetrics.Length * 2).Select(_ => new DurationHistogram())];

    /// <summary>Created cycles by "dimension letter:value" (c channel, g team, p priority, k category, l language, t tag).</summary>
    public readonly Dictionary<string, int> Volume = new(StringComparer.Ordinal);

    public static int Slot(Metric metric, bool business) => Array.IndexOf(DurationMetrics, metric) * 2 + (business ? 1 : 0);

    public DurationHistogram Histogram(Metric metric, bool business) => Durations[Slot(metric, business)];

    public bool IsEmpty => Created == 0 && CreatedResolved == 0 && Resolved == 0 && ZeroReply == 0 && FirstContact == 0 && ReopenedCycles == 0
        && Durations.All(h => h.IsEmpty) && Volume.Count == 0;

    /// <summary>The resolution side of a resolved cycle: counted in the day of its resolution.</summary>
    public void AddResolved(ReportCycle c, int sign)
    {
        Resolved += sign;
        if (c.PublicReplies == 0) ZeroReply += sign;
        var window = (long)ReportMetrics.FcrReopenWindow.TotalSeconds;
        if (c.PublicReplies == 1 && (c.ReopenedAfterSeconds is null || c.ReopenedAfterSeconds > window)) FirstContact += sign;
        if (c.ReopenedAt is not null) ReopenedCycles += sign;
        void Add(Metric metric, long? calendar, long? business)
        {
            if (calendar is { } a) Histogram(metric, false).Add(a, sign);
            if (business is { } b) Histogram(metric, true).Add(b, sign);
        }
        // The same nulls as the exact path: resolution, wait and on-hold count a missing value as 0.
        Add(Metric.FirstResponse, c.FirstResponseSeconds, c.FirstResponseBusinessSeconds);
        Add(Metric.Resolution, c.ResolutionSeconds ?? 0, c.ResolutionBusinessSeconds ?? 0);
        Add(Metric.RequesterWait, c.WaitSeconds ?? 0, c.WaitBusinessSeconds ?? 0);
        Add(Metric.OnHold, c.OnHoldSeconds ?? 0, c.OnHoldBusinessSeconds ?? 0);
        Add(Metric.QueueWait, c.QueueWaitSeconds, c.QueueWaitBusinessSeconds);
        Add(Metric.HandleTime, c.HandleSeconds, c.HandleBusinessSeconds);
    }

    /// <summary>The creation side of a cycle 0: counted in the day the ticket was created.</summary>
    public void AddCreated(ReportCycle c, IEnumerable<string> tags, int sign)
    {
        Created += sign;
        if (c.ResolvedAt is not null) CreatedResolved += sign;
        void Count(string key)
        {
            var now = Volume.GetValueOrDefault(key) + sign;
            if (now == 0) Volume.Remove(key);
            else Volume[key] = now;
        }
        Count("c:" + c.Channel);
        Count("g:" + (c.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        Count("p:" + c.Priority);
        Count("k:" + (c.Category ?? ""));
        Count("l:" + c.Language);
        foreach (var tag in tags)
        {
            Count("t:" + tag);
        }
    }

    public void Add(DayTotals other, int sign = 1)
    {
        Created += sign * other.Created;
        CreatedResolved += sign * other.CreatedResolved;
        Resolved += sign * other.Resolved;
        ZeroReply += sign * other.ZeroReply;
        FirstContact += sign * other.FirstContact;
        ReopenedCycles += sign * other.ReopenedCycles;
        for (var i = 0; i < Durations.Length; i++)
        {
            Durations[i].Add(other.Durations[i], sign);
        }
        foreach (var (key, count) in other.Volume)
        {
            var now = Volume.GetValueOrDefault(key) + sign * count;
            if (now == 0) Volume.Remove(key);
            else Volume[key] = now;
        }
    }

    /// <summary>The created volume of one dimension ("c", "g", ...), largest first.</summary>
    public IReadOnlyList<GroupCount> VolumeOf(string letter, int take = int.MaxValue) =>
        Volume.Where(v => v.Key.StartsWith(letter + ":", StringComparison.Ordinal) && v.Value != 0)
            .Select(v => new GroupCount(v.Key[(letter.Length + 1)..], v.Value))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(take).ToList();

    /// <param name="slots">The histograms wanted (<see cref="Slot"/>), or null for all; the others are skipped.</param>
    /// <param name="volume">Whether to read the created volume (per-agent and per-team tables don't need it).</param>
    public static DayTotals Read(ReportDay row, IReadOnlySet<int>? slots = null, bool volume = true)
    {
        var totals = new DayTotals
        {
            Created = row.Created, CreatedResolved = row.CreatedResolved, Resolved = row.Resolved, ZeroReply = row.ZeroReply,
            FirstContact = row.FirstContact, ReopenedCycles = row.ReopenedCycles,
        };
        if (row.Data.Length == 0)
        {
            return totals;
        }
        var reader = new SpanReader(row.Data);
        for (var histograms = reader.Varint(); histograms > 0; histograms--)
        {
            var slot = reader.Byte();
            var histogram = slots is null || slots.Contains(slot) ? totals.Durations[slot] : null;
            var bucket = 0;
            for (var entries = reader.Varint(); entries > 0; entries--)
            {
                bucket += reader.Varint();
                var count = reader.Varint();
                histogram?.AddBucket(bucket, count);
            }
        }
        if (!volume)
        {
            return totals;
        }
        for (var entries = reader.Varint(); entries > 0; entries--)
        {
            var key = reader.String();
            totals.Volume[key] = reader.Varint();
        }
        return totals;
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote (7-bit encoded ints, length-prefixed UTF-8) without a stream per row.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int position;

        public byte Byte() => data[position++];

        public int Varint()
        {
            uint result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = data[position++];
                result |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }
            return (int)result;
        }

        public string String()
        {
            var length = Varint();
            var text = System.Text.Encoding.UTF8.GetString(data.Slice(position, length));
            position += length;
            return text;
        }
    }

    /// <summary>Writes the totals into a row (sorted, so equal totals give equal bytes: the rebuild test compares them).</summary>
    public void Write(ReportDay row)
    {
        (row.Created, row.CreatedResolved, row.Resolved, row.ZeroReply, row.FirstContact, row.ReopenedCycles) =
            (Created, CreatedResolved, Resolved, ZeroReply, FirstContact, ReopenedCycles);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write7BitEncodedInt(Durations.Count(h => !h.IsEmpty));
            for (var i = 0; i < Durations.Length; i++)
            {
                if (Durations[i].IsEmpty)
                {
                    continue;
                }
                var buckets = Durations[i].Buckets.ToList();
                writer.Write((byte)i);
                writer.Write7BitEncodedInt(buckets.Count);
                var previous = 0;
                foreach (var (bucket, count) in buckets)
                {
                    writer.Write7BitEncodedInt(bucket - previous);
                    writer.Write7BitEncodedInt(count);
                    previous = bucket;
                }
            }
            var volume = Volume.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
            writer.Write7BitEncodedInt(volume.Count);
            foreach (var (key, count) in volume)
            {
                writer.Write(key);
                writer.Write7BitEncodedInt(count);
            }
        }
        row.Data = stream.ToArray();
    }
}
