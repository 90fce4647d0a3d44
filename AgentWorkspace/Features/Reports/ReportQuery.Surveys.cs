using AgentWorkspace.Data;
using AgentWorkspace.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Reports;

public sealed partial class ReportQuery
{
    internal static bool IsSurveyMetric(Metric metric) => metric is Metric.Csat or Metric.Ces or Metric.SurveyedTickets or Metric.Unhappy;

    /// <summary>
    /// The survey answers a survey metric is computed over (see <see cref="ReportMetrics.IsSatisfied"/> for the rules):
    /// answered in the range, team and agent as credited on the survey, the other filters by the ticket's current facts.
    /// The numbers and the drill-down lists both use this, so a drill-down lists exactly the tickets behind its number.
    /// </summary>
    internal static IQueryable<SurveyResponse> SurveysFor(AppDbContext db, ReportDrill drill)
    {
        var (from, to, f) = (drill.From, drill.To, drill.Filters);
        var q = db.Set<SurveyResponse>().AsNoTracking().Where(s => s.AnsweredAt != null && s.AnsweredAt >= from && s.AnsweredAt < to && s.Csat != null);
        if (f.TeamId is { } team) q = q.Where(s => s.TeamId == team);
        if (f.AgentId is { } agent) q = q.Where(s => s.AgentId == agent);
        if (f.Channel is not null || f.Priority is not null || f.Category is not null || f.Tag is not null)
        {
            var tickets = db.ReportTickets.AsQueryable();
            if (f.Channel is { } channel) tickets = tickets.Where(t => t.Channel == channel);
            if (f.Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
            if (f.Category is { } category) tickets = tickets.Where(t => t.Category == category);
            if (f.Tag is { } tag) tickets = tickets.Where(t => db.TicketTags.Any(x => x.TicketId == t.TicketId && x.Tag == tag));
            q = q.Where(s => tickets.Any(t => t.TicketId == s.TicketId));
        }
        q = drill.Metric switch
        {
            Metric.Ces => q.Where(s => s.Ces != null),
            Metric.Unhappy => q.Where(s => s.Csat <= Surveys.SurveyAnswer.BadUpTo),
            _ => q,
        };
        var none = string.IsNullOrEmpty(drill.Value);
        return drill.Dimension switch
        {
            null => q,
            ReportDimension.Agent => none ? q.Where(s => s.AgentId == null) : q.Where(s => s.AgentId == drill.Value),
            ReportDimension.Team => none ? q.Where(s => s.TeamId == null)
                : int.TryParse(drill.Value, out var id) ? q.Where(s => s.TeamId == id) : q.Where(s => false),
            _ => q.Where(s => false),
        };
    }

    private static async Task<SurveyFigures> SurveyFiguresAsync(AppDbContext db, ReportDrill drill, CancellationToken cancellationToken)
    {
        var answers = await SurveysFor(db, drill with { Metric = Metric.Csat })
            .Select(s => new SurveyRow(s.TicketId, s.AgentId, s.TeamId, s.Csat!.Value, s.Ces))
            .ToListAsync(cancellationToken);
        return new SurveyFigures(
            Score(answers), answers.Select(a => a.TicketId).Distinct().Count(),
            answers.Where(a => ReportMetrics.IsUnhappy(a.Csat)).Select(a => a.TicketId).Distinct().Count(),
            answers.GroupBy(a => a.AgentId ?? "").ToDictionary(g => g.Key, g => Group(g.ToList()), StringComparer.Ordinal),
            answers.GroupBy(a => a.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")
                .ToDictionary(g => g.Key, g => Group(g.ToList()), StringComparer.Ordinal));
    }

    private static SurveyGroup Group(List<SurveyRow> rows) => new(Score(rows), rows.Select(r => r.TicketId).Distinct().Count());

    private static SurveyScore Score(List<SurveyRow> rows)
    {
        var satisfied = rows.Count(r => ReportMetrics.IsSatisfied(r.Csat));
        var ces = rows.Where(r => r.Ces is not null).Select(r => r.Ces!.Value).ToList();
        return new SurveyScore(rows.Count, satisfied, rows.Count == 0 ? null : 100.0 * satisfied / rows.Count,
            ces.Count, ces.Count == 0 ? null : ces.Average());
    }

    private sealed record SurveyRow(int TicketId, string? AgentId, int? TeamId, int Csat, int? Ces);
}

/// <summary>A group's survey score and the number of distinct tickets behind it (what its drill-down lists).</summary>
public sealed record SurveyGroup(SurveyScore Score, int Tickets)
{
    public static readonly SurveyGroup None = new(new SurveyScore(0, 0, null, 0, null), 0);
}

/// <param name="Tickets">Distinct tickets with an answer in the range.</param>
/// <param name="UnhappyTickets">Distinct tickets with a CSAT 1–2 answer in the range.</param>
public sealed record SurveyFigures(
    SurveyScore Overall, int Tickets, int UnhappyTickets, IReadOnlyDictionary<string, SurveyGroup> Agents, IReadOnlyDictionary<string, SurveyGroup> Teams);
