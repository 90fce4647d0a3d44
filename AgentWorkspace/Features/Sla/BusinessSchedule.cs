using System.Collections.Concurrent;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// Business-time arithmetic on a <see cref="BusinessCalendar"/>. Works on opening intervals, a day at a time (never
/// minute by minute): each local day's blocks are turned into UTC intervals once and cached.
/// A block [s, e) covers exactly the instants whose local wall-clock time on that date is in [s, e): on a day the clocks
/// go forward, the lost hour is simply not there (a 09:00-18:00 day lasts 9 hours of real time whatever happens at
/// 02:00, and a block that starts inside the gap starts when the clocks jump); on a day they go back, a block covering
/// the repeated hour covers both of its passes.
/// </summary>
public sealed class BusinessSchedule : WorkingTime
{
    /// <summary>How far ahead (or back) to look for an opening before concluding there is none.</summary>
    private const int SearchDays = 3 * 366;

    private readonly TimeZoneInfo zone;
    private readonly (int Start, int End)[][] blocksByDay;
    private readonly HashSet<DateOnly> holidays;
    private readonly ConcurrentDictionary<DateOnly, Interval[]> openingsByDate = new();

    public BusinessSchedule(TimeZoneInfo zone, IEnumerable<(DayOfWeek Day, int StartMinute, int EndMinute)> blocks, IEnumerable<DateOnly> holidays)
    {
        this.zone = zone;
        this.holidays = holidays.ToHashSet();
        blocksByDay = new (int, int)[7][];
        var list = blocks.ToList();
        for (var day = 0; day < 7; day++)
        {
            blocksByDay[day] = Merge(list.Where(b => (int)b.Day == day && b.EndMinute > b.StartMinute)
                .Select(b => (Math.Clamp(b.StartMinute, 0, 1440), Math.Clamp(b.EndMinute, 0, 1440))));
        }
        HasOpenings = blocksByDay.Any(d => d.Length > 0);
    }

