using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>Every metric on the fixed history of <see cref="ReportWorld"/>, computed by hand (see the comments).</summary>
public sealed class ReportMetricsTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static ReportRequest Madrid(bool business = false, ReportFilters? filters = null) =>
        new(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 9), "Europe/Madrid", filters ?? new ReportFilters(), business);

    [Fact]
    public async Task DayBuckets_FollowTheViewersTimeZone_AndTheBacklogFollowsCreatedResolvedAndReopened()
    {
        var report = await world.Query.RunAsync(Madrid());

        // Madrid days: T1 created Mon; T2 at 23:30Z Monday is 00:30 Tuesday in Madrid, T3 Tuesday.
        report.Series.Select(p => p.Created).ShouldBe([1, 2, 0]);
        // T1's first cycle Monday 13:00Z, its second Tuesday 09:20Z, T2 Wednesday 09:30Z.
        report.Series.Select(p => p.Resolved).ShouldBe([1, 1, 1]);
        report.Series.Select(p => p.Reopened).ShouldBe([0, 1, 0]);
        // Open at each Madrid midnight: none (T1 resolved, T2 not yet created), T2 and T3, then T3.
        report.Series.Select(p => p.Backlog).ShouldBe([0, 2, 1]);
        report.SeriesFromAggregate.ShouldBeTrue();

        var utc = await world.Query.RunAsync(Madrid() with { TimeZoneId = "Etc/UTC" });
        utc.Series.Select(p => p.Created).ShouldBe([2, 1, 0]);
        utc.Series.Select(p => p.Backlog).ShouldBe([1, 2, 1]);
    }

    [Fact]
    public async Task Durations_AreMediansAndP90sOverTheCyclesResolvedInTheRange_InCalendarHours()
    {
        var report = await world.Query.RunAsync(Madrid());

        // First responses: T1 cycle 0 one hour (08:00 -> 09:00), T1 cycle 1 twenty minutes (reopen 09:00 -> 09:20); T2 had none.
        report.Durations[Metric.FirstResponse].ShouldBe(new DurationStat(2, 1200, 3600));
        // Resolutions: 20 min (T1 cycle 1), 5 h (T1 cycle 0), 34 h (T2): median the 2nd of 3, p90 the 3rd.
        report.Durations[Metric.Resolution].ShouldBe(new DurationStat(3, 18_000, 122_400));
        // The customer waited through every open status of these cycles (no cycle was waiting on the customer).
        report.Durations[Metric.RequesterWait].ShouldBe(new DurationStat(3, 18_000, 122_400));
        // On hold: 0, 0 and T1's two hours.
        report.Durations[Metric.OnHold].ShouldBe(new DurationStat(3, 0, 7200));
        // Queue wait: only T1 was assigned (30 min after creation); T2 never was, T1's cycle 1 is not a creation.
        report.Durations[Metric.QueueWait].ShouldBe(new DurationStat(1, 1800, 1800));
        // Handle time: T1 cycle 0, 08:45 -> 09:00 and 12:50 -> 13:00; no other reply followed a recorded opening.
        report.Durations[Metric.HandleTime].ShouldBe(new DurationStat(1, 1500, 1500));
    }

    [Fact]
    public async Task Durations_InBusinessHours_CountOnlyTheTeamCalendarsOpeningHours()
    {
        var report = await world.Query.RunAsync(Madrid(business: true));

        // T1 cycle 0: 09:00-10:00 Madrid, all open: 1 h; cycle 1 on the holiday: 0.
        report.Durations[Metric.FirstResponse].ShouldBe(new DurationStat(2, 0, 3600));
        // T1 cycle 0 09:00-14:00 Madrid is 4 h open (lunch 13-14); cycle 1 on the holiday 0; T2 from Tuesday 00:30 (holiday)
        // to Wednesday 10:30 Madrid: 1.5 h.
        report.Durations[Metric.Resolution].ShouldBe(new DurationStat(3, 5400, 14_400));
        report.Durations[Metric.OnHold].ShouldBe(new DurationStat(3, 0, 7200));
        report.Durations[Metric.QueueWait].ShouldBe(new DurationStat(1, 1800, 1800));
        // 09:45-10:00 Madrid counts; 13:50-14:00 is the lunch break.
        report.Durations[Metric.HandleTime].ShouldBe(new DurationStat(1, 900, 900));
    }

    [Fact]
    public async Task Rates_FirstContactResolution_ZeroReplies_AndEscalations_FollowTheirDefinitions()
    {
        var report = await world.Query.RunAsync(Madrid());

        // Created in the range: T1, T2, T3; resolved now: T1 and T2.
        report.Rates[Metric.ResolutionRate].ShouldBe(new RateStat(2, 3));
        // Three resolutions in the range, one of them (T1's first) reopened.
        report.Rates[Metric.ReopenRate].ShouldBe(new RateStat(1, 3));
        // Cycles with replies: T1 cycle 0 (two replies, and reopened within 7 days) and T1 cycle 1 (one reply, not reopened).
        report.Rates[Metric.FirstContactResolution].ShouldBe(new RateStat(1, 2));
        report.Counts[Metric.ZeroReplyResolution].ShouldBe(1);
        report.FcrProvisional.ShouldBeTrue();
        report.Counts[Metric.Escalations].ShouldBe(1);
        report.EscalationsByTier.ShouldBe([new GroupCount("2", 1)]);
    }

    [Fact]
    public async Task PerAgentAndPerTeamTables_CountTheCyclesTheyResolved()
    {
        var report = await world.Query.RunAsync(Madrid());
        var ana = report.Agents.Single(a => a.Key == world.Sla.Id.Ana);
        ana.ShouldBe(new PerformanceRow(world.Sla.Id.Ana, 2, new DurationStat(2, 1200, 3600), new DurationStat(2, 1200, 18_000), 1, SurveyGroup.None));
        var tom = report.Agents.Single(a => a.Key == world.Sla.Id.Tom);
        tom.ShouldBe(new PerformanceRow(world.Sla.Id.Tom, 1, new DurationStat(0, null, null), new DurationStat(1, 122_400, 122_400), 0, SurveyGroup.None));
        report.Teams.Single().Key.ShouldBe(world.Sla.Id.Support.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Teams.Single().Handled.ShouldBe(3);
    }

    [Fact]
    public async Task Volume_IsBrokenDownByTheTicketsCurrentDimensions()
    {
        var report = await world.Query.RunAsync(Madrid());
        report.Volume[ReportDimension.Channel].ShouldBe([new GroupCount("Email", 2), new GroupCount("Chat", 1)]);
        report.Volume[ReportDimension.Team].ShouldBe([new GroupCount($"{world.Sla.Id.Support}", 2), new GroupCount($"{world.Sla.Id.Tier2}", 1)]);
        report.Volume[ReportDimension.Priority].ShouldBe([new GroupCount("Normal", 2), new GroupCount("High", 1)]);
        report.Volume[ReportDimension.Category].ShouldBe([new GroupCount("", 2), new GroupCount("billing", 1)]);
        report.Volume[ReportDimension.Tag].ShouldBe([new GroupCount("refund", 1)]);
        report.Volume[ReportDimension.Language].ShouldBe([new GroupCount("en", 3)]);
    }

    [Fact]
    public async Task Filters_NarrowEveryMetric_AndTheFactsPathAgreesWithTheAggregate()
    {
        var chat = await world.Query.RunAsync(Madrid(filters: new ReportFilters { Channel = TicketChannel.Chat }));
        chat.Series.Select(p => p.Created).ShouldBe([0, 1, 0]);
        chat.Durations[Metric.Resolution].Count.ShouldBe(0);

        var tom = await world.Query.RunAsync(Madrid(filters: new ReportFilters { AgentId = world.Sla.Id.Tom }));
        tom.SeriesFromAggregate.ShouldBeFalse();
        tom.Series.Select(p => p.Resolved).ShouldBe([0, 0, 1]);

        foreach (var request in new[] { Madrid(), Madrid() with { TimeZoneId = "Etc/UTC" }, Madrid() with { Grain = ReportGrain.Week } })
        {
            var fromHours = await world.Query.RunAsync(request);
            var fromFacts = await world.Query.RunAsync(request, factsOnly: true);
            fromHours.SeriesFromAggregate.ShouldBeTrue();
            fromFacts.SeriesFromAggregate.ShouldBeFalse();
            fromFacts.Series.ShouldBe(fromHours.Series);
        }
    }

    [Fact]
    public async Task AHalfHourTimeZone_GetsExactDays_TheHoursItsMidnightsCutCountedFromTheFacts()
    {
        // Kolkata is UTC+5:30: its midnights fall mid-hour, which an hourly row can't split.
        var report = await world.Query.RunAsync(Madrid() with { TimeZoneId = "Asia/Kolkata" });
        report.SeriesFromAggregate.ShouldBeTrue();
        // T1 Mon 13:30 local; T2 Tue 05:00 local; T3 Tue 17:30 local.
        report.Series.Select(p => p.Created).ShouldBe([1, 2, 0]);
        report.Series.ShouldBe((await world.Query.RunAsync(Madrid() with { TimeZoneId = "Asia/Kolkata" }, factsOnly: true)).Series);
    }

    [Fact]
    public async Task EveryNumber_DrillsDownToExactlyTheTicketsBehindIt()
    {
        var request = Madrid();
        var report = await world.Query.RunAsync(request);
        await using var db = world.Db();
        async Task<List<int>> Ids(Metric metric, ReportDimension? dimension = null, string? value = null) =>
            (await ReportQuery.TicketIds(db, new ReportDrill(metric, request.FromUtc, request.ToUtc, request.Filters, dimension, value)).ToListAsync()).Order().ToList();

        (await Ids(Metric.Created)).ShouldBe(new[] { world.T1, world.T2, world.T3 }.Order());
        (await Ids(Metric.Created)).Count.ShouldBe(report.Counts[Metric.Created]);
        (await Ids(Metric.Resolved)).ShouldBe(new[] { world.T1, world.T2 }.Order());
        (await Ids(Metric.Reopened)).ShouldBe([world.T1]);
        (await Ids(Metric.Backlog)).ShouldBe([world.T3]);
        (await Ids(Metric.FirstContactResolution)).ShouldBe([world.T1]);
        (await Ids(Metric.ZeroReplyResolution)).ShouldBe([world.T2]);
        (await Ids(Metric.Escalations)).ShouldBe([world.T3]);
        (await Ids(Metric.Escalations, ReportDimension.Tier, "2")).ShouldBe([world.T3]);
        (await Ids(Metric.Created, ReportDimension.Channel, "Chat")).ShouldBe([world.T3]);
        (await Ids(Metric.Created, ReportDimension.Tag, "refund")).ShouldBe([world.T3]);
        (await Ids(Metric.Created, ReportDimension.Category, "")).ShouldBe(new[] { world.T1, world.T2 }.Order());
        (await Ids(Metric.Resolved, ReportDimension.Agent, world.Sla.Id.Tom)).ShouldBe([world.T2]);

        // A day's bucket: Tuesday in Madrid created T2 and T3.
        var tuesday = report.Series[1];
        (await ReportQuery.TicketIds(db, new ReportDrill(Metric.Created, tuesday.From, tuesday.To, request.Filters)).CountAsync()).ShouldBe(tuesday.Created);
        (await ReportQuery.TicketIds(db, new ReportDrill(Metric.Backlog, tuesday.From, tuesday.To, request.Filters)).CountAsync()).ShouldBe(tuesday.Backlog);
    }
}
