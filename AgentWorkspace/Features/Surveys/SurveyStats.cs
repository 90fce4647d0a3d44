using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Surveys;

/// <summary>
/// Survey scores over answers given in [<c>from</c>, <c>to</c>) (by <see cref="SurveyResponse.AnsweredAt"/>):
/// <list type="bullet">
/// <item><b>CSAT</b> (customer satisfaction score): the share of CSAT answers that are 4 or 5 ("satisfied" or "very
/// satisfied") among all CSAT answers, as a percentage 0–100. Null with no answer.</item>
/// <item><b>CES</b> (customer effort score): the mean of the CES answers, 1 (very difficult) to 7 (very easy); higher is
/// better. Answers without a CES (it is optional) don't count. Null with none.</item>
/// </list>
/// Credited to the agent (the assignee) and team of the resolution, as stored on the survey. For the metrics and the
/// reports page to read; nothing here is shown to customers.
/// </summary>
public sealed class SurveyStats(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<SurveyScore> OverallAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Answers(db, from, to).GroupBy(_ => 1).Select(g => new Tally(
            g.Count(), g.Count(s => s.Csat >= SurveyAnswer.SatisfiedFrom), g.Count(s => s.Ces != null), g.Sum(s => s.Ces ?? 0))).ToListAsync(cancellationToken);
        return Score(rows.FirstOrDefault() ?? new Tally(0, 0, 0, 0));
    }

    public async Task<IReadOnlyList<AgentSurveyScore>> ByAgentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Answers(db, from, to).Where(s => s.AgentId != null).GroupBy(s => s.AgentId!)
            .Select(g => new { g.Key, Tally = new Tally(g.Count(), g.Count(s => s.Csat >= SurveyAnswer.SatisfiedFrom), g.Count(s => s.Ces != null), g.Sum(s => s.Ces ?? 0)) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AgentSurveyScore(r.Key, Score(r.Tally))).OrderBy(r => r.AgentId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<TeamSurveyScore>> ByTeamAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Answers(db, from, to).Where(s => s.TeamId != null).GroupBy(s => s.TeamId!.Value)
            .Select(g => new { g.Key, Tally = new Tally(g.Count(), g.Count(s => s.Csat >= SurveyAnswer.SatisfiedFrom), g.Count(s => s.Ces != null), g.Sum(s => s.Ces ?? 0)) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TeamSurveyScore(r.Key, Score(r.Tally))).OrderBy(r => r.TeamId).ToList();
    }

    /// <summary>The answered surveys of a period, for any other cut (per channel, per day).</summary>
    public IQueryable<SurveyResponse> Answers(AppDbContext db, DateTimeOffset from, DateTimeOffset to) =>
        db.Set<SurveyResponse>().AsNoTracking().Where(s => s.AnsweredAt != null && s.AnsweredAt >= from && s.AnsweredAt < to && s.Csat != null);

    private static SurveyScore Score(Tally t) => new(
        t.Answers, t.Satisfied, t.Answers == 0 ? null : 100.0 * t.Satisfied / t.Answers,
        t.CesAnswers, t.CesAnswers == 0 ? null : (double)t.CesSum / t.CesAnswers);

    private sealed record Tally(int Answers, int Satisfied, int CesAnswers, int CesSum);
}

/// <param name="Answers">CSAT answers counted.</param>
/// <param name="Satisfied">Of them, rated 4 or 5.</param>
/// <param name="CsatPercent">Satisfied / Answers × 100; null with no answer.</param>
/// <param name="CesAnswers">Answers that include a CES.</param>
/// <param name="CesAverage">Mean CES (1–7, higher is easier); null with none.</param>
public sealed record SurveyScore(int Answers, int Satisfied, double? CsatPercent, int CesAnswers, double? CesAverage);

public sealed record AgentSurveyScore(string AgentId, SurveyScore Score);

public sealed record TeamSurveyScore(int TeamId, SurveyScore Score);
