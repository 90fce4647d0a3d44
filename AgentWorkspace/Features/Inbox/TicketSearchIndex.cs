using System.Text;
using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// The SQLite FTS5 index behind inbox search: one document per ticket (subject, customer name and email,
/// every message body). unicode61 with remove_diacritics 2 folds case and accents, so "contrasena" matches
/// "contraseña". Written in the same transaction as the change it reflects.
/// </summary>
public static class TicketSearchIndex
{
    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS TicketSearch USING fts5(Subject, Customer, Body, tokenize = 'unicode61 remove_diacritics 2');";

    public const string RebuildSql = """
        DELETE FROM TicketSearch;
        INSERT INTO TicketSearch(rowid, Subject, Customer, Body)
        SELECT t.Id, t.Subject, c.Name || ' ' || COALESCE(c.Email, ''),
               COALESCE((SELECT group_concat(m.Body, ' ') FROM Messages m WHERE m.TicketId = t.Id), '')
        FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId;
        """;

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    /// <summary>Adds a new ticket's document (call after the ticket row has its id).</summary>
    public static Task AddTicketAsync(AppDbContext db, int ticketId) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO TicketSearch(rowid, Subject, Customer, Body)
            SELECT t.Id, t.Subject, c.Name || ' ' || COALESCE(c.Email, ''), ''
            FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId WHERE t.Id = {ticketId}
            """);

    public static Task AppendMessageAsync(AppDbContext db, int ticketId, string body) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE TicketSearch SET Body = Body || ' ' || {body} WHERE rowid = {ticketId}");

    /// <summary>Recomputes one ticket's message text, after a message was edited.</summary>
    public static Task ReindexTicketAsync(AppDbContext db, int ticketId) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE TicketSearch SET Body = COALESCE((SELECT group_concat(m.Body, ' ') FROM Messages m WHERE m.TicketId = {ticketId}), '')
            WHERE rowid = {ticketId}
            """);

    /// <summary>
    /// Turns what an agent typed into a safe FTS5 query: each word quoted (no operators get through),
    /// all words required, the last one as a prefix since the agent may still be typing it.
    /// Returns null when nothing searchable is left.
    /// </summary>
    public static string? ToMatchQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
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
        if (words.Count == 0)
        {
            return null;
        }
        words = words.Take(8).ToList();
        return string.Join(" ", words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }
}