    public static BusinessSchedule For(BusinessCalendar calendar) => new(
        TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId),
        calendar.Blocks.Select(b => (b.Day, b.StartMinute, b.EndMinute)),
        calendar.Holidays.Select(h => h.Date));

    public TimeZoneInfo Zone => zone;

    /// <summary>False for a calendar without a single opening block: no business time ever passes.</summary>
    public bool HasOpenings { get; }

    public override DateTimeOffset? Add(DateTimeOffset start, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return start;
        }
        var left = amount;
        foreach (var (from, to) in OpeningsFrom(start))
        {
            var length = to - from;
            if (left <= length)
            {
                return from + left;
            }
            left -= length;
        }
        return null;
    }

    public override DateTimeOffset? Subtract(DateTimeOffset end, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return end;
        }
        var left = amount;
        foreach (var (from, to) in OpeningsBefore(end))
        {
            var length = to - from;
            if (left <= length)
            {
                return to - left;
            }
            left -= length;
        }
        return null;
    }

    public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from || !HasOpenings)
        {
            return TimeSpan.Zero;
        }
        var total = TimeSpan.Zero;
        var last = LocalDate(to).AddDays(1);
        for (var date = LocalDate(from).AddDays(-1); date <= last; date = date.AddDays(1))
        {
            foreach (var opening in OpeningsOn(date))
            {
                var start = opening.Start > from ? opening.Start : from;
                var end = opening.End < to ? opening.End : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }
        return total;
    }

    /// <summary>The opening intervals from <paramref name="start"/> on, in order, the first one cut at <paramref name="start"/>.</summary>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To)> OpeningsFrom(DateTimeOffset start)
    {
        if (!HasOpenings)
        {
            yield break;
        }
        var first = LocalDate(start).AddDays(-1);
        for (var i = 0; i <= SearchDays; i++)
        {
            foreach (var opening in OpeningsOn(first.AddDays(i)))
            {
                if (opening.End > start)
                {
                    yield return (opening.Start > start ? opening.Start : start, opening.End);
                }
            }
        }
    }

    /// <summary>The opening intervals before <paramref name="end"/>, latest first, the first one cut at <paramref name="end"/>.</summary>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To)> OpeningsBefore(DateTimeOffset end)
    {
        if (!HasOpenings)
        {
            yield break;
        }
        var first = LocalDate(end).AddDays(1);
        for (var i = 0; i <= SearchDays; i++)
        {
            var openings = OpeningsOn(first.AddDays(-i));
            for (var j = openings.Length - 1; j >= 0; j--)
            {
                var opening = openings[j];
                if (opening.Start < end)
                {
                    yield return (opening.Start, opening.End < end ? opening.End : end);
                }
            }
        }
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private readonly record struct Interval(DateTimeOffset Start, DateTimeOffset End);

    /// <summary>The UTC intervals of a local date's blocks (none on a holiday), sorted.</summary>
    private Interval[] OpeningsOn(DateOnly date)
    {
        if (holidays.Contains(date) || blocksByDay[(int)date.DayOfWeek].Length == 0)
        {
            return [];
        }
        return openingsByDate.GetOrAdd(date, Compute);
    }

    private Interval[] Compute(DateOnly date)
    {
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); // the local midnight's digits, read as UTC
        var intervals = new List<Interval>();
        // Split the instants that can have this local date (offsets stay within ±14 h) into runs of one UTC offset; in a
        // run with offset o, local time L is the instant L - o. A block is then exact in each run, gaps and repeats included.
        foreach (var (runStart, runEnd, offset) in OffsetRuns(midnight.AddHours(-15), midnight.AddHours(24 + 15)))
        {
            foreach (var (startMinute, endMinute) in blocksByDay[(int)date.DayOfWeek])
            {
                var start = midnight.AddMinutes(startMinute) - offset;
                var end = midnight.AddMinutes(endMinute) - offset;
                if (start < runStart) start = runStart;
                if (end > runEnd) end = runEnd;
                if (end > start)
                {
                    intervals.Add(new Interval(start, end));
                }
            }
        }
        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Two passes of a repeated hour can touch: one interval, not two.
        var merged = new List<Interval>(intervals.Count);
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = interval.End > merged[^1].End ? interval.End : merged[^1].End };
            }
            else
            {
                merged.Add(interval);
            }
        }
        return [.. merged];
    }

    /// <summary>
    /// [from, to) cut where the zone's UTC offset changes, each run with its offset. Transitions fall on whole seconds and
    /// are found by bisection, so a normal day costs two offset look-ups. Assumes at most two transitions in 54 hours.
    /// </summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To, TimeSpan Offset)> OffsetRuns(DateTimeOffset from, DateTimeOffset to)
    {
        var offsetFrom = zone.GetUtcOffset(from);
        var offsetTo = zone.GetUtcOffset(to.AddSeconds(-1));
        if (offsetFrom == offsetTo)
        {
            yield return (from, to, offsetFrom);
            yield break;
        }
        // The first second whose offset differs from the start's.
        long low = 0, high = (long)(to - from).TotalSeconds - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(from.AddSeconds(middle)) != offsetFrom)
                high = middle;
            else
                low = middle + 1;
        }
        var change = from.AddSeconds(low);
        yield return (from, change, offsetFrom);
        var offsetAfter = zone.GetUtcOffset(change);
        if (offsetAfter == offsetTo)
        {
            yield return (change, to, offsetAfter);
        }
        else
        {
            foreach (var run in OffsetRuns(change, to))
            {
                yield return run;
            }
        }
    }

    private static (int, int)[] Merge(IEnumerable<(int Start, int End)> blocks)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var block in blocks.OrderBy(b => b.Start))
        {
            if (merged.Count > 0 && block.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, block.End));
            else
                merged.Add(block);
        }
        return [.. merged];
    }
}
