using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Surveys;

public enum SurveyAnswerOutcome
{
    Thanks,
    AlreadyAnswered,
    Expired,

    /// <summary>No such survey (or not for this ticket).</summary>
    None,
    Invalid,
}

public sealed record SurveyAnswerResult(SurveyAnswerOutcome Outcome, IReadOnlyDictionary<string, SurveyProblem> Problems)
{
    public static SurveyAnswerResult Of(SurveyAnswerOutcome outcome) => new(outcome, new Dictionary<string, SurveyProblem>());
}

/// <summary>A survey as its customer-facing pages need it (the survey page, the widget, the portal).</summary>
public sealed record SurveyTarget(long Id, int TicketId, int TicketNumber, string Language, bool Answered, bool Expired);

/// <summary>
/// Finds surveys for the customer paths (a signed link, a chat's conversation, a portal ticket) and takes answers: one
/// per survey, whatever path or how many tabs (a conditional update is the single-use check), within its lifetime. A bad
/// rating (CSAT 1 or 2) notifies the team credited with the resolution (its members; the agent when it had no team).
/// </summary>
public sealed class SurveyService(
    IDbContextFactory<AppDbContext> dbFactory, SurveyLinks links, WorkspaceNotifier notifier, NotificationCenter notifications, TimeProvider clock)
{
    /// <summary>The survey a link opens on the page of ticket <paramref name="ticketNumber"/>: null when forged, or for another ticket.</summary>
    public async Task<SurveyTarget?> FromLinkAsync(string? token, int ticketNumber)
    {
        if (links.Read(token) is not { } grant)
        {
            return null;
        }
        var target = await FindAsync(s => s.Id == grant.SurveyId);
        return target is not null && target.TicketId == grant.TicketId && target.TicketNumber == ticketNumber ? target : null;
    }

    /// <summary>The latest survey of a ticket (a chat's, a portal ticket's), answered or not.</summary>
    public Task<SurveyTarget?> LatestForTicketAsync(int ticketId) => FindAsync(s => s.TicketId == ticketId);

    private async Task<SurveyTarget?> FindAsync(System.Linq.Expressions.Expression<Func<SurveyResponse, bool>> which)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        return await db.Set<SurveyResponse>().AsNoTracking().Where(which).OrderByDescending(s => s.ResolvedAt)
            .Select(s => new SurveyTarget(s.Id, s.TicketId, s.Ticket.Number, s.Language, s.AnsweredAt != null, s.ExpiresAt <= now))
            .FirstOrDefaultAsync();
    }

    public async Task<SurveyAnswerResult> AnswerAsync(long surveyId, SurveyAnswer answer)
    {
        var check = answer.Check();
        if (check.Clean is not { } clean)
        {
            return new SurveyAnswerResult(SurveyAnswerOutcome.Invalid, check.Problems);
        }
        var now = clock.GetUtcNow();
        SurveyResponse? survey;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // The single-use check and the write are one statement: two submissions can't both land.
            var stored = await db.Set<SurveyResponse>()
                .Where(s => s.Id == surveyId && s.AnsweredAt == null && s.ExpiresAt > now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Csat, clean.Csat)
                    .SetProperty(s => s.Ces, clean.Ces)
                    .SetProperty(s => s.Reason, clean.Reason)
                    .SetProperty(s => s.Comment, clean.Comment)
                    .SetProperty(s => s.AnsweredAt, now));
            survey = await db.Set<SurveyResponse>().AsNoTracking().Include(s => s.Ticket).FirstOrDefaultAsync(s => s.Id == surveyId);
            if (stored == 0)
            {
                return SurveyAnswerResult.Of(survey is null ? SurveyAnswerOutcome.None
                    : survey.AnsweredAt is not null ? SurveyAnswerOutcome.AlreadyAnswered
                    : SurveyAnswerOutcome.Expired);
            }
        }
        notifier.Publish(new SurveyChanged(survey!.TicketId, survey.Id));
        if (SurveyAnswer.IsBad(clean.Csat!.Value))
        {
            await NotifyBadRatingAsync(survey, clean.Csat.Value);
        }
        return SurveyAnswerResult.Of(SurveyAnswerOutcome.Thanks);
    }

    private async Task NotifyBadRatingAsync(SurveyResponse survey, int csat)
    {
        List<string> recipients;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            recipients = survey.TeamId is { } teamId
                ? await db.TeamMembers.Where(m => m.TeamId == teamId && m.Agent.IsActive).Select(m => m.AgentId).ToListAsync()
                : [];
        }
        if (survey.AgentId is { } agent && !recipients.Contains(agent))
        {
            recipients.Add(agent);
        }
        var number = survey.Ticket.Number;
        foreach (var recipient in recipients)
        {
            await notifications.NotifyAsync(recipient, NotificationText.SurveyBadRating(number, csat), survey.Ticket.Subject, $"/tickets/{number}");
        }
    }
}
