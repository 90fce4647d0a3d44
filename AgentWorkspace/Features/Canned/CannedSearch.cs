namespace AgentWorkspace.Features.Canned;

/// <summary>
/// The picker's fuzzy search, in memory over the few hundred responses an agent can see: the query's letters must
/// appear in order in the shortcut or the title ("rfnd" finds refund-approved), or as written in a body (letters spread
/// over a long text match almost anything). A match in the shortcut beats the title, which beats the body; a prefix
/// beats a substring, which beats letters spread out (fewer gaps first); more used responses break ties.
/// </summary>
public static class CannedSearch
{
    public static IReadOnlyList<CannedResponse> Rank(IEnumerable<CannedResponse> responses, string query, int take = 50)
    {
        var q = query.Trim().TrimStart('/').ToLowerInvariant();
        if (q.Length == 0)
        {
            return responses.OrderByDescending(r => r.UsageCount).ThenBy(r => r.Shortcut, StringComparer.Ordinal).Take(take).ToList();
        }
        return responses
            .Select(r => (Response: r, Score: Math.Max(Score(q, r.Shortcut) * 3, Math.Max(Score(q, r.Title) * 2, Math.Max(Score(q, r.BodyEn, spread: false), Score(q, r.BodyEs, spread: false))))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Response.UsageCount)
            .ThenBy(x => x.Response.Shortcut, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.Response)
            .ToList();
    }

    /// <summary>0 for no match; otherwise higher is better (prefix 100, word start 80, substring 60, spread letters under 50).</summary>
    internal static int Score(string query, string? text, bool spread = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith(query, StringComparison.Ordinal))
        {
            return 100;
        }
        var at = lower.IndexOf(query, StringComparison.Ordinal);
        if (at > 0)
        {
            return char.IsLetterOrDigit(lower[at - 1]) ? 60 : 80;
        }
        if (!spread)
        {
            return 0;
        }
        // Letters in order, as in "rfnd" for "refund": the fewer the gaps, the better.
        var gaps = 0;
        var position = 0;
        foreach (var c in query)
        {
            var found = lower.IndexOf(c, position);
            if (found < 0)
            {
                return 0;
            }
            gaps += found - position;
            position = found + 1;
        }
        return Math.Max(1, 50 - gaps);
    }
}
