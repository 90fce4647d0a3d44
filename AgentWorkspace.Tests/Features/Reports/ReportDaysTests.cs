using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>
/// Long periods read the per-day rows (<see cref="ReportDay"/>) instead of one fact per cycle: on the fixed history of
/// <see cref="ReportWorld"/>, with the exact threshold at 0 so every report takes that path, each number must equal the
/// exact one from the facts, except medians and p90s, which must be within the stated error.
/// </summary>
public sealed class ReportDaysTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static ReportRequest Madrid(bool business = false, ReportFilters? filters = null) =>
        new(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 9), "Europe/Madrid", filters ?? new ReportFilters(), business);

    public static TheoryData<string> Views => ["Madrid", "UTC", "Kolkata", "business", "by week", "team", "channel", "agent", "agent in team", "team and channel", "whole months", "a month among days", "priority", "priority, business, Kolkata",
        "tag", "tag, business, Kolkata", "tag by week", "category", "category, a month among days", "agent and channel", "agent, team and channel, business"];

    private ReportRequest View(string view) => view switch
    {
        "UTC" => Madrid() with { TimeZoneId = "Etc/UTC" },
        "Kolkata" => Madrid() with { TimeZoneId = "Asia/Kolkata" },
        "business" => Madrid(business: true),
        "by week" => Madrid() with { Grain = ReportGrain.Week },
        "team" => Madrid(filters: new ReportFilters { TeamId = world.Sla.Id.Support }),
        "channel" => Madrid(filters: new ReportFilters { Channel = TicketChannel.Email }),
        "agent" => Madrid(filters: new ReportFilters { AgentId = world.Sla.Id.Ana }),
        "agent in team" => Madrid(business: true, filters: new ReportFilters { AgentId = world.Sla.Id.Ana, TeamId = world.Sla.Id.Support }),
        "team and channel" => Madrid(filters: new ReportFilters { TeamId = world.Sla.Id.Support, Channel = TicketChannel.Email }),
        // December 2026 and January 2027 in UTC: read from the month rows alone.
        "whole months" => new ReportRequest(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31), "Etc/UTC", new ReportFilters(), Grain: ReportGrain.Month),
        // Madrid, 15 November to 10 January: December from its month rows, the days around it from day rows, the edges from the facts.
        "a month among days" => new ReportRequest(new DateOnly(2026, 11, 15), new DateOnly(2027, 1, 10), "Europe/Madrid", new ReportFilters { TeamId = world.Sla.Id.Support }),
        "priority" => Madrid(filters: new ReportFilters { Priority = TicketPriority.Normal }),
        "priority, business, Kolkata" => Madrid(business: true, filters: new ReportFilters { Priority = TicketPriority.Normal }) with { TimeZoneId = "Asia/Kolkata" },
        // T1 (two resolved cycles) and T3 carry the tag "refund" and the category "billing" (TagAndCategoryOnT1Async).
        "tag" => Madrid(filters: new ReportFilters { Tag = "refund" }),
        "tag, business, Kolkata" => Madrid(business: true, filters: new ReportFilters { Tag = "refund" }) with { TimeZoneId = "Asia/Kolkata" },
        "tag by week" => Madrid(filters: new ReportFilters { Tag = "refund" }) with { Grain = ReportGrain.Week },
        "category" => Madrid(filters: new ReportFilters { Category = "billing" }),
        "category, a month among days" => new ReportRequest(new DateOnly(2026, 11, 15), new DateOnly(2027, 1, 10), "Europe/Madrid", new ReportFilters { Category = "billing" }),
        "agent and channel" => Madrid(filters: new ReportFilters { AgentId = world.Sla.Id.Ana, Channel = TicketChannel.Email }),
        "agent, team and channel, business" => Madrid(business: true, filters: new ReportFilters { AgentId = world.Sla.Id.Ana, TeamId = world.Sla.Id.Support, Channel = TicketChannel.Email }),
        _ => Madrid(),
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task FromThePerDayRows_EveryCountRateAndVolumeIsExact_AndDurationsAreWithinTheStatedError(string view)
    {
        await world.AnswerSurveysAsync();
        await TagAndCategoryOnT1Async();
        var request = View(view);
        var exact = await world.Query.RunAsync(request, factsOnly: true);
        world.Query.ExactUpTo = 0;

        var days = await world.Query.RunAsync(request);

        days.DurationsApproximate.ShouldBeTrue();
        exact.DurationsApproximate.ShouldBeFalse();
        days.Series.ShouldBe(exact.Series);
        days.Counts.OrderBy(c => c.Key).ShouldBe(exact.Counts.OrderBy(c => c.Key));
        days.Rates.OrderBy(c => c.Key).ShouldBe(exact.Rates.OrderBy(c => c.Key));
        foreach (var (dimension, groups) in exact.Volume)
        {
            days.Volume[dimension].ShouldBe(groups, $"volume by {dimension}");
        }
        days.EscalationsByTier.ShouldBe(exact.EscalationsByTier);
        days.Surveys.Overall.ShouldBe(exact.Surveys.Overall);
        foreach (var (metric, stat) in exact.Durations)
        {
            Close(days.Durations[metric], stat, metric.ToString());
        }
        foreach (var (fromDays, fromFacts) in new[] { (days.Agents, exact.Agents), (days.Teams, exact.Teams) })
        {
            fromDays.Select(r => (r.Key, r.Handled, r.Reopens, r.Survey)).ShouldBe(fromFacts.Select(r => (r.Key, r.Handled, r.Reopens, r.Survey)));
            foreach (var (a, b) in fromDays.Zip(fromFacts))
            {
                Close(a.FirstResponse, b.FirstResponse, $"{a.Key} first response");
                Close(a.Resolution, b.Resolution, $"{a.Key} resolution");
            }
        }
    }

    /// <summary>T1 gets T3's tag and category after both its resolutions: its facts (and rows) follow.</summary>
    private async Task TagAndCategoryOnT1Async()
    {
        var ana = await world.Sla.ScopeAsync(world.Sla.Id.Ana);
        (await world.Sla.Tickets.ExecuteAsync(ana, world.T1, new AddTag("refund"))).Succeeded.ShouldBeTrue();
        (await world.Sla.Tickets.ExecuteAsync(ana, world.T1, new SetCategory(null, "billing"))).Succeeded.ShouldBeTrue();
        await world.WaitForFactsAsync();
    }

    [Fact]
    public async Task ATagAddedAndRemovedLater_TheTagsYearFromTheRows_CountsTheTicketOnlyWhileItHasTheTag()
    {
        var ana = await world.Sla.ScopeAsync(world.Sla.Id.Ana);
        world.Query.ExactUpTo = 0;
        var vip = Madrid(filters: new ReportFilters { Tag = "vip" });
        async Task<ReportResult> After(params TicketCommand[] changes)
        {
            // A minute on: a tag-only change made in the same instant as the ticket's last change leaves its version as it was.
            world.Sla.Clock.Advance(TimeSpan.FromMinutes(1));
            foreach (var (ticket, change) in changes.Select((c, i) => (i % 2 == 0 ? world.T1 : world.T2, c)))
            {
                (await world.Sla.Tickets.ExecuteAsync(ana, ticket, change)).Succeeded.ShouldBeTrue();
            }
            await world.WaitForFactsAsync();
            var report = await world.Query.RunAsync(vip);
            report.DurationsApproximate.ShouldBeTrue("read from the per-day rows");
            return report;
        }

        // T1 (created Mon 09:00 Madrid, resolved Mon 14:00 and Tue 10:20 by Ana, reopened once) and T2 (created Tue 00:30,
        // resolved Wed 10:30 by Tom) get "vip" after both were resolved.
        var both = await After(new AddTag("vip"), new AddTag("vip"));
        (both.Counts[Metric.Created], both.Counts[Metric.Resolved], both.Counts[Metric.Reopened]).ShouldBe((2, 3, 1));
        both.Series.Select(p => (p.Created, p.Resolved)).ShouldBe(new[] { (1, 1), (1, 1), (0, 1) });
        both.Rates[Metric.ReopenRate].ShouldBe(new RateStat(1, 3));
        both.Agents.Select(a => (a.Key, a.Handled)).OrderBy(a => a.Key, StringComparer.Ordinal)
            .ShouldBe(new[] { (world.Sla.Id.Ana, 2), (world.Sla.Id.Tom, 1) }.OrderBy(a => a.Item1, StringComparer.Ordinal));
        both.Volume[ReportDimension.Tag].ShouldContain(new GroupCount("vip", 2));

        // "vip" taken off T1 again: only T2 is left.
        var t2 = await After(new RemoveTag("vip"));
        (t2.Counts[Metric.Created], t2.Counts[Metric.Resolved], t2.Counts[Metric.Reopened]).ShouldBe((1, 1, 0));
        t2.Series.Select(p => (p.Created, p.Resolved)).ShouldBe(new[] { (0, 0), (1, 0), (0, 1) });
        t2.Agents.Select(a => (a.Key, a.Handled)).ShouldBe(new[] { (world.Sla.Id.Tom, 1) });
        t2.Durations[Metric.Resolution].Count.ShouldBe(1);
    }

    [Fact]
    public async Task ACategoryChanged_MovesTheTicketsCyclesFromTheOldCategorysRowsToTheNewOnes()
    {
        var ana = await world.Sla.ScopeAsync(world.Sla.Id.Ana);
        world.Query.ExactUpTo = 0;
        (await world.Sla.Tickets.ExecuteAsync(ana, world.T1, new SetCategory(null, "billing"))).Succeeded.ShouldBeTrue();
        (await world.Sla.Tickets.ExecuteAsync(ana, world.T1, new SetCategory("billing", "returns"))).Succeeded.ShouldBeTrue();
        await world.WaitForFactsAsync();

        // Billing keeps T3 alone (created Tue 13:00 Madrid, still open); returns has T1 (created Mon, resolved twice).
        var billing = await world.Query.RunAsync(Madrid(filters: new ReportFilters { Category = "billing" }));
        var returns = await world.Query.RunAsync(Madrid(filters: new ReportFilters { Category = "returns" }));

        returns.DurationsApproximate.ShouldBeTrue("read from the per-day rows");
        (billing.Counts[Metric.Created], billing.Counts[Metric.Resolved], billing.Counts[Metric.Backlog]).ShouldBe((1, 0, 1));
        billing.Teams.ShouldBeEmpty();
        (returns.Counts[Metric.Created], returns.Counts[Metric.Resolved], returns.Counts[Metric.Backlog]).ShouldBe((1, 2, 0));
        returns.Teams.Select(t => (t.Key, t.Handled)).ShouldBe(new[] { (world.Sla.Id.Support.ToString(System.Globalization.CultureInfo.InvariantCulture), 2) });
        // Cycle 0 had two replies, cycle 1 one and no reopen: one first-contact resolution of two replied cycles.
        returns.Rates[Metric.FirstContactResolution].ShouldBe(new RateStat(1, 2));
    }

    [Fact]
    public async Task AnAgentInOneChannel_FromTheRows_CountsOnlyThatAgentsCyclesInThatChannel()
    {
        world.Query.ExactUpTo = 0;

        var anaEmail = await world.Query.RunAsync(Madrid(filters: new ReportFilters { AgentId = world.Sla.Id.Ana, Channel = TicketChannel.Email }));
        var anaChat = await world.Query.RunAsync(Madrid(filters: new ReportFilters { AgentId = world.Sla.Id.Ana, Channel = TicketChannel.Chat }));
        var tomEmail = await world.Query.RunAsync(Madrid(filters: new ReportFilters { AgentId = world.Sla.Id.Tom, Channel = TicketChannel.Email }));

        // Ana resolved both of T1's cycles (e-mail); T2 (e-mail) is Tom's, its only cycle created and resolved by him.
        anaEmail.DurationsApproximate.ShouldBeTrue();
        (anaEmail.Counts[Metric.Resolved], anaEmail.Agents.Single().Handled, anaEmail.Teams.Single().Handled).ShouldBe((2, 2, 2));
        anaChat.Counts[Metric.Resolved].ShouldBe(0);
        anaChat.Agents.ShouldBeEmpty();
        (tomEmail.Counts[Metric.Resolved], tomEmail.Counts[Metric.ZeroReplyResolution], tomEmail.Agents.Single().Key).ShouldBe((1, 1, world.Sla.Id.Tom));
    }

    [Fact]
    public async Task AHandComputedMedian_FromTheHistograms_IsWithinTwoAndAHalfPercent()
    {
        world.Query.ExactUpTo = 0;

        var report = await world.Query.RunAsync(Madrid());

        // Resolutions 20 min, 5 h, 34 h (ReportMetricsTests): the histogram's median and p90 are those within 2.5%.
        report.Durations[Metric.Resolution].Count.ShouldBe(3);
        report.Durations[Metric.Resolution].MedianSeconds!.Value.ShouldBeInRange(17_550, 18_450);
        report.Durations[Metric.Resolution].P90Seconds!.Value.ShouldBeInRange(119_340, 125_460);
        // Under a minute the buckets are exact: the business first response of T1's holiday cycle is 0 s.
        (await world.Query.RunAsync(Madrid(business: true))).Durations[Metric.FirstResponse].MedianSeconds.ShouldBe(0);
    }

    [Fact]
    public async Task FewResolvedCycles_AreComputedExactlyFromTheFacts()
    {
        world.Query.ExactUpTo = 3;

        var report = await world.Query.RunAsync(Madrid());

        report.DurationsApproximate.ShouldBeFalse();
        report.Durations[Metric.Resolution].ShouldBe(new DurationStat(3, 18_000, 122_400));
    }

    [Fact]
    public void TheHistogramsNearestRank_IsWithinTheStatedErrorOfTheExactOne()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var values = Enumerable.Range(0, random.Next(1, 300)).Select(_ => (long)Math.Exp(random.NextDouble() * 18) - 1).ToList();
            var histogram = new DurationHistogram();
            values.ForEach(v => histogram.Add(v));

            Close(histogram.Stat(), DurationStat.Of([.. values]), $"run {run}");
        }
    }

    [Fact]
    public void EveryValue_FallsInTheBucketWhoseEdgesHoldIt()
    {
        foreach (var value in new long[] { 0, 1, 63, 64, 65, 67, 68, 100, 3600, 86_399, 86_400, 31_536_000, 2_000_000_000 })
        {
            var bucket = DurationBuckets.Of(value);
            ((double)value).ShouldBeGreaterThanOrEqualTo(DurationBuckets.Lower(bucket));
            ((double)value).ShouldBeLessThan(DurationBuckets.Lower(bucket + 1));
        }
    }

    private static void Close(DurationStat approximate, DurationStat exact, string what)
    {
        approximate.Count.ShouldBe(exact.Count, what);
        Near(approximate.MedianSeconds, exact.MedianSeconds, what + " median");
        Near(approximate.P90Seconds, exact.P90Seconds, what + " p90");
    }

    private static void Near(long? approximate, long? exact, string what)
    {
        if (exact is null)
        {
            approximate.ShouldBeNull(what);
            return;
        }
        approximate.ShouldNotBeNull(what);
        // ±2.5% of the exact value, and the rounding of the bucket's middle to whole seconds.
        ((double)Math.Abs(approximate.Value - exact.Value)).ShouldBeLessThanOrEqualTo(exact.Value * DurationBuckets.ErrorPercent / 100 + 0.5, what);
    }
}
