using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>CSAT and CES in the reports, on the fixed history and answers of <see cref="ReportWorld.AnswerSurveysAsync"/>, computed by hand.</summary>
public sealed class ReportSatisfactionTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await ReportWorld.CreateAsync();
        await world.AnswerSurveysAsync();
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static ReportRequest Madrid(ReportFilters? filters = null, int from = 7, int to = 9) =>
        new(new DateOnly(2026, 12, from), new DateOnly(2026, 12, to), "Europe/Madrid", filters ?? new ReportFilters());

    [Fact]
    public async Task Csat_IsTheShareOfAnswersRated4Or5_AndCes_TheMeanEffort_CountingBothAnswersOfTheReopenedTicket()
    {
        var report = await world.Query.RunAsync(Madrid());
        // Answers 5, 2, 4 (T1 twice, T2 once): 2 of 3 satisfied; CES 6 and 3 (T2 gave none): mean 4.5 of 2; T3 never answered.
        report.Surveys.Overall.ShouldBe(new SurveyScore(3, 2, 200.0 / 3, 2, 4.5));
        report.Counts[Metric.SurveyedTickets].ShouldBe(2);
        report.Counts[Metric.Unhappy].ShouldBe(1);
    }

    [Fact]
    public async Task AnswersCountInThePeriodTheyWereGiven_NotWhenTheTicketWasResolved()
    {
        // T1's first resolution was on Monday but answered on Tuesday (Madrid): Monday has no answer.
        var monday = await world.Query.RunAsync(Madrid(from: 7, to: 7));
        monday.Surveys.Overall.Answers.ShouldBe(0);
        monday.Surveys.Overall.CsatPercent.ShouldBeNull();
        monday.Counts[Metric.SurveyedTickets].ShouldBe(0);

        var tuesday = await world.Query.RunAsync(Madrid(from: 8, to: 8));
        tuesday.Surveys.Overall.ShouldBe(new SurveyScore(2, 1, 50, 2, 4.5));
        tuesday.Counts[Metric.SurveyedTickets].ShouldBe(1);
        tuesday.Counts[Metric.Unhappy].ShouldBe(1);

        var wednesday = await world.Query.RunAsync(Madrid(from: 9, to: 9));
        wednesday.Surveys.Overall.ShouldBe(new SurveyScore(1, 1, 100, 0, null));
    }

    [Fact]
    public async Task PerAgentAndPerTeam_TheAnswersAreCreditedToTheAgentAndTeamStoredOnTheSurvey()
    {
        var report = await world.Query.RunAsync(Madrid());
        var id = world.Sla.Id;
        report.Agents.Single(a => a.Key == id.Ana).Survey.ShouldBe(new SurveyGroup(new SurveyScore(2, 1, 50, 2, 4.5), 1));
        report.Agents.Single(a => a.Key == id.Tom).Survey.ShouldBe(new SurveyGroup(new SurveyScore(1, 1, 100, 0, null), 1));
        // T2 is in Support now, but it was resolved in Tier 2: its answer is Tier 2's (which resolved nothing in the range).
        report.Teams.Single(t => t.Key == $"{id.Support}").Survey.ShouldBe(new SurveyGroup(new SurveyScore(2, 1, 50, 2, 4.5), 1));
        var tier2 = report.Teams.Single(t => t.Key == $"{id.Tier2}");
        tier2.Handled.ShouldBe(0);
        tier2.Survey.ShouldBe(new SurveyGroup(new SurveyScore(1, 1, 100, 0, null), 1));
    }

    [Fact]
    public async Task TheReportsFilters_NarrowTheAnswers_TeamAndAgentByTheCredit_TheRestByTheTicket()
    {
        var id = world.Sla.Id;
        async Task<SurveyScore> Overall(ReportFilters filters) => (await world.Query.RunAsync(Madrid(filters))).Surveys.Overall;

        (await Overall(new ReportFilters { TeamId = id.Tier2 })).ShouldBe(new SurveyScore(1, 1, 100, 0, null));
        (await Overall(new ReportFilters { TeamId = id.Support })).Answers.ShouldBe(2);
        (await Overall(new ReportFilters { AgentId = id.Ana })).ShouldBe(new SurveyScore(2, 1, 50, 2, 4.5));
        (await Overall(new ReportFilters { AgentId = id.Tom, TeamId = id.Support })).Answers.ShouldBe(0);
        (await Overall(new ReportFilters { Channel = TicketChannel.Email })).Answers.ShouldBe(3);
        (await Overall(new ReportFilters { Channel = TicketChannel.Chat })).Answers.ShouldBe(0);
        (await Overall(new ReportFilters { Priority = TicketPriority.Normal })).Answers.ShouldBe(3);
        (await Overall(new ReportFilters { Priority = TicketPriority.High })).Answers.ShouldBe(0);
        (await Overall(new ReportFilters { Category = "billing" })).Answers.ShouldBe(0);
        (await Overall(new ReportFilters { Tag = "refund" })).Answers.ShouldBe(0);

        // Tagging T2 brings its answer (only) into the tag's report.
        (await world.Sla.Tickets.ExecuteAsync(await world.Sla.ScopeAsync(id.Ana), world.T2, new AddTag("refund"))).Succeeded.ShouldBeTrue();
        await world.WaitForFactsAsync();
        (await Overall(new ReportFilters { Tag = "refund" })).ShouldBe(new SurveyScore(1, 1, 100, 0, null));
    }

    [Fact]
    public async Task EverySatisfactionNumber_DrillsDownToExactlyTheTicketsBehindIt()
    {
        var request = Madrid();
        var report = await world.Query.RunAsync(request);
        var id = world.Sla.Id;
        await using var db = world.Db();
        async Task<List<int>> Ids(Metric metric, ReportFilters? filters = null, ReportDimension? dimension = null, string? value = null) =>
            (await ReportQuery.TicketIds(db, new ReportDrill(metric, request.FromUtc, request.ToUtc, filters ?? request.Filters, dimension, value)).ToListAsync()).Order().ToList();

        (await Ids(Metric.Csat)).ShouldBe(new[] { world.T1, world.T2 }.Order());
        (await Ids(Metric.SurveyedTickets)).Count.ShouldBe(report.Counts[Metric.SurveyedTickets]);
        (await Ids(Metric.Unhappy)).ShouldBe([world.T1]);
        report.Counts[Metric.Unhappy].ShouldBe(1);
        (await Ids(Metric.Ces)).ShouldBe([world.T1]);
        (await Ids(Metric.SurveyedTickets, dimension: ReportDimension.Agent, value: id.Tom)).ShouldBe([world.T2]);
        (await Ids(Metric.SurveyedTickets, dimension: ReportDimension.Team, value: $"{id.Tier2}")).ShouldBe([world.T2]);
        (await Ids(Metric.SurveyedTickets, dimension: ReportDimension.Team, value: $"{id.Support}")).ShouldBe([world.T1]);
        (await Ids(Metric.Csat, new ReportFilters { TeamId = id.Tier2 })).ShouldBe([world.T2]);
        (await Ids(Metric.Csat, new ReportFilters { Channel = TicketChannel.Chat })).ShouldBeEmpty();
        foreach (var row in report.Agents.Concat(report.Teams))
        {
            var dimension = report.Agents.Contains(row) ? ReportDimension.Agent : ReportDimension.Team;
            (await Ids(Metric.SurveyedTickets, dimension: dimension, value: row.Key)).Count.ShouldBe(row.Survey.Tickets);
        }
    }

    [Fact]
    public async Task TheTablesAndTheirCsv_CarryCsatAndCes_WithLinksToTheSurveyedTickets()
    {
        var report = await world.Query.RunAsync(Madrid());
        var id = world.Sla.Id;
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            var L = new StringLocalizer<ReportsStrings>(factory);
            var tables = ReportTables.Build(report, L, new Dictionary<int, string> { [id.Support] = "Support", [id.Tier2] = "Tier 2" },
                new Dictionary<string, string> { [id.Ana] = "Ana", [id.Tom] = "Tom" }, m => L[ReportMetrics.Of(m).NameKey]);

            var summary = tables.Single(t => t.Key == "summary");
            var csat = summary.Rows.Single(r => r[0].Text == "CSAT");
            csat[1].Text.ShouldBe("66.7% (2 of 3)");
            ReportLink.Decode(csat[1].Href!["/inbox?report=".Length..])!.Metric.ShouldBe(Metric.Csat);
            summary.Rows.Single(r => r[0].Text == "CES (effort)")[1].Text.ShouldBe("4.5 (2 answers)");
            summary.Rows.Single(r => r[0].Text == "Surveyed tickets")[1].Value.ShouldBe(2);
            summary.Rows.Single(r => r[0].Text.StartsWith("Unhappy", StringComparison.Ordinal))[1].Value.ShouldBe(1);
            summary.ToCsv().ShouldContain("CSAT,66.7,");

            var agents = tables.Single(t => t.Key == "agents");
            agents.Headers.ShouldBe(["Agent", "Resolved cycles", "First response (median)", "Resolution (median)", "Reopened", "CSAT", "CES (effort)", "Surveyed tickets"], ignoreOrder: false);
            var ana = agents.Rows.Single(r => r[0].Text == "Ana");
            ana[5].Text.ShouldBe("50.0% (1 of 2)");
            var drill = ReportLink.Decode(ana[7].Href!["/inbox?report=".Length..])!;
            (drill.Metric, drill.Dimension, drill.Value).ShouldBe((Metric.SurveyedTickets, ReportDimension.Agent, id.Ana));
            agents.ToCsv().ShouldContain("Ana,2,1200,1200,1,50,4.5,1\r\n");

            var teams = tables.Single(t => t.Key == "teams");
            teams.ToCsv().ShouldContain("Tier 2,0,—,—,0,100,—,1\r\n");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }
}
