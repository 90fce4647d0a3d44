using System.Globalization;
using System.Text;
using AgentWorkspace.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// What an agent typed, made into an FTS5 query that FTS5 can answer from the newest matching ticket down,
/// reading only as far as the candidates it needs (see <see cref="TicketSearchIndex"/>). It finds exactly
/// what the plain query (every word, the last as a prefix) finds.
/// </summary>
internal static class TicketSearchQuery
{
    /// <summary>A longer prefix that stands for more terms than this is left to FTS5's own prefix merge.</summary>
    public const int MaxTerms = 64;

    private const int MaxWords = 8;

    /// <summary>Prefixes this short are read from an FTS5 prefix index (prefix = '1 2 3').</summary>
    private const int IndexedPrefixLength = 3;

    /// <summary>
    /// The FTS5 query, or null when no ticket can match (e.g. no term starts with the last word). On PostgreSQL,
    /// the words for <see cref="PostgresTicketSearch.Hits"/>.
    /// </summary>
    public static async Task<string?> ToMatchAsync(AppDbContext db, string text)
    {
        if (db.Database.IsPostgres())
        {
            return PostgresTicketSearch.ToMatch(text);
        }
        var words = Words(text, latinOnly: false);
        var match = await BuildAsync(db, words);
        if (match is not null && words.Any(w => w.Any(c => c > LastLatin)))
        {
            // Letters unicode61 does not know (newer than its Unicode tables) would split one quoted word into a
            // phrase, which detail=column cannot answer. Ask FTS5 once; if it refuses, split words at such letters.
            try
            {
                await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM TicketSearch WHERE TicketSearch MATCH {match} AND rowid = 0").ToListAsync();
            }
            catch (SqliteException)
            {
                match = await BuildAsync(db, Words(text, latinOnly: true));
            }
        }
        return match;
    }

    private static async Task<string?> BuildAsync(AppDbContext db, List<string> words)
    {
        if (words.Count == 0)
        {
            return null;
        }
        var last = words[^1];
        string tail;
        if (last.Length <= IndexedPrefixLength || Fold(last) is not { } folded)
        {
            tail = Quote(last) + "*";
        }
        else
        {
            // Folded is ASCII, so the terms it begins are exactly those between it and its last letter + 1.
            var upper = folded[..^1] + (char)(folded[^1] + 1);
            var terms = await db.Database.SqlQuery<string>(
                $"SELECT Term AS Value FROM TicketSearchTerms WHERE Term >= {folded} AND Term < {upper} ORDER BY Term LIMIT {MaxTerms + 1}")
                .ToListAsync();
            if (terms.Count == 0)
            {
                return null;
            }
            tail = terms.Count > MaxTerms ? Quote(last) + "*"
                : terms.Count == 1 ? Quote(terms[0])
                : "(" + string.Join(" OR ", terms.Select(Quote)) + ")";
        }
        return string.Join(" AND ", words.Take(words.Count - 1).Select(Quote).Append(tail));
    }

    private const char LastLatin = '\u024F';

    /// <summary>The words of a search: runs of letters and digits, at most eight.</summary>
    public static List<string> Words(string? text, bool latinOnly = false)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && (!latinOnly || c <= LastLatin))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words.Take(MaxWords).ToList();
    }

    public static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The word as unicode61 with remove_diacritics 2 stores it, when that is certain: ASCII letters and digits,
    /// and Latin-1 / Latin Extended-A letters that are an ASCII letter plus accents. Null otherwise.
    /// </summary>
    internal static string? Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (c < '\u00C0' || c > '\u017F' || c == '\u0130')
            {
                return null;
            }
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            if (!char.IsAsciiLetter(parts[0]) || parts.Skip(1).Any(m => CharUnicodeInfo.GetUnicodeCategory(m) != UnicodeCategory.NonSpacingMark))
            {
                return null;
            }
            folded.Append(char.ToLowerInvariant(parts[0]));
        }
        return folded.ToString();
    }
}
