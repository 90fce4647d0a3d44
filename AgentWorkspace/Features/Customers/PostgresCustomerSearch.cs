using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// <see cref="CustomerSearchIndex"/> on PostgreSQL: the same document per live customer (name, company, every address
/// and number, numbers also as bare digits) as a folded 'simple' tsvector in a GIN index (see <see cref="Data.Postgres.PostgresSearch"/>).
/// </summary>
internal static class PostgresCustomerSearch
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS "CustomerSearch" (
            "CustomerId" integer PRIMARY KEY,
            "Name" text NOT NULL,
            "Company" text NOT NULL,
            "Contacts" text NOT NULL,
            "Document" tsvector GENERATED ALWAYS AS (to_tsvector('simple', aw_fold("Name" || ' ' || "Company" || ' ' || "Contacts"))) STORED);
        CREATE INDEX IF NOT EXISTS "IX_CustomerSearch_Document" ON "CustomerSearch" USING gin ("Document");
        """;

    public const string DropTableSql = """DROP TABLE IF EXISTS "CustomerSearch";""";

    private const string Digits = """
        replace(replace(replace(replace(replace(replace(replace(c."Phone", ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', '')
        """;

    private const string Document = $"""
        INSERT INTO "CustomerSearch" ("CustomerId", "Name", "Company", "Contacts")
        SELECT c."Id", c."Name", COALESCE(c."Company", ''),
               COALESCE(c."Email", '') || ' ' || COALESCE(c."Phone", '') || ' ' || COALESCE({Digits}, '') || ' ' ||
               COALESCE((SELECT string_agg(x."Value" || ' ' || x."Normalized", ' ' ORDER BY x."Id") FROM "CustomerContacts" x WHERE x."CustomerId" = c."Id"), '')
        FROM "Customers" c WHERE c."MergedIntoId" IS NULL
        """;

    public const string RebuildSql = "DELETE FROM \"CustomerSearch\";\n" + Document + ";";

    private const string RefreshSql = "DELETE FROM \"CustomerSearch\" WHERE \"CustomerId\" = ANY({0});\n" + Document + " AND c.\"Id\" = ANY({0});";

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    public static Task RefreshAsync(AppDbContext db, IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RefreshSql, [customerIds.ToArray()], cancellationToken);

    public static void Refresh(AppDbContext db, IReadOnlyCollection<int> customerIds) =>
        db.Database.ExecuteSqlRaw(RefreshSql, customerIds.ToArray());

    // Every word required, the last a prefix; a phone number typed in pieces also matches its bare digits.
    private const string Matches = """
        "Document" @@ (CASE WHEN CAST({0} AS text) IS NULL THEN aw_search_query(string_to_array({1}, ' '), false)
            ELSE aw_search_query(string_to_array({1}, ' '), false) || aw_search_query(ARRAY[CAST({0} AS text)], false) END)
        """;

    /// <summary>A keyset page of matching customers, newest first, below <paramref name="before"/>.</summary>
    public static Task<List<int>> PageAsync(AppDbContext db, CustomerSearchTerms terms, int before, int take) =>
        db.Database.SqlQueryRaw<int>(
            $$"""SELECT "CustomerId" AS "Value" FROM "CustomerSearch" WHERE {{Matches}} AND "CustomerId" < {2} ORDER BY "CustomerId" DESC LIMIT {3}""",
            terms.Digits!, terms.Words, before, take).ToListAsync();

    public static Task<List<int>> NewestAsync(AppDbContext db, CustomerSearchTerms terms, int limit) =>
        db.Database.SqlQueryRaw<int>(
            $$"""SELECT "CustomerId" AS "Value" FROM "CustomerSearch" WHERE {{Matches}} ORDER BY "CustomerId" DESC LIMIT {2}""",
            terms.Digits!, terms.Words, limit).ToListAsync();
}

/// <summary>A customer search as words (space-separated) and, for a phone number typed in pieces, its digits.</summary>
internal sealed record CustomerSearchTerms(string Words, string? Digits)
{
    public static CustomerSearchTerms? Of(string? text)
    {
        var words = TicketSearchQuery.Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        var digits = new string(text!.Where(char.IsAsciiDigit).ToArray());
        var phoneLike = words.Count > 1 && digits.Length >= 3 && text!.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/');
        return new CustomerSearchTerms(string.Join(' ', words), phoneLike ? digits : null);
    }
}
