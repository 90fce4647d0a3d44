using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// <see cref="TicketSearchIndex"/> on PostgreSQL: the same one document per ticket (subject, customer name and
/// e-mail, every message body), as a folded 'simple' tsvector in a GIN index (see <see cref="Data.Postgres.PostgresSearch"/>).
/// GIN answers prefix queries itself, so the FTS5 term list is not needed here.
/// </summary>
internal static class PostgresTicketSearch
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS "TicketSearch" (
            "TicketId" integer PRIMARY KEY,
            "Subject" text NOT NULL,
            "Customer" text NOT NULL,
            "Body" text NOT NULL,
            "Document" tsvector GENERATED ALWAYS AS (to_tsvector('simple', aw_fold("Subject" || ' ' || "Customer" || ' ' || "Body"))) STORED);
        CREATE INDEX IF NOT EXISTS "IX_TicketSearch_Document" ON "TicketSearch" USING gin ("Document");
        """;

    public const string DropTableSql = """DROP TABLE IF EXISTS "TicketSearch";""";

    private const string CustomerText = """c."Name" || ' ' || COALESCE(c."Email", '')""";

    private const string MessagesText = """
        COALESCE((SELECT string_agg(m."Body", ' ' ORDER BY m."Id") FROM "Messages" m WHERE m."TicketId" = t."Id"), '')
        """;

    public const string RebuildSql = $"""
        DELETE FROM "TicketSearch";
        INSERT INTO "TicketSearch" ("TicketId", "Subject", "Customer", "Body")
        SELECT t."Id", t."Subject", {CustomerText}, {MessagesText}
        FROM "Tickets" t JOIN "Customers" c ON c."Id" = t."CustomerId";
        """;

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    public static Task AddTicketAsync(AppDbContext db, int ticketId) =>
        db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO "TicketSearch" ("TicketId", "Subject", "Customer", "Body")
            SELECT t."Id", t."Subject", {{CustomerText}}, ''
            FROM "Tickets" t JOIN "Customers" c ON c."Id" = t."CustomerId" WHERE t."Id" = {0}
            """, ticketId);

    public static Task AppendMessageAsync(AppDbContext db, int ticketId, string body) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "TicketSearch" SET "Body" = "Body" || ' ' || {body} WHERE "TicketId" = {ticketId}
            """);

    public static Task ReindexTicketAsync(AppDbContext db, int ticketId) =>
        db.Database.ExecuteSqlRawAsync($$"""
            UPDATE "TicketSearch" s SET "Body" = (SELECT {{MessagesText}} FROM "Tickets" t WHERE t."Id" = s."TicketId")
            WHERE s."TicketId" = {0}
            """, ticketId);

    public static Task UpdateCustomerAsync(AppDbContext db, int customerId) =>
        db.Database.ExecuteSqlRawAsync($$"""
            UPDATE "TicketSearch" SET "Customer" = (SELECT {{CustomerText}} FROM "Customers" c WHERE c."Id" = {0})
            WHERE "TicketId" IN (SELECT t."Id" FROM "Tickets" t WHERE t."CustomerId" = {0})
            """, customerId);

    /// <summary>The search as the words <c>aw_search_query</c> reads (space-separated: words are runs of letters and digits).</summary>
    public static string? ToMatch(string text) =>
        TicketSearchQuery.Words(text) is { Count: > 0 } words ? string.Join(' ', words) : null;

    /// <summary>The newest tickets matching every word (the last as a prefix), and the ticket numbered <paramref name="bare"/>.</summary>
    public static IQueryable<int> Hits(AppDbContext db, string? match, int? bare, int candidates) => (match, bare) switch
    {
        ({ } m, { } b) => db.Database.SqlQuery<int>($"""
            SELECT "Value" FROM (SELECT "TicketId" AS "Value" FROM "TicketSearch"
                WHERE "Document" @@ aw_search_query(string_to_array({m}, ' '), false) ORDER BY "TicketId" DESC LIMIT {candidates}) AS hits
            UNION SELECT "Id" FROM "Tickets" WHERE "Number" = {b}
            """),
        ({ } m, null) => db.Database.SqlQuery<int>($"""
            SELECT "TicketId" AS "Value" FROM "TicketSearch"
            WHERE "Document" @@ aw_search_query(string_to_array({m}, ' '), false) ORDER BY "TicketId" DESC LIMIT {candidates}
            """),
        (null, { } b) => db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Tickets" WHERE "Number" = {b}"""),
        _ => throw new InvalidOperationException("A search without a query or a number has no hits."),
    };
}
