using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Reports;

/// <summary>A number's exact population: a metric, the report's range and filters, and optionally one group of a table.</summary>
public sealed record ReportDrill(Metric Metric, DateTimeOffset From, DateTimeOffset To, ReportFilters Filters, ReportDimension? Dimension = null, string? Value = null);

public sealed partial class ReportQuery
{
    /// <summary>
    /// The cycles a count or duration metric is computed over: the one definition the numbers, the charts' facts path and
    /// the drill-down lists all use, so a drill-down lists exactly the tickets behind its number.
    /// </summary>
    internal static IQueryable<ReportCycle> CyclesFor(AppDbContext db, ReportDrill drill)
    {
        var (from, to) = (drill.From, drill.To);
        var q = Filtered(db, db.ReportCycles, drill.Filters);
        q = drill.Metric switch
        {
            Metric.Created => q.Where(c => c.Cycle == 0 && c.StartedAt >= from && c.StartedAt < to),
            Metric.Reopened => q.Where(c => c.Cycle > 0 && c.StartedAt >= from && c.StartedAt < to),
            // The backlog at the end of the range: cycles started before it and not resolved by then.
            Metric.Backlog => q.Where(c => c.StartedAt < to && (c.ResolvedAt == null || c.ResolvedAt >= to)),
            Metric.ResolutionRate => q.Where(c => c.Cycle == 0 && c.StartedAt >= from && c.StartedAt < to && c.ResolvedAt != null),
            _ => Resolved(q, from, to, drill.Metric),
        };
        return drill.Dimension is { } dimension ? InGroup(db, q, dimension, drill.Value) : q;
    }

    private static IQueryable<ReportCycle> Resolved(IQueryable<ReportCycle> q, DateTimeOffset from, DateTimeOffset to, Metric metric)
    {
        var window = (long)ReportMetrics.FcrReopenWindow.TotalSeconds;
        q = q.Where(c => c.ResolvedAt >= from && c.ResolvedAt < to);
        return metric switch
        {
            Metric.FirstResponse => q.Where(c => c.FirstResponseSeconds != null),
            Metric.QueueWait => q.Where(c => c.QueueWaitSeconds != null),
            Metric.HandleTime => q.Where(c => c.HandleSeconds != null),
            Metric.ReopenRate => q.Where(c => c.ReopenedAt != null),
            Metric.FirstContactResolution => q.Where(c => c.PublicReplies == 1 && (c.ReopenedAfterSeconds == null || c.ReopenedAfterSeconds > window)),
            Metric.ZeroReplyResolution => q.Where(c => c.PublicReplies == 0),
            _ => q,
        };
    }

    private static IQueryable<ReportCycle> Filtered(AppDbContext db, IQueryable<ReportCycle> q, ReportFilters f)
    {
        if (f.TeamId is { } team) q = q.Where(c => c.TeamId == team);
        if (f.Channel is { } channel) q = q.Where(c => c.Channel == channel);
        if (f.Priority is { } priority) q = q.Where(c => c.Priority == priority);
        if (f.Category is { } category) q = q.Where(c => c.Category == category);
        if (f.AgentId is { } agent) q = q.Where(c => c.AgentId == agent);
        if (f.Tag is { } tag) q = q.Where(c => db.TicketTags.Any(t => t.TicketId == c.TicketId && t.Tag == tag));
        return q;
    }

    /// <summary>"" stands for "none" (no team, no category, no agent).</summary>
    private static IQueryable<ReportCycle> InGroup(AppDbContext db, IQueryable<ReportCycle> q, ReportDimension dimension, string? value)
    {
        var none = string.IsNullOrEmpty(value);
        switch (dimension)
        {
            case ReportDimension.Channel when Enum.TryParse<TicketChannel>(value, out var channel):
                return q.Where(c => c.Channel == channel);
            case ReportDimension.Priority when Enum.TryParse<TicketPriority>(value, out var priority):
                return q.Where(c => c.Priority == priority);
            case ReportDimension.Team:
                var team = none ? (int?)null : int.TryParse(value, out var id) ? id : -1;
                return team is null ? q.Where(c => c.TeamId == null) : q.Where(c => c.TeamId == team);
            case ReportDimension.Category:
                return none ? q.Where(c => c.Category == null) : q.Where(c => c.Category == value);
            case ReportDimension.Language:
                return q.Where(c => c.Language == value);
            case ReportDimension.Agent:
                return none ? q.Where(c => c.AgentId == null) : q.Where(c => c.AgentId == value);
            case ReportDimension.Tag:
                return q.Where(c => db.TicketTags.Any(t => t.TicketId == c.TicketId && t.Tag == value));
            default:
                return q.Where(c => false);
        }
    }

    /// <summary>Escalations in the range (by the ticket's current dimensions; the agent filter does not apply to them).</summary>
    internal static IQueryable<ReportEscalation> EscalationsFor(AppDbContext db, ReportDrill drill)
    {
        var (from, to, f) = (drill.From, drill.To, drill.Filters);
        var tickets = db.ReportTickets.AsQueryable();
        if (f.TeamId is { } team) tickets = tickets.Where(t => t.TeamId == team);
        if (f.Channel is { } channel) tickets = tickets.Where(t => t.Channel == channel);
        if (f.Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
        if (f.Category is { } category) tickets = tickets.Where(t => t.Category == category);
        if (f.Tag is { } tag) tickets = tickets.Where(t => db.TicketTags.Any(x => x.TicketId == t.TicketId && x.Tag == tag));
        var q = db.ReportEscalations.Where(e => e.At >= from && e.At < to);
        if (f != new ReportFilters { AgentId = f.AgentId })
        {
            q = q.Where(e => tickets.Any(t => t.TicketId == e.TicketId));
        }
        if (drill.Dimension == ReportDimension.Tier && int.TryParse(drill.Value, out var tier))
        {
            q = q.Where(e => e.Tier == tier);
        }
        return q;
    }

    /// <summary>The ids of the tickets behind a number (what the inbox lists for a drill-down).</summary>
    public static IQueryable<int> TicketIds(AppDbContext db, ReportDrill drill) => drill.Metric switch
    {
        Metric.Escalations => EscalationsFor(db, drill).Select(e => e.TicketId).Distinct(),
        _ when IsSurveyMetric(drill.Metric) => SurveysFor(db, drill).Select(s => s.TicketId).Distinct(),
        _ => CyclesFor(db, drill).Select(c => c.TicketId).Distinct(),
    };
}
