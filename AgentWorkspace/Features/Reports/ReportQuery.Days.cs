using System.Globalization;
using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Reports;

public sealed partial class ReportQuery
{
    /// <summary>
    /// The report from the per-day rows: the whole UTC days inside the range from <see cref="ReportDay"/>, the partial
    /// UTC days at its two edges (the viewer's midnights are rarely UTC's) from the facts, so every count is exact and
    /// only medians and p90s are approximate (histogram buckets). Null when the rows can't answer the filters or the
    /// period holds few enough resolved cycles to compute everything exactly.
    /// </summary>
    private async Task<ReportResult?> FromDaysAsync(AppDbContext db, ReportRequest request, CancellationToken cancellationToken)
    {
        var (from, to, f) = (request.FromUtc, request.ToUtc, request.Filters);
        var (firstDay, endDay) = (DayKeys.DayOf(from.UtcTicks + DayKeys.DayTicks - 1), DayKeys.DayOf(to.UtcTicks));
        if (!f.DaysAnswer || endDay <= firstDay)
        {
            return null;
        }
        var (team, channel, agent) = (f.TeamId ?? DayKeys.AllTeams, f.Facet, f.AgentId ?? DayKeys.All);
        var days = new Span(db, firstDay, endDay);
        var total = Sum(await days.RowsAsync(q => q.Where(d => d.TeamId == team && d.Channel == channel && d.AgentId == agent), cancellationToken));

        // The edges: [from, first whole UTC day) and [end of the last whole day, to), cycle by cycle.
        var edges = new[] { (From: from, To: new DateTimeOffset(firstDay, TimeSpan.Zero)), (From: new DateTimeOffset(endDay, TimeSpan.Zero), To: to) }
            .Where(e => e.From < e.To).ToList();
        var edgeResolved = new List<ReportCycle>();
        foreach (var (a, b) in edges)
        {
            edgeResolved.AddRange(await Filtered(db, db.ReportCycles.AsNoTracking(), f).Where(c => c.ResolvedAt >= a && c.ResolvedAt < b).ToListAsync(cancellationToken));
            var created = await Filtered(db, db.ReportCycles.AsNoTracking(), f).Where(c => c.Cycle == 0 && c.StartedAt >= a && c.StartedAt < b)
                .Join(db.ReportTickets, c => c.TicketId, t => t.TicketId, (c, t) => new { Cycle = c, t.Tags }).ToListAsync(cancellationToken);
            foreach (var c in created)
            {
                total.AddCreated(c.Cycle, c.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries), +1);
            }
        }
        foreach (var c in edgeResolved)
        {
            total.AddResolved(c, +1);
        }

        var drill = new ReportDrill(Metric.Created, from, to, f);
        var buckets = request.Buckets();
        var hours = f.HoursAnswer;
        var series = hours ? await SeriesFromHoursAsync(db, buckets, f, cancellationToken) : await SeriesFromFactsAsync(db, buckets, drill, cancellationToken);
        var business = request.BusinessHours;
        var counts = new Dictionary<Metric, int>
        {
            [Metric.Created] = series.Sum(p => p.Created),
            [Metric.Resolved] = series.Sum(p => p.Resolved),
            [Metric.Reopened] = series.Sum(p => p.Reopened),
            [Metric.Backlog] = series.Count > 0 ? series[^1].Backlog : 0,
            [Metric.ZeroReplyResolution] = total.ZeroReply,
        };
        // Few resolved cycles: their medians, p90s and per-agent and per-team rows exactly from the facts (one read).
        var exact = total.Resolved <= ExactUpTo ? await ExactDurationsAsync(db, new ReportDrill(Metric.Resolved, from, to, f), business, cancellationToken) : null;
        var durations = exact?.Durations ?? DayTotals.DurationMetrics.ToDictionary(m => m, m => total.Histogram(m, business).Stat());
        var rates = new Dictionary<Metric, RateStat>
        {
            [Metric.ResolutionRate] = new(total.CreatedResolved, counts[Metric.Created]),
            [Metric.ReopenRate] = new(total.ReopenedCycles, total.Resolved),
            [Metric.FirstContactResolution] = new(total.FirstContact, total.Resolved - total.ZeroReply),
        };

