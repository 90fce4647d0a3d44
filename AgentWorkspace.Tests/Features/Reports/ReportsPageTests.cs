using AgentWorkspace.Data;
using AgentWorkspace.Features.Reports;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>The reports page (bUnit) on the fixed history of <see cref="ReportWorld"/>, with the browser's zone Madrid.</summary>
public sealed class ReportsPageTests : ComponentTest, IAsyncLifetime
{
    private ReportWorld world = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        world = await ReportWorld.CreateAsync();
        Services.AddSingleton(world.Sla.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(world.Query);
        Services.AddSingleton<TimeProvider>(world.Sla.Clock);
        var module = JSInterop.SetupModule(call => call.Arguments.FirstOrDefault()?.ToString()?.Contains("ReportsPage.razor.js", StringComparison.Ordinal) == true);
        module.Setup<string>("timeZone").SetResult("Europe/Madrid");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await world.DisposeAsync();
    }

    private static string Cell(IRenderedComponent<ReportsPage> page, string table, int row, int column) =>
        page.FindAll($"[data-testid=table-{table}] tbody tr")[row].Children[column].TextContent.Trim();

    [Fact]
    public void ThePage_ShowsTheLast30DaysInTheBrowsersZone_AndTheClockToggleSwitchesEveryDuration()
    {
        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Cell(page, "summary", 0, 1).ShouldBe("3"));
        page.Find("[data-testid=report-notes]").TextContent.ShouldContain("Europe/Madrid");
        page.Find("[data-testid=table-durations] h2").TextContent.ShouldBe("Durations (calendar hours)");
        Cell(page, "durations", 0, 2).ShouldBe("20 min");
        // Every number is a link to the inbox's drill-down.
        page.Find("[data-testid=table-summary] tbody tr a").GetAttribute("href")!.ShouldStartWith("/inbox?report=");

        page.Find("[data-testid=report-business-hours]").Change(true);

        page.WaitForAssertion(() => page.Find("[data-testid=table-durations] h2").TextContent.ShouldBe("Durations (business hours)"));
        Cell(page, "durations", 0, 2).ShouldBe("0 s");
        Cell(page, "durations", 1, 2).ShouldBe("1 h 30 min");
    }

    [Fact]
    public void FromThePerDayRows_TheMediansSayTheyAreApproximate()
    {
        world.Query.ExactUpTo = 0;
        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Cell(page, "durations", 1, 2).ShouldEndWith("approximate (±2.5%)"));
        Cell(page, "durations", 1, 1).ShouldBe("3");
        page.Find("[data-testid=report-approximate]").TextContent.ShouldContain("approximate (within ±2.5% of the exact value)");
    }

    [Fact]
    public void InSpanish_TheMetricsAndTheirDefinitionsAreSpanish()
    {
        UseLanguage("es");
        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Cell(page, "summary", 0, 0).ShouldBe("Creados"));
        Cell(page, "summary", 0, 2).ShouldStartWith("Tickets creados en el periodo");
        page.Find("h1").TextContent.ShouldBe("Informes");
    }
}
