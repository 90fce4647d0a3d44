using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// The SQLite FTS5 index behind the customer list's search: one document per live customer (name, company, every
/// address and number, numbers also as bare digits). unicode61 with remove_diacritics 2 folds case and accents, so
/// "munoz" finds "Muñoz". Kept by triggers on Customers and CustomerContacts, so every way a customer is created or
/// changed (widget, e-mail, API, seed, agents) is indexed in the same transaction; a merged record leaves the index.
/// </summary>
public static class CustomerSearchIndex
{
    private const string Digits = "replace(replace(replace(replace(replace(replace(replace(c.Phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', '')";

    private static string Refresh(string id) => $"""
        DELETE FROM CustomerSearch WHERE rowid = {id};
        INSERT INTO CustomerSearch(rowid, Name, Company, Contacts)
        SELECT c.Id, c.Name, COALESCE(c.Company, ''),
               COALESCE(c.Email, '') || ' ' || COALESCE(c.Phone, '') || ' ' || COALESCE({Digits}, '') || ' ' ||
               COALESCE((SELECT group_concat(x.Value || ' ' || x.Normalized, ' ') FROM CustomerContacts x WHERE x.CustomerId = c.Id), '')
        FROM Customers c WHERE c.Id = {id} AND c.MergedIntoId IS NULL;
        """;

    public static readonly string CreateSql = EnsureSql + RebuildSql;

    /// <summary>The table and its triggers; harmless when they exist.</summary>
    public static readonly string EnsureSql = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS CustomerSearch USING fts5(Name, Company, Contacts,
            tokenize = 'unicode61 remove_diacritics 2', detail = column, prefix = '1 2 3');
        CREATE TRIGGER IF NOT EXISTS CustomerSearch_CustomerInserted AFTER INSERT ON Customers BEGIN {Refresh("new.Id")} END;
        CREATE TRIGGER IF NOT EXISTS CustomerSearch_CustomerUpdated AFTER UPDATE OF Name, Company, Email, Phone, MergedIntoId ON Customers
            BEGIN {Refresh("new.Id")} END;
        CREATE TRIGGER IF NOT EXISTS CustomerSearch_CustomerDeleted AFTER DELETE ON Customers BEGIN DELETE FROM CustomerSearch WHERE rowid = old.Id; END;
        CREATE TRIGGER IF NOT EXISTS CustomerSearch_ContactInserted AFTER INSERT ON CustomerContacts BEGIN {Refresh("new.CustomerId")} END;
        CREATE TRIGGER IF NOT EXISTS CustomerSearch_ContactUpdated AFTER UPDATE ON CustomerContacts
            BEGIN {Refresh("old.CustomerId")} {Refresh("new.CustomerId")} END;
        CREATE TRIGGER IF NOT EXISTS CustomerSearch_ContactDeleted AFTER DELETE ON CustomerContacts BEGIN {Refresh("old.CustomerId")} END;
        """;

    /// <summary>Every live customer's document, from scratch.</summary>
    public static readonly string RebuildSql = $"""
        DELETE FROM CustomerSearch;
        INSERT INTO CustomerSearch(rowid, Name, Company, Contacts)
        SELECT c.Id, c.Name, COALESCE(c.Company, ''),
               COALESCE(c.Email, '') || ' ' || COALESCE(c.Phone, '') || ' ' || COALESCE({Digits}, '')
               || ' ' || COALESCE((SELECT group_concat(x.Value || ' ' || x.Normalized, ' ') FROM CustomerContacts x WHERE x.CustomerId = c.Id), '')
        FROM Customers c WHERE c.MergedIntoId IS NULL;
        """;

    private const int TriggerCount = 6;

    /// <summary>
    /// At start: a migration that rebuilds the Customers table (how SQLite changes a foreign key) drops its triggers
    /// with it; they are put back and the index rebuilt, so search never silently goes stale.
    /// </summary>
    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var triggers = await db.Database.SqlQuery<int>(
            $"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'CustomerSearch_%'").SingleAsync(cancellationToken);
        if (triggers < TriggerCount)
        {
            await db.Database.ExecuteSqlRawAsync(CreateSql, cancellationToken);
        }
    }

    public const string DropSql = """
        DROP TRIGGER IF EXISTS CustomerSearch_CustomerInserted;
        DROP TRIGGER IF EXISTS CustomerSearch_CustomerUpdated;
        DROP TRIGGER IF EXISTS CustomerSearch_CustomerDeleted;
        DROP TRIGGER IF EXISTS CustomerSearch_ContactInserted;
        DROP TRIGGER IF EXISTS CustomerSearch_ContactUpdated;
        DROP TRIGGER IF EXISTS CustomerSearch_ContactDeleted;
        DROP TABLE IF EXISTS CustomerSearch;
        """;
}
