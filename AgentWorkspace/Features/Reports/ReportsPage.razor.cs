using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.JSInterop;

namespace AgentWorkspace.Features.Reports;

public sealed partial class ReportsPage : IAsyncDisposable
{
    [Inject] private ReportQuery Reports { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> DbFactory { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private IJSObjectReference? module;
    private string? zone;
    private DateTime? from;
    private DateTime? to;
    private ReportGrain grain = ReportGrain.Day;
    private bool business;
    private ReportFilters filters = new();
    private ReportResult? result;
    private IReadOnlyList<ReportTable> tables = [];
    private Dictionary<int, string> teamNames = [];
    private Dictionary<string, string> agentNames = [];
    private string? error;
    private bool loading;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        teamNames = await db.Teams.OrderBy(t => t.Name).ToDictionaryAsync(t => t.Id, t => t.Name);
        agentNames = await db.Users.OrderBy(a => a.DisplayName).ToDictionaryAsync(a => a.Id, a => a.DisplayName);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        // Day boundaries are the viewer's: the browser's time zone, asked once per page.
        module = await JS.InvokeAsync<IJSObjectReference>("import", $"./{Assets["Features/Reports/ReportsPage.razor.js"]}");
        zone = await module.InvokeAsync<string>("timeZone");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), ZoneInfo).DateTime);
        to = today.ToDateTime(TimeOnly.MinValue);
        from = today.AddDays(-29).ToDateTime(TimeOnly.MinValue);
        await RunAsync();
        StateHasChanged();
    }

    private TimeZoneInfo ZoneInfo => zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;

    private async Task RunAsync()
    {
        if (zone is null || from is null || to is null)
        {
            return;
        }
        if (to < from)
        {
            error = L["RangeBackwards"];
            return;
        }
        if ((to.Value - from.Value).TotalDays > 731)
        {
            error = L["RangeTooLong"];
            return;
        }
        error = null;
        loading = true;
        var request = new ReportRequest(DateOnly.FromDateTime(from.Value), DateOnly.FromDateTime(to.Value), zone, filters, business, grain);
        result = await Reports.RunAsync(request);
        tables = ReportTables.Build(result, L, teamNames, agentNames, Name);
        loading = false;
    }

    private async Task SetAsync(Action change)
    {
        change();
        await RunAsync();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private string Name(Metric metric) => L[ReportMetrics.Of(metric).NameKey];

    private async Task ExportAsync(ReportTable table)
    {
        if (module is not null)
        {
            var stamp = from is { } f && to is { } t ? $"{f:yyyy-MM-dd}_{t:yyyy-MM-dd}" : "report";
            await module.InvokeVoidAsync("download", $"{table.Key}_{stamp}.csv", table.ToCsv());
        }
    }

    /// <summary>The x-axis labels: at most about ten are written, so a month of days stays readable (the tables have them all).</summary>
    private string[] Labels
    {
        get
        {
            var points = result?.Series ?? [];
            var every = Math.Max(1, (int)Math.Ceiling(points.Count / 10.0));
            return points.Select((p, i) => i % every == 0 ? p.Start.ToString(grain == ReportGrain.Month ? "Y" : "d", CultureInfo.CurrentCulture) : "").ToArray();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }

    private static IEnumerable<TicketChannel> Channels => Enum.GetValues<TicketChannel>();
    private static IEnumerable<TicketPriority> Priorities => Enum.GetValues<TicketPriority>();
}
