using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Reports;

public enum ReportGrain
{
    Day,
    Week,
    Month,
}

/// <summary>The breakdowns of created volume (and the groupings a drill-down may name).</summary>
public enum ReportDimension
{
    Channel,
    Team,
    Priority,
    Category,
    Tag,
    Language,
    Agent,
    Tier,
}

/// <summary>The report's filters; each narrows every metric (see <see cref="ReportMetrics"/> for which dimension is used).</summary>
public sealed record ReportFilters
{
    public int? TeamId { get; init; }
    public TicketChannel? Channel { get; init; }
    public string? AgentId { get; init; }
    public TicketPriority? Priority { get; init; }
    public string? Category { get; init; }
    public string? Tag { get; init; }

    /// <summary>How many of the facet filters (priority, category, tag) are set: the kept rows hold each one alone.</summary>
    private int Facets => (Priority is null ? 0 : 1) + (Category is null ? 0 : 1) + (Tag is null ? 0 : 1);

    /// <summary>A facet alone (no team, channel or agent with it), or none; an empty category or tag is never kept.</summary>
    private bool FacetAlone => Facets == 0
        || (Facets == 1 && TeamId is null && Channel is null && AgentId is null && Category is not "" && Tag is not "");

    /// <summary>Filters the hourly aggregate can answer: team and channel, or a priority, a category or a tag alone.</summary>
    public bool HoursAnswer => AgentId is null && FacetAlone;

    /// <summary>Filters the per-day rows can answer: any of team, channel and agent together, or a priority, a category or a tag alone.</summary>
    public bool DaysAnswer => FacetAlone;

    /// <summary>The rows' second key for these filters: the channel, a facet (<see cref="DayKeys"/>) or all.</summary>
    internal string Facet => Channel?.ToString()
        ?? (Priority is { } priority ? DayKeys.PriorityFacet(priority)
        : Category is { } category ? DayKeys.CategoryFacet(category)
        : Tag is { } tag ? DayKeys.TagFacet(tag)
        : DayKeys.All);
}

/// <summary>
/// A report: the local dates <paramref name="From"/> to <paramref name="To"/> (both included) in the viewer's time zone,
/// so a day bucket is the viewer's midnight to midnight.
/// </summary>
public sealed record ReportRequest(DateOnly From, DateOnly To, string TimeZoneId, ReportFilters Filters, bool BusinessHours = false, ReportGrain Grain = ReportGrain.Day)
{
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTimeOffset FromUtc => LocalMidnight(From);

    public DateTimeOffset ToUtc => LocalMidnight(To.AddDays(1));

    /// <summary>The instant the local date starts in the viewer's zone (a midnight skipped by DST starts when the clocks jump).</summary>
    public DateTimeOffset LocalMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var zone = Zone;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The buckets of the range at its grain: each local day, ISO week (from Monday) or month, cut to the range.</summary>
    public IReadOnlyList<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> Buckets()
    {
        var result = new List<(DateOnly, DateTimeOffset, DateTimeOffset)>();
        var date = From;
        while (date <= To)
        {
            var next = Grain switch
            {
                ReportGrain.Week => date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7),
                ReportGrain.Month => new DateOnly(date.Year, date.Month, 1).AddMonths(1),
                _ => date.AddDays(1),
            };
            if (next > To.AddDays(1))
            {
                next = To.AddDays(1);
            }
            result.Add((date, LocalMidnight(date), LocalMidnight(next)));
            date = next;
        }
        return result;
    }
}
