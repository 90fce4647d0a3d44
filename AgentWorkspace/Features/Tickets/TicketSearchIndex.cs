using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// The SQLite FTS5 index behind inbox search: one document per ticket (subject, customer name and email,
/// every message body). unicode61 with remove_diacritics 2 folds case and accents, so "contrasena" matches
/// "contraseña". Written in the same transaction as the change it reflects. On PostgreSQL each method hands over to
/// <see cref="PostgresTicketSearch"/> (same documents, a folded tsvector).
/// </summary>
/// <remarks>
/// Search treats the last word as a prefix. FTS5 answers a prefix query by merging the whole doclist of every
/// term with that prefix, so "order" cost a read of 830,000 tickets at a million. Two things avoid that:
/// prefix indexes for prefixes of one to three characters (one doclist each), and <c>TicketSearchTerms</c>,
/// every term the index holds, so a longer prefix becomes an OR of its few exact terms (<see cref="TicketSearchQuery"/>),
/// which FTS5 reads lazily from the newest ticket down. detail=column keeps those prefix indexes small: the
/// queries never need word positions (every quoted word is one token).
/// </remarks>
public static class TicketSearchIndex
{
    public const string CreateTableSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS TicketSearch USING fts5(Subject, Customer, Body,
            tokenize = 'unicode61 remove_diacritics 2', detail = column, prefix = '1 2 3');
        """;

    /// <summary>Every term in <c>TicketSearch</c> (terms are never removed: a term no ticket holds any more only costs a lookup).</summary>
    public const string CreateTermsSql = """
        CREATE TABLE IF NOT EXISTS TicketSearchTerms (Term TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS TicketSearchVocab USING fts5vocab(TicketSearch, row);
        """;

    /// <summary>Reads every term out of the index: seconds at a million tickets, so only for rebuilds and migrations.</summary>
    public const string RebuildTermsSql = """
        DELETE FROM TicketSearchTerms;
        INSERT INTO TicketSearchTerms(Term) SELECT term FROM TicketSearchVocab;
        """;

    public const string RebuildSql = """
        DELETE FROM TicketSearch;
        INSERT INTO TicketSearch(rowid, Subject, Customer, Body)
        SELECT t.Id, t.Subject, c.Name || ' ' || COALESCE(c.Email, ''),
               COALESCE((SELECT group_concat(m.Body, ' ') FROM Messages m WHERE m.TicketId = t.Id), '')
        FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId;
        """ + RebuildTermsSql;

    // New terms are found by the index's own tokenizer, on a per-connection scratch table: a tokenizer written
    // again in C# would disagree with unicode61 somewhere, and a term missing here is a ticket search cannot find.
    private const string ScratchSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.TicketSearchScratch USING fts5(Text, content = '', detail = none,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.TicketSearchScratchVocab USING fts5vocab(temp, TicketSearchScratch, row);
        """;

    private const string CollectScratchSql = """
        INSERT OR IGNORE INTO main.TicketSearchTerms(Term) SELECT term FROM temp.TicketSearchScratchVocab;
        INSERT INTO temp.TicketSearchScratch(TicketSearchScratch) VALUES ('delete-all');
        """;

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsPostgres() ? PostgresTicketSearch.RebuildAsync(db, cancellationToken) : db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    /// <summary>Adds a new ticket's document (call after the ticket row has its id).</summary>
    public static async Task AddTicketAsync(AppDbContext db, int ticketId)
    {
        if (db.Database.IsPostgres())
        {
            await PostgresTicketSearch.AddTicketAsync(db, ticketId);
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO TicketSearch(rowid, Subject, Customer, Body)
            SELECT t.Id, t.Subject, c.Name || ' ' || COALESCE(c.Email, ''), ''
            FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId WHERE t.Id = {ticketId}
            """);
        await AddTermsOfDocumentAsync(db, ticketId);
    }

    public static async Task AppendMessageAsync(AppDbContext db, int ticketId, string body)
    {
        if (db.Database.IsPostgres())
        {
            await PostgresTicketSearch.AppendMessageAsync(db, ticketId, body);
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE TicketSearch SET Body = Body || ' ' || {body} WHERE rowid = {ticketId}");
        await db.Database.ExecuteSqlRawAsync(ScratchSql + "INSERT INTO temp.TicketSearchScratch(rowid, Text) VALUES (1, {0});" + CollectScratchSql, body);
    }

    /// <summary>Recomputes one ticket's message text, after a message was edited.</summary>
    public static async Task ReindexTicketAsync(AppDbContext db, int ticketId)
    {
        if (db.Database.IsPostgres())
        {
            await PostgresTicketSearch.ReindexTicketAsync(db, ticketId);
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE TicketSearch SET Body = COALESCE((SELECT group_concat(m.Body, ' ') FROM Messages m WHERE m.TicketId = {ticketId}), '')
            WHERE rowid = {ticketId}
            """);
        await AddTermsOfDocumentAsync(db, ticketId);
    }

    /// <summary>A customer's name or address changed, or tickets moved to them (a merge): their tickets' documents follow.</summary>
    public static async Task UpdateCustomerAsync(AppDbContext db, int customerId)
    {
        if (db.Database.IsPostgres())
        {
            await PostgresTicketSearch.UpdateCustomerAsync(db, customerId);
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE TicketSearch SET Customer = (SELECT c.Name || ' ' || COALESCE(c.Email, '') FROM Customers c WHERE c.Id = {customerId})
            WHERE rowid IN (SELECT t.Id FROM Tickets t WHERE t.CustomerId = {customerId})
            """);
        await db.Database.ExecuteSqlRawAsync(ScratchSql + """
            INSERT INTO temp.TicketSearchScratch(rowid, Text) SELECT 1, c.Name || ' ' || COALESCE(c.Email, '') FROM main.Customers c WHERE c.Id = {0};
            """ + CollectScratchSql, customerId);
    }

    private static Task AddTermsOfDocumentAsync(AppDbContext db, int ticketId) =>
        db.Database.ExecuteSqlRawAsync(ScratchSql + """
            INSERT INTO temp.TicketSearchScratch(rowid, Text)
            SELECT 1, Subject || ' ' || Customer || ' ' || Body FROM main.TicketSearch WHERE rowid = {0};
            """ + CollectScratchSql, ticketId);

    /// <summary>
    /// Turns what an agent typed into a safe FTS5 query: each word quoted (no operators get through),
    /// all words required, the last one as a prefix since the agent may still be typing it.
    /// Returns null when nothing searchable is left.
    /// </summary>
    public static string? ToMatchQuery(string? text)
    {
        var words = TicketSearchQuery.Words(text);
        return words.Count == 0
            ? null
            : string.Join(" ", words.Select((w, i) => i == words.Count - 1 ? $"{TicketSearchQuery.Quote(w)}*" : TicketSearchQuery.Quote(w)));
    }
}
