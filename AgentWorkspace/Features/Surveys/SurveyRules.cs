using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Surveys;

public enum SurveyDecision
{
    Send,
    NotResolved,

    /// <summary>Reopened (or resolved again) since: the job is about an older resolution.</summary>
    OtherResolution,
    AlreadySent,
    NoAgentReply,
    Spam,

    /// <summary>The agent resolved it without a survey.</summary>
    Skipped,
}

/// <summary>Whether a resolution gets a survey, checked when the survey falls due (the ticket may have changed since).</summary>
public static class SurveyRules
{
    /// <summary>The history line "resolved without a survey" (<see cref="SkipSurvey"/>), recorded with the resolution.</summary>
    public const string SkipField = "Survey";

    public static async Task<SurveyDecision> DecideAsync(AppDbContext db, Ticket ticket, DateTimeOffset resolvedAt, string spamTag, CancellationToken cancellationToken = default)
    {
        if (ticket.Status != TicketStatus.Resolved)
        {
            return SurveyDecision.NotResolved;
        }
        if (ticket.ResolvedAt != resolvedAt)
        {
            return SurveyDecision.OtherResolution;
        }
        if (await db.TicketTags.AnyAsync(t => t.TicketId == ticket.Id && t.Tag == spamTag, cancellationToken))
        {
            return SurveyDecision.Spam;
        }
        if (!await db.Messages.AnyAsync(m => m.TicketId == ticket.Id && m.AuthorKind == AuthorKind.Agent && m.AuthorAgentId != null && m.Visibility == MessageVisibility.Public, cancellationToken))
        {
            return SurveyDecision.NoAgentReply;
        }
        if (await db.TicketEvents.AnyAsync(e => e.TicketId == ticket.Id && e.Field == SkipField && e.CreatedAt >= resolvedAt, cancellationToken))
        {
            return SurveyDecision.Skipped;
        }
        if (await db.Set<SurveyResponse>().AnyAsync(s => s.TicketId == ticket.Id && s.ResolvedAt == resolvedAt, cancellationToken))
        {
            return SurveyDecision.AlreadySent;
        }
        return SurveyDecision.Send;
    }
}
