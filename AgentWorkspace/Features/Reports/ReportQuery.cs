using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Reports;

/// <summary>Median and p90 by the nearest-rank method (the smallest value with at least half / 90% of the values at or below it).</summary>
public sealed record DurationStat(int Count, long? MedianSeconds, long? P90Seconds)
{
    public static DurationStat Of(List<long> values)
    {
        if (values.Count == 0)
        {
            return new DurationStat(0, null, null);
        }
        values.Sort();
        return new DurationStat(values.Count, Rank(values, 0.5), Rank(values, 0.9));
    }

    private static long Rank(List<long> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

public sealed record RateStat(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}

public sealed record SeriesPoint(DateOnly Start, DateTimeOffset From, DateTimeOffset To, int Created, int Resolved, int Reopened, int Backlog);

public sealed record GroupCount(string Key, int Count);

/// <param name="Survey">The answers credited to the agent or team in the range (<see cref="ReportMetrics.IsSatisfied"/>).</param>
public sealed record PerformanceRow(string Key, int Handled, DurationStat FirstResponse, DurationStat Resolution, int Reopens, SurveyGroup Survey);

public sealed record ReportResult(
    ReportRequest Request,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyDictionary<Metric, int> Counts,
    IReadOnlyDictionary<Metric, DurationStat> Durations,
    IReadOnlyDictionary<Metric, RateStat> Rates,
    IReadOnlyDictionary<ReportDimension, IReadOnlyList<GroupCount>> Volume,
    IReadOnlyList<GroupCount> EscalationsByTier,
    IReadOnlyList<PerformanceRow> Agents,
    IReadOnlyList<PerformanceRow> Teams,
    bool SeriesFromAggregate,
    bool FcrProvisional,
    SurveyFigures Surveys,
    bool DurationsApproximate = false);

/// <summary>
/// Computes a report: exactly from the facts when the period holds few resolved cycles (at most <see cref="ExactUpTo"/>)
/// or a filter the aggregates don't keep (a priority, category or tag together with another filter, or two of them); otherwise from the per-day rows
/// (<see cref="ReportDay"/>, durations from histograms, so medians and p90s are approximate) plus the exact facts of the
/// partial UTC days at the range's edges. Series come from the hourly aggregate where it answers exactly.
/// </summary>
public sealed partial class ReportQuery(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Up to this many cycles resolved in the period (whole UTC days), every number is computed exactly from the facts:
    /// at 1M tickets on the bench machine ~5,000 cycles read from the facts cost about what a year of per-day rows does.
    /// </summary>
    public int ExactUpTo { get; set; } = 5_000;

    /// <param name="factsOnly">Compute everything from the facts even where the aggregates could answer (tests compare the two).</param>
    public async Task<ReportResult> RunAsync(ReportRequest request, bool factsOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!factsOnly && await FromDaysAsync(db, request, cancellationToken) is { } aggregated)
        {
            return aggregated;
        }
        var (from, to, filters) = (request.FromUtc, request.ToUtc, request.Filters);
        var buckets = request.Buckets();
        var drill = new ReportDrill(Metric.Created, from, to, filters);
        var useAggregate = !factsOnly && filters.HoursAnswer;
        var series = useAggregate ? await SeriesFromHoursAsync(db, buckets, filters, cancellationToken) : await SeriesFromFactsAsync(db, buckets, drill, cancellationToken);

        var counts = new Dictionary<Metric, int>
        {
            [Metric.Created] = series.Sum(p => p.Created),
            [Metric.Resolved] = series.Sum(p => p.Resolved),
            [Metric.Reopened] = series.Sum(p => p.Reopened),
            [Metric.Backlog] = series.Count > 0 ? series[^1].Backlog : 0,
        };

        // Every duration metric is over the cycles resolved in the range: one read of their durations serves them all.
        var business = request.BusinessHours;
        var resolved = await ResolvedDurationsAsync(db, drill with { Metric = Metric.Resolved }, business, cancellationToken);
        var durations = DurationsOf(resolved);
        var window = (long)ReportMetrics.FcrReopenWindow.TotalSeconds;
        var replied = resolved.Count(c => c.PublicReplies > 0);
        var firstContact = resolved.Count(c => c.PublicReplies == 1 && (c.ReopenedAfterSeconds is null || c.ReopenedAfterSeconds > window));
        counts[Metric.ZeroReplyResolution] = resolved.Count - replied;
        var createdResolved = await CyclesFor(db, drill with { Metric = Metric.ResolutionRate }).CountAsync(cancellationToken);
        var rates = new Dictionary<Metric, RateStat>
        {
            [Metric.ResolutionRate] = new(createdResolved, counts[Metric.Created]),
            [Metric.ReopenRate] = new(resolved.Count(c => c.ReopenedAt is not null), resolved.Count),
            [Metric.FirstContactResolution] = new(firstContact, replied),
        };

        var surveys = await SurveyFiguresAsync(db, drill, cancellationToken);
        counts[Metric.SurveyedTickets] = surveys.Tickets;
        counts[Metric.Unhappy] = surveys.UnhappyTickets;
        static Dictionary<string, PerformanceTotals> Totals<T>(IEnumerable<T> cycles, Func<T, string> key, Func<T, long?> firstResponse, Func<T, long?> resolution,
            Func<T, bool> reopened) => cycles.GroupBy(key).ToDictionary(g => g.Key, g => new PerformanceTotals(g.Count(),
                DurationStat.Of(g.Select(firstResponse).Where(v => v is not null).Select(v => v!.Value).ToList()),
                DurationStat.Of(g.Select(c => resolution(c) ?? 0).ToList()), g.Count(reopened)), StringComparer.Ordinal);
        var agents = Rows(Totals(resolved, c => c.AgentId ?? "", c => c.FirstResponse, c => c.Resolution, c => c.ReopenedAt is not null), surveys.Agents);
        var teams = Rows(Totals(resolved, c => c.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c => c.FirstResponse, c => c.Resolution,
            c => c.ReopenedAt is not null), surveys.Teams);

        var (escalations, escalated) = await EscalationsAsync(db, drill, cancellationToken);
        counts[Metric.Escalations] = escalated;

        var volume = await VolumeAsync(db, drill, cancellationToken);
        var provisional = to > clock.GetUtcNow() - ReportMetrics.FcrReopenWindow;
        return new ReportResult(request, series, counts, durations, rates, volume, escalations, agents, teams, useAggregate, provisional, surveys);
    }

    /// <summary>One row of the per-agent or per-team table before its survey answers are added.</summary>
    private sealed record PerformanceTotals(int Handled, DurationStat FirstResponse, DurationStat Resolution, int Reopens);

    /// <summary>What every duration metric needs of one resolved cycle, on the chosen clock (business or calendar).</summary>
    private sealed record CycleDurations(
        string? AgentId, int? TeamId, int PublicReplies, DateTimeOffset? ReopenedAt, long? ReopenedAfterSeconds,
        long? FirstResponse, long? Resolution, long? Wait, long? OnHold, long? QueueWait, long? Handle);

    /// <summary>The resolved cycles' durations read one by one: one read serves every duration metric.</summary>
    private static Task<List<CycleDurations>> ResolvedDurationsAsync(AppDbContext db, ReportDrill resolvedDrill, bool business, CancellationToken cancellationToken) =>
        CyclesFor(db, resolvedDrill)
            .Select(c => new CycleDurations(
                c.AgentId, c.TeamId, c.PublicReplies, c.ReopenedAt, c.ReopenedAfterSeconds,
                business ? c.FirstResponseBusinessSeconds : c.FirstResponseSeconds,
                business ? c.ResolutionBusinessSeconds : c.ResolutionSeconds,
                business ? c.WaitBusinessSeconds : c.WaitSeconds,
                business ? c.OnHoldBusinessSeconds : c.OnHoldSeconds,
                business ? c.QueueWaitBusinessSeconds : c.QueueWaitSeconds,
                business ? c.HandleBusinessSeconds : c.HandleSeconds))
            .ToListAsync(cancellationToken);

    /// <summary>Each duration metric's median and p90, exactly, over the given cycles.</summary>
    private static Dictionary<Metric, DurationStat> DurationsOf(List<CycleDurations> resolved) => new()
    {
        [Metric.FirstResponse] = DurationStat.Of(resolved.Where(c => c.FirstResponse is not null).Select(c => c.FirstResponse!.Value).ToList()),
        [Metric.Resolution] = DurationStat.Of(resolved.Select(c => c.Resolution ?? 0).ToList()),
        [Metric.RequesterWait] = DurationStat.Of(resolved.Select(c => c.Wait ?? 0).ToList()),
        [Metric.OnHold] = DurationStat.Of(resolved.Select(c => c.OnHold ?? 0).ToList()),
        [Metric.QueueWait] = DurationStat.Of(resolved.Where(c => c.QueueWait is not null).Select(c => c.QueueWait!.Value).ToList()),
        [Metric.HandleTime] = DurationStat.Of(resolved.Where(c => c.Handle is not null).Select(c => c.Handle!.Value).ToList()),
    };

    /// <summary>An agent or team with answers but no resolution in the range still gets a row (answers come after resolutions).</summary>
    private static List<PerformanceRow> Rows(Dictionary<string, PerformanceTotals> byKey, IReadOnlyDictionary<string, SurveyGroup> answers) =>
        byKey.Keys.Union(answers.Keys).Select(k =>
            {
                var g = byKey.GetValueOrDefault(k) ?? new PerformanceTotals(0, new DurationStat(0, null, null), new DurationStat(0, null, null), 0);
                return new PerformanceRow(k, g.Handled, g.FirstResponse, g.Resolution, g.Reopens, answers.GetValueOrDefault(k) ?? SurveyGroup.None);
            })
            .OrderByDescending(r => r.Handled).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    private static async Task<(List<GroupCount> ByTier, int Tickets)> EscalationsAsync(AppDbContext db, ReportDrill drill, CancellationToken cancellationToken)
    {
        var byTier = (await EscalationsFor(db, drill with { Metric = Metric.Escalations })
                .GroupBy(e => e.Tier).Select(g => new { Tier = g.Key, Count = g.Select(e => e.TicketId).Distinct().Count() })
                .ToListAsync(cancellationToken))
            .OrderBy(e => e.Tier).Select(e => new GroupCount(e.Tier.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Count)).ToList();
        var tickets = await EscalationsFor(db, drill with { Metric = Metric.Escalations }).Select(e => e.TicketId).Distinct().CountAsync(cancellationToken);
        return (byTier, tickets);
    }

    private static async Task<Dictionary<ReportDimension, IReadOnlyList<GroupCount>>> VolumeAsync(AppDbContext db, ReportDrill drill, CancellationToken cancellationToken)
    {
        var created = await CyclesFor(db, drill)
            .GroupBy(c => new { c.Channel, c.TeamId, c.Priority, c.Category, c.Language })
            .Select(g => new { g.Key.Channel, g.Key.TeamId, g.Key.Priority, g.Key.Category, g.Key.Language, Count = g.Count() })
            .ToListAsync(cancellationToken);
        static IReadOnlyList<GroupCount> By<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, int> count) =>
            rows.GroupBy(key).Select(g => new GroupCount(g.Key, g.Sum(count))).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var ids = CyclesFor(db, drill).Select(c => c.TicketId);
        var tags = await db.TicketTags.Where(t => ids.Contains(t.TicketId)).GroupBy(t => t.Tag)
            .Select(g => new { Tag = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(50).ToListAsync(cancellationToken);
        return new Dictionary<ReportDimension, IReadOnlyList<GroupCount>>
        {
            [ReportDimension.Channel] = By(created, c => c.Channel.ToString(), c => c.Count),
            [ReportDimension.Team] = By(created, c => c.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c => c.Count),
            [ReportDimension.Priority] = By(created, c => c.Priority.ToString(), c => c.Count),
            [ReportDimension.Category] = By(created, c => c.Category ?? "", c => c.Count),
            [ReportDimension.Language] = By(created, c => c.Language, c => c.Count),
            [ReportDimension.Tag] = tags.Select(t => new GroupCount(t.Tag, t.Count)).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The series from the facts: every filter, any time zone (exact, reads one row per event in the range).</summary>
    private static async Task<List<SeriesPoint>> SeriesFromFactsAsync(
        AppDbContext db, IReadOnlyList<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> buckets, ReportDrill drill, CancellationToken cancellationToken)
    {
        var (from, to) = (drill.From, drill.To);
        var starts = await Filtered(db, db.ReportCycles, drill.Filters)
            .Where(c => c.StartedAt >= from && c.StartedAt < to).Select(c => new { c.StartedAt, c.Cycle }).ToListAsync(cancellationToken);
        var resolutions = await CyclesFor(db, drill with { Metric = Metric.Resolved }).Select(c => c.ResolvedAt!.Value).ToListAsync(cancellationToken);
        // Open at the start: started before it and resolved at or after it, or not resolved; counted as two index ranges on
        // the resolution instant, not a walk through every cycle started before the range.
        var before = Filtered(db, db.ReportCycles, drill.Filters).Where(c => c.StartedAt < from);
        // (The upper bound only steers the planner to the resolution index: a closed range looks narrower than StartedAt < x.)
        var openAtStart = await before.Where(c => c.ResolvedAt >= from && c.ResolvedAt < DateTimeOffset.MaxValue).CountAsync(cancellationToken)
            + await before.Where(c => c.ResolvedAt == null).CountAsync(cancellationToken);
        var created = Histogram(buckets, starts.Where(s => s.Cycle == 0).Select(s => s.StartedAt.UtcTicks));
        var reopened = Histogram(buckets, starts.Where(s => s.Cycle > 0).Select(s => s.StartedAt.UtcTicks));
        var resolved = Histogram(buckets, resolutions.Select(r => r.UtcTicks));
        return Points(buckets, openAtStart, created, resolved, reopened);
    }

    private static List<SeriesPoint> Points(
        IReadOnlyList<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> buckets, int openAtStart, int[] created, int[] resolved, int[] reopened)
    {
        var points = new List<SeriesPoint>(buckets.Count);
        var open = openAtStart;
        for (var i = 0; i < buckets.Count; i++)
        {
            // Every cycle starts with a creation or a reopen and ends with a resolution.
            open += created[i] + reopened[i] - resolved[i];
            points.Add(new SeriesPoint(buckets[i].Start, buckets[i].From, buckets[i].To, created[i], resolved[i], reopened[i], open));
        }
        return points;
    }

    private static int[] Histogram(IReadOnlyList<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> buckets, IEnumerable<long> ticks) =>
        Histogram(buckets, ticks.Select(t => (t, 1)));

    private static int[] Histogram(IReadOnlyList<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> buckets, IEnumerable<(long Tick, int Count)> events)
    {
        var counts = new int[buckets.Count];
        var edges = buckets.Select(b => b.From.UtcTicks).ToArray();
        var end = buckets[^1].To.UtcTicks;
        foreach (var (t, count) in events)
        {
            if (t < edges[0] || t >= end)
            {
                continue;
            }
            var i = Array.BinarySearch(edges, t);
            counts[i >= 0 ? i : ~i - 1] += count;
        }
        return counts;
    }
}
