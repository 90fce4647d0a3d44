using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>
/// Records what suggestions were shown and what became of them, for deflection figures and the KB gap report.
/// Customers' lists are recorded when shown (the widget reports back by the list's unguessable id, and a "sent" names
/// the conversation it was sent in); an agent's list is recorded once, when the reply is sent, with what the agent
/// inserted or opened.
/// </summary>
public sealed class SuggestionLog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxQueryLength = 500;

    public async Task<Guid> ShownToCustomerAsync(string query, string language, IEnumerable<int> articleIds)
    {
        var now = clock.GetUtcNow();
        var request = new SuggestionRequest
        {
            PublicId = Guid.NewGuid(),
            Source = SuggestionSource.Customer,
            Query = Trim(query),
            Language = language,
            ArticleIds = string.Join(',', articleIds),
            Outcome = SuggestionOutcome.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.SuggestionRequests.Add(request);
        await db.SaveChangesAsync();
        return request.PublicId;
    }

    /// <summary>How long after a list was shown the widget may still report on it.</summary>
    public static readonly TimeSpan FeedbackWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// The widget says what the customer did with a list: "opened" an article (deflected unless they send anyway), or
    /// "sent" their message in the ticket <paramref name="ticketId"/> with the list on screen (sent anyway if they had
    /// opened one, otherwise unanswered: the gap report lists it). Refused: unknown or stale lists, articles that were
    /// not in the list, "sent" without a ticket or for a second ticket, and opening after sending. Reporting "sent"
    /// again for the same ticket changes nothing.
    /// </summary>
    public async Task<bool> CustomerFeedbackAsync(Guid requestId, int? articleId, string outcome, int? ticketId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.SuggestionRequests.FirstOrDefaultAsync(r => r.PublicId == requestId && r.Source == SuggestionSource.Customer);
        if (request is null || clock.GetUtcNow() - request.CreatedAt > FeedbackWindow)
        {
            return false;
        }
        var alreadySent = request.Outcome is SuggestionOutcome.NotUsed or SuggestionOutcome.SentAnyway;
        switch (outcome)
        {
            case "opened" when !alreadySent && articleId is { } id
                && request.ArticleIds.Split(',').Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture)):
                request.UsedArticleId = id;
                request.Outcome = SuggestionOutcome.Opened;
                break;
            case "sent" when ticketId is { } ticket && (request.TicketId ?? ticket) == ticket:
                if (alreadySent)
                {
                    return true;
                }
                request.Outcome = request.Outcome is SuggestionOutcome.Opened ? SuggestionOutcome.SentAnyway : SuggestionOutcome.NotUsed;
                request.TicketId = ticket;
                break;
            default:
                return false;
        }
        request.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>An agent sent a reply: the last suggestions they saw, and the article they inserted or opened, if any.</summary>
    public async Task AgentRepliedAsync(string agentId, int ticketId, string query, string language, IEnumerable<int> shown, int? inserted, int? opened)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        db.SuggestionRequests.Add(new SuggestionRequest
        {
            PublicId = Guid.NewGuid(),
            Source = SuggestionSource.Agent,
            Query = Trim(query),
            Language = language,
            ArticleIds = string.Join(',', shown),
            UsedArticleId = inserted ?? opened,
            Outcome = inserted is not null ? SuggestionOutcome.Inserted : opened is not null ? SuggestionOutcome.Opened : SuggestionOutcome.NotUsed,
            TicketId = ticketId,
            AgentId = agentId,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Deflection for customers: of the lists where an article was opened, how many ended without a message.</summary>
    public async Task<(int Opened, int Deflected)> DeflectionAsync(TimeSpan window)
    {
        var since = clock.GetUtcNow() - window;
        await using var db = await dbFactory.CreateDbContextAsync();
        var outcomes = await db.SuggestionRequests.AsNoTracking()
            .Where(r => r.Source == SuggestionSource.Customer && r.CreatedAt >= since
                && (r.Outcome == SuggestionOutcome.Opened || r.Outcome == SuggestionOutcome.SentAnyway))
            .GroupBy(r => r.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var deflected = outcomes.Where(o => o.Key == SuggestionOutcome.Opened).Sum(o => o.Count);
        return (deflected + outcomes.Where(o => o.Key == SuggestionOutcome.SentAnyway).Sum(o => o.Count), deflected);
    }

    private static string Trim(string query)
    {
        var trimmed = query.Trim();
        return trimmed.Length <= MaxQueryLength ? trimmed : trimmed[..MaxQueryLength];
    }
}
