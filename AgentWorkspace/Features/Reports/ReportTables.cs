using System.Globalization;
using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Reports;

/// <summary>The page's tables (and so its CSV exports) built from a report: every number links to its drill-down.</summary>
internal static class ReportTables
{
    public static IReadOnlyList<ReportTable> Build(
        ReportResult r, IStringLocalizer<ReportsStrings> L, IReadOnlyDictionary<int, string> teams, IReadOnlyDictionary<string, string> agents,
        Func<Metric, string> name)
    {
        var request = r.Request;
        var all = new ReportDrill(Metric.Created, request.FromUtc, request.ToUtc, request.Filters);
        string Link(ReportDrill drill) => ReportLink.InboxUrl(drill);
        ReportCell Count(int n, ReportDrill drill) => ReportCell.Number(n, Link(drill));
        string Duration(long? seconds) => Format(seconds, L);
        // A median or p90 read from the per-day histograms says so beside the value (ReportQuery.FromDaysAsync).
        ReportCell Seconds(long? seconds, ReportDrill drill) =>
            new(r.DurationsApproximate && seconds is not null ? $"{Duration(seconds)} {L["Approximate", DurationBuckets.ErrorPercent]}" : Duration(seconds), Link(drill), seconds);
        string Team(string key) => key.Length == 0 ? L["NoTeam"] : int.TryParse(key, out var id) && teams.TryGetValue(id, out var t) ? t : key;
        string Agent(string key) => key.Length == 0 ? L["NoAgent"] : agents.GetValueOrDefault(key, key);
        string Definition(Metric metric) => L[ReportMetrics.Of(metric).DefinitionKey, (int)ReportMetrics.FcrReopenWindow.TotalDays];

        var summary = new List<IReadOnlyList<ReportCell>>();
        foreach (var def in ReportMetrics.All)
        {
            var drill = all with { Metric = def.Metric };
            ReportCell value = def.Kind switch
            {
                MetricKind.Count => Count(r.Counts[def.Metric], drill),
                MetricKind.Duration => Seconds(r.Durations[def.Metric].MedianSeconds, drill),
                MetricKind.Score => Survey(def.Metric, r.Surveys.Overall, drill, Link, L),
                _ => Rate(r.Rates[def.Metric], drill, Link, L, def.Metric == Metric.FirstContactResolution && r.FcrProvisional),
            };
            summary.Add([new ReportCell(name(def.Metric)), value, new ReportCell(Definition(def.Metric))]);
        }

        var overTime = r.Series.Select(p =>
        {
            var bucket = all with { From = p.From, To = p.To };
            IReadOnlyList<ReportCell> row =
            [
                new(p.Start.ToString("d", CultureInfo.CurrentCulture), null, p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Count(p.Created, bucket), Count(p.Resolved, bucket with { Metric = Metric.Resolved }),
                Count(p.Reopened, bucket with { Metric = Metric.Reopened }), Count(p.Backlog, bucket with { Metric = Metric.Backlog }),
            ];
            return row;
        }).ToList();

        var durations = new[] { Metric.FirstResponse, Metric.Resolution, Metric.RequesterWait, Metric.OnHold, Metric.QueueWait, Metric.HandleTime }.Select(m =>
        {
            var stat = r.Durations[m];
            var drill = all with { Metric = m };
            IReadOnlyList<ReportCell> row = [new(name(m)), Count(stat.Count, drill), Seconds(stat.MedianSeconds, drill), Seconds(stat.P90Seconds, drill)];
            return row;
        }).ToList();

        var result = new List<ReportTable>
        {
            new("summary", L["SummaryTable"], [L["Metric"], L["Value"], L["Definition"]], summary),
            new("over-time", L["OverTimeTable"], [L["Period"], name(Metric.Created), name(Metric.Resolved), name(Metric.Reopened), name(Metric.Backlog)], overTime),
            new("durations", request.BusinessHours ? L["DurationsTableBusiness"] : L["DurationsTableCalendar"], [L["Metric"], L["Cycles"], L["Median"], L["P90"]], durations),
        };

        foreach (var (dimension, rows) in r.Volume)
        {
            string Label(string key) => dimension switch
            {
                ReportDimension.Team => Team(key),
                ReportDimension.Channel when Enum.TryParse<TicketChannel>(key, out var c) => TicketWords.Channel(c),
                ReportDimension.Priority when Enum.TryParse<TicketPriority>(key, out var p) => TicketWords.Priority(p),
                ReportDimension.Category when key.Length == 0 => L["NoCategory"],
                ReportDimension.Language => key == "es" ? L["Spanish"] : L["English"],
                _ => key,
            };
            result.Add(new($"created-by-{dimension.ToString().ToLowerInvariant()}", L[$"VolumeBy{dimension}"],
                [L[$"Dimension{dimension}"], name(Metric.Created)],
                rows.Select(g => (IReadOnlyList<ReportCell>)[new(Label(g.Key), null, Label(g.Key)), Count(g.Count, all with { Dimension = dimension, Value = g.Key })]).ToList()));
        }

        result.Add(new("escalations", L["EscalationsTable"], [L["Tier"], name(Metric.Escalations)],
            r.EscalationsByTier.Select(g => (IReadOnlyList<ReportCell>)[new(L["TierN", g.Key], null, g.Key),
                Count(g.Count, all with { Metric = Metric.Escalations, Dimension = ReportDimension.Tier, Value = g.Key })]).ToList()));

        IReadOnlyList<ReportCell> Performance(PerformanceRow row, ReportDimension dimension, string label)
        {
            var group = all with { Dimension = dimension, Value = row.Key };
            return
            [
                new(label), Count(row.Handled, group with { Metric = Metric.Resolved }),
                Seconds(row.FirstResponse.MedianSeconds, group with { Metric = Metric.FirstResponse }),
                Seconds(row.Resolution.MedianSeconds, group with { Metric = Metric.Resolution }),
                Count(row.Reopens, group with { Metric = Metric.ReopenRate }),
                Survey(Metric.Csat, row.Survey.Score, group with { Metric = Metric.Csat }, Link, L),
                Survey(Metric.Ces, row.Survey.Score, group with { Metric = Metric.Ces }, Link, L),
                Count(row.Survey.Tickets, group with { Metric = Metric.SurveyedTickets }),
            ];
        }
        string[] performanceHeaders(string first) => [first, L["Handled"], L["FirstResponseMedian"], L["ResolutionMedian"], L["Reopens"],
            name(Metric.Csat), name(Metric.Ces), name(Metric.SurveyedTickets)];
        result.Add(new("agents", L["AgentsTable"], performanceHeaders(L["DimensionAgent"]), r.Agents.Select(a => Performance(a, ReportDimension.Agent, Agent(a.Key))).ToList()));
        result.Add(new("teams", L["TeamsTable"], performanceHeaders(L["DimensionTeam"]), r.Teams.Select(t => Performance(t, ReportDimension.Team, Team(t.Key))).ToList()));
        return result;
    }

    private static ReportCell Rate(RateStat rate, ReportDrill drill, Func<ReportDrill, string> link, IStringLocalizer<ReportsStrings> L, bool provisional)
    {
        var text = rate.Value is { } v ? L["RateOf", v.ToString("P1", CultureInfo.CurrentCulture), rate.Numerator, rate.Denominator].Value : L["NoData"].Value;
        if (provisional)
        {
            text += " " + L["Provisional"];
        }
        return new ReportCell(text, link(drill), rate.Value is { } value ? Math.Round(value, 4) : null);
    }

    /// <summary>CSAT as "80.0 % (4 of 5)" (CSV: the percentage), CES as "5.5 (4 answers)" (CSV: the mean).</summary>
    private static ReportCell Survey(Metric metric, Surveys.SurveyScore score, ReportDrill drill, Func<ReportDrill, string> link, IStringLocalizer<ReportsStrings> L)
    {
        if (metric == Metric.Csat)
        {
            return score.CsatPercent is { } percent
                ? new ReportCell(L["RateOf", (percent / 100).ToString("P1", CultureInfo.CurrentCulture), score.Satisfied, score.Answers], link(drill), Math.Round(percent, 1))
                : new ReportCell(L["NoData"], link(drill));
        }
        return score.CesAverage is { } mean
            ? new ReportCell(score.CesAnswers == 1 ? L["CesOfOne", mean.ToString("0.0", CultureInfo.CurrentCulture)] : L["CesOf", mean.ToString("0.0", CultureInfo.CurrentCulture), score.CesAnswers], link(drill), Math.Round(mean, 2))
            : new ReportCell(L["NoData"], link(drill));
    }

    /// <summary>A duration as people read it: seconds, minutes, hours and minutes, or days and hours.</summary>
    public static string Format(long? seconds, IStringLocalizer<ReportsStrings> L)
    {
        if (seconds is not { } s)
        {
            return L["NoData"];
        }
        var span = TimeSpan.FromSeconds(s);
        return span.TotalMinutes < 1 ? L["Seconds", s]
            : span.TotalHours < 1 ? L["Minutes", (int)span.TotalMinutes]
            : span.TotalDays < 1 ? L["HoursMinutes", (int)span.TotalHours, span.Minutes]
            : L["DaysHours", (int)span.TotalDays, span.Hours];
    }
}