        var surveys = await SurveyFiguresAsync(db, drill, cancellationToken);
        counts[Metric.SurveyedTickets] = surveys.Tickets;
        counts[Metric.Unhappy] = surveys.UnhappyTickets;

        var (teams, agents) = exact is not null
            ? (Rows(exact.Teams, surveys.Teams), Rows(exact.Agents, surveys.Agents))
            : await PerformanceFromDaysAsync(drill, days, edgeResolved, business, surveys, cancellationToken);

        var (escalations, escalated) = await EscalationsAsync(db, drill, cancellationToken);
        counts[Metric.Escalations] = escalated;
        var volume = new Dictionary<ReportDimension, IReadOnlyList<GroupCount>>
        {
            [ReportDimension.Channel] = total.VolumeOf("c"),
            [ReportDimension.Team] = total.VolumeOf("g"),
            [ReportDimension.Priority] = total.VolumeOf("p"),
            [ReportDimension.Category] = total.VolumeOf("k"),
            [ReportDimension.Language] = total.VolumeOf("l"),
            [ReportDimension.Tag] = total.VolumeOf("t", 50),
        };
        var provisional = to > clock.GetUtcNow() - ReportMetrics.FcrReopenWindow;
        return new ReportResult(request, series, counts, durations, rates, volume, escalations, agents, teams, hours, provisional, surveys,
            DurationsApproximate: exact is null);
    }

    private sealed record ExactDurations(
        Dictionary<Metric, DurationStat> Durations, Dictionary<string, PerformanceTotals> Agents, Dictionary<string, PerformanceTotals> Teams);

    /// <summary>The resolved cycles' durations read one by one (what the facts path computes), for periods with few of them.</summary>
    private static async Task<ExactDurations> ExactDurationsAsync(AppDbContext db, ReportDrill resolvedDrill, bool business, CancellationToken cancellationToken)
    {
        var resolved = await ResolvedDurationsAsync(db, resolvedDrill, business, cancellationToken);
        var durations = DurationsOf(resolved);
        Dictionary<string, PerformanceTotals> By(Func<string?, int?, string> key) => resolved.GroupBy(c => key(c.AgentId, c.TeamId), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new PerformanceTotals(g.Count(),
                DurationStat.Of(g.Where(c => c.FirstResponse is not null).Select(c => c.FirstResponse!.Value).ToList()),
                DurationStat.Of(g.Select(c => c.Resolution ?? 0).ToList()), g.Count(c => c.ReopenedAt is not null)), StringComparer.Ordinal);
        return new ExactDurations(durations, By((agent, _) => agent ?? ""),
            By((_, team) => team?.ToString(CultureInfo.InvariantCulture) ?? ""));
    }

    /// <summary>The per-team and per-agent tables from the per-day rows (medians from histograms) and the edge days' facts.</summary>
    private static async Task<(List<PerformanceRow> Teams, List<PerformanceRow> Agents)> PerformanceFromDaysAsync(
        ReportDrill drill, Span days, List<ReportCycle> edgeResolved, bool business, SurveyFigures surveys, CancellationToken cancellationToken)
    {
        var f = drill.Filters;
        var (team, channel) = (f.TeamId ?? DayKeys.AllTeams, f.Facet);
        // Per team: the team rows under the same filters (by channel or facet, or the agent's own rows by team, in the channel or all).
        IQueryable<ReportDay> TeamRows(IQueryable<ReportDay> q)
        {
            q = f.AgentId is { } filterAgent
                ? q.Where(d => d.AgentId == filterAgent && d.Channel == channel && d.TeamId != DayKeys.AllTeams)
                : q.Where(d => d.Channel == channel && d.AgentId == DayKeys.All && d.TeamId != DayKeys.AllTeams);
            return f.TeamId is { } filterTeam ? q.Where(d => d.TeamId == filterTeam) : q;
        }
        IReadOnlySet<int> performanceSlots = new HashSet<int> { DayTotals.Slot(Metric.FirstResponse, business), DayTotals.Slot(Metric.Resolution, business) };
        var byTeam = Group(await days.RowsAsync(TeamRows, cancellationToken), d => d.TeamId == 0 ? "" : d.TeamId.ToString(CultureInfo.InvariantCulture), performanceSlots);
        AddEdges(byTeam, edgeResolved, c => c.TeamId?.ToString(CultureInfo.InvariantCulture) ?? "");
        var teams = Rows(Performance(byTeam, business), surveys.Teams);

        // Per agent: the agent rows of the team (or all teams), in the channel or facet (or all).
        var agentRows = await days.RowsAsync(q => f.AgentId is { } only
            ? q.Where(d => d.TeamId == team && d.Channel == channel && d.AgentId == only)
            : q.Where(d => d.TeamId == team && d.Channel == channel && d.AgentId != DayKeys.All), cancellationToken);
        var byAgent = Group(agentRows, d => d.AgentId, performanceSlots);
        AddEdges(byAgent, edgeResolved, c => c.AgentId ?? "");
        var agentTotals = Performance(byAgent, business);
        var agents = Rows(agentTotals, surveys.Agents);
        return (teams, agents);

    }

    private static DayTotals Sum(IEnumerable<ReportDay> rows, IReadOnlySet<int>? slots = null, bool volume = true)
    {
        var total = new DayTotals();
        foreach (var row in rows)
        {
            total.Add(DayTotals.Read(row, slots, volume));
        }
        return total;
    }

    private static Dictionary<string, DayTotals> Group(List<ReportDay> rows, Func<ReportDay, string> key, IReadOnlySet<int> slots) =>
        rows.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Sum(g, slots, volume: false), StringComparer.Ordinal);

    /// <summary>Whole UTC days [first, end): the whole calendar months inside from the month rows, the days around them from day rows.</summary>
    private sealed class Span(AppDbContext db, long first, long end)
    {
        private readonly long monthsFrom = DayKeys.MonthOf(first) == first ? first : DayKeys.NextMonth(DayKeys.MonthOf(first));
        private readonly long monthsTo = DayKeys.MonthOf(end);

        public async Task<List<ReportDay>> RowsAsync(Func<IQueryable<ReportDay>, IQueryable<ReportDay>> group, CancellationToken cancellationToken)
        {
            var rows = db.ReportDays.AsNoTracking();
            var (from, to) = (monthsFrom, monthsTo);
            if (from >= to)
            {
                return await group(rows.Where(d => !d.Month && d.Day >= first && d.Day < end)).ToListAsync(cancellationToken);
            }
            var result = await group(rows.Where(d => d.Month && d.Day >= from && d.Day < to)).ToListAsync(cancellationToken);
            if (first < from)
            {
                result.AddRange(await group(rows.Where(d => !d.Month && d.Day >= first && d.Day < from)).ToListAsync(cancellationToken));
            }
            if (to < end)
            {
                result.AddRange(await group(rows.Where(d => !d.Month && d.Day >= to && d.Day < end)).ToListAsync(cancellationToken));
            }
            return result;
        }
    }

    private static void AddEdges(Dictionary<string, DayTotals> groups, List<ReportCycle> edgeResolved, Func<ReportCycle, string> key)
    {
        foreach (var cycle in edgeResolved)
        {
            var k = key(cycle);
            if (!groups.TryGetValue(k, out var totals))
            {
                groups[k] = totals = new DayTotals();
            }
            totals.AddResolved(cycle, +1);
        }
    }

    /// <summary>Groups that resolved something in the range (a row may hold only creations).</summary>
    private static Dictionary<string, PerformanceTotals> Performance(Dictionary<string, DayTotals> groups, bool business) =>
        groups.Where(g => g.Value.Resolved > 0).ToDictionary(g => g.Key, g => new PerformanceTotals(g.Value.Resolved,
            g.Value.Histogram(Metric.FirstResponse, business).Stat(), g.Value.Histogram(Metric.Resolution, business).Stat(), g.Value.ReopenedCycles),
            StringComparer.Ordinal);

    /// <summary>
    /// The series from the hourly aggregate (team and channel filters, or a priority, category or tag): one row per hour of the filter's key. The hours a
    /// bucket edge cuts (half-hour zones) are counted from the facts to the instant, so every zone gets exact days.
    /// </summary>
    private static async Task<List<SeriesPoint>> SeriesFromHoursAsync(
        AppDbContext db, IReadOnlyList<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> buckets, ReportFilters filters, CancellationToken cancellationToken)
    {
        var (team, channel) = (filters.TeamId ?? DayKeys.AllTeams, filters.Facet);
        var hours = db.ReportHours.Where(h => h.TeamId == team && h.Channel == channel);
        var (from, to) = (buckets[0].From.UtcTicks, buckets[^1].To.UtcTicks);
        var firstHour = from - from % ReportStore.HourTicks;
        var cut = buckets.Select(b => b.From.UtcTicks).Append(to).Where(t => t % ReportStore.HourTicks != 0)
            .Select(t => t - t % ReportStore.HourTicks).ToHashSet();
        var before = await hours.Where(h => h.Hour < firstHour).GroupBy(h => 1)
            .Select(g => new { Created = g.Sum(h => h.Created), Resolved = g.Sum(h => h.Resolved), Reopened = g.Sum(h => h.Reopened) })
            .FirstOrDefaultAsync(cancellationToken);
        var rows = await hours.Where(h => h.Hour >= firstHour && h.Hour < to)
            .Select(h => new { h.Hour, h.Created, h.Resolved, h.Reopened }).ToListAsync(cancellationToken);
        var events = rows.Where(r => !cut.Contains(r.Hour)).Select(r => (Tick: r.Hour, r.Created, r.Resolved, r.Reopened)).ToList();
        foreach (var hour in cut)
        {
            var (a, b) = (new DateTimeOffset(hour, TimeSpan.Zero), new DateTimeOffset(hour + ReportStore.HourTicks, TimeSpan.Zero));
            var cycles = Filtered(db, db.ReportCycles, filters);
            events.AddRange((await cycles.Where(c => c.StartedAt >= a && c.StartedAt < b).Select(c => new { c.StartedAt, c.Cycle }).ToListAsync(cancellationToken))
                .Select(s => (s.StartedAt.UtcTicks, s.Cycle == 0 ? 1 : 0, 0, s.Cycle > 0 ? 1 : 0)));
            events.AddRange((await cycles.Where(c => c.ResolvedAt >= a && c.ResolvedAt < b).Select(c => c.ResolvedAt!.Value).ToListAsync(cancellationToken))
                .Select(r => (r.UtcTicks, 0, 1, 0)));
        }
        var openAtStart = (before is null ? 0 : before.Created + before.Reopened - before.Resolved)
            + events.Where(e => e.Tick < from).Sum(e => e.Created + e.Reopened - e.Resolved);
        var inRange = events.Where(e => e.Tick >= from).ToList();
        var created = Histogram(buckets, inRange.Select(e => (e.Tick, e.Created)));
        var resolved = Histogram(buckets, inRange.Select(e => (e.Tick, e.Resolved)));
        var reopened = Histogram(buckets, inRange.Select(e => (e.Tick, e.Reopened)));
        return Points(buckets, openAtStart, created, resolved, reopened);
    }
}
