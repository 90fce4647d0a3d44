using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>
/// Records what suggestions were shown and what became of them, for deflection figures and the KB gap report.
/// Customers' lists are recorded when shown (the widget reports back by the list's unguessable id); an agent's list
/// is recorded once, when the reply is sent, with what the agent inserted or opened.
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

    /// <summary>
    /// The widget says what the customer did with a list: "opened" an article (deflected unless they send anyway) or
    /// "sent" their message. Unknown ids and articles that were not in the list are ignored.
    /// </summary>
    public async Task<bool> CustomerFeedbackAsync(Guid requestId, int? articleId, string outcome)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.SuggestionRequests.FirstOrDefaultAsync(r => r.PublicId == requestId && r.Source == SuggestionSource.Customer);
        if (request is null)
        {
            return false;
        }
        switch (outcome)
        {
            case "opened" when articleId is { } id && request.ArticleIds.Split(',').Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture)):
                request.UsedArticleId = id;
                request.Outcome = SuggestionOutcome.Opened;
                break;
            case "sent":
                request.Outcome = request.Outcome is SuggestionOutcome.Opened or SuggestionOutcome.SentAnyway ? SuggestionOutcome.SentAnyway : SuggestionOutcome.NotUsed;
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
