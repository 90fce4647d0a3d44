using AgentWorkspace.Data;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>The inbox's drill-down (<c>?report=</c>) lists exactly the tickets behind a report's number.</summary>
public sealed class ReportDrillDownTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private InboxQuery Inbox => new(world.Sla.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), world.Sla.Clock);

    [Fact]
    public async Task TheInbox_FilteredByADrillDown_ListsExactlyTheTicketsBehindEachNumber()
    {
        var request = new ReportRequest(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 9), "Europe/Madrid", new ReportFilters());
        var report = await world.Query.RunAsync(request);
        var admin = new AgentScope(world.Sla.Id.Sam, IsAdmin: true, []);
        var all = new ReportDrill(Metric.Created, request.FromUtc, request.ToUtc, request.Filters);

        foreach (var (drill, expected) in new (ReportDrill, int[])[]
        {
            (all, [world.T1, world.T2, world.T3]),
            (all with { Metric = Metric.Backlog }, [world.T3]),
            (all with { Metric = Metric.ZeroReplyResolution }, [world.T2]),
            (all with { Metric = Metric.Escalations, Dimension = ReportDimension.Tier, Value = "2" }, [world.T3]),
            (all with { From = report.Series[1].From, To = report.Series[1].To }, [world.T2, world.T3]),
        })
        {
            // Through the URL, as the page links it.
            var parsed = ReportLink.Decode(ReportLink.Encode(drill));
            parsed.ShouldBe(drill);
            var page = await Inbox.ListAsync(admin, new InboxFilter { AnyStatus = true, Report = parsed, Sort = InboxSort.Created });
            page.Rows.Select(r => r.Id).Order().ShouldBe(expected.Order(), drill.Metric.ToString());
            (await Inbox.CountReportAsync(admin, drill)).ShouldBe(expected.Length);
        }
        report.Counts[Metric.Created].ShouldBe(3);
        report.Counts[Metric.Backlog].ShouldBe(1);
    }

    [Fact]
    public async Task AnAgentSeesOnlyTheTicketsOfTheirQueues_AmongTheNumbersTickets()
    {
        var request = new ReportRequest(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 9), "Europe/Madrid", new ReportFilters());
        var drill = new ReportDrill(Metric.Created, request.FromUtc, request.ToUtc, request.Filters);
        // Luis is only in Tier 2, where T3 went.
        var luis = await world.Sla.ScopeAsync(world.Sla.Id.Luis);
        var page = await Inbox.ListAsync(luis, new InboxFilter { AnyStatus = true, Report = drill });
        page.Rows.Select(r => r.Id).ShouldBe([world.T3]);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("e30")]
    [InlineData("")]
    public void ABrokenLink_IsRefused_NotHalfApplied(string text) => ReportLink.Decode(text).ShouldBeNull();
}
