using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Surveys;

/// <summary>A ticket's surveys as its agents see them (the ticket page; never any customer path).</summary>
public sealed record TicketSurveyRow(
    long Id, DateTimeOffset ResolvedAt, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, SurveyDelivery Delivery, string? AgentName, string? TeamName,
    int? Csat, int? Ces, string? Reason, string? Comment, DateTimeOffset? AnsweredAt);

public sealed class SurveyQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Newest resolution first. The caller has already checked the agent may see the ticket.</summary>
    public async Task<IReadOnlyList<TicketSurveyRow>> ForTicketAsync(int ticketId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<SurveyResponse>().AsNoTracking().Where(s => s.TicketId == ticketId).OrderByDescending(s => s.ResolvedAt)
            .Select(s => new TicketSurveyRow(s.Id, s.ResolvedAt, s.SentAt, s.ExpiresAt, s.Delivery,
                s.Agent == null ? null : s.Agent.DisplayName, s.Team == null ? null : s.Team.Name,
                s.Csat, s.Ces, s.Reason, s.Comment, s.AnsweredAt))
            .ToListAsync();
    }
}
