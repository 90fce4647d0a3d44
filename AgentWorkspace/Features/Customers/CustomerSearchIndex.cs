using System.Text.Json;
using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// The SQLite FTS5 index behind the customer list's search: one document per live customer (name, company, every
/// address and number, numbers also as bare digits). unicode61 with remove_diacritics 2 folds case and accents, so
/// "munoz" finds "Muñoz". <see cref="AppDbContext"/> refreshes the documents of every customer a SaveChanges touched
/// (their row or their addresses), in that save's transaction, so every way a customer is created or changed (widget,
/// e-mail, API, seed, agents) is indexed; a merged record leaves the index. Not triggers: a trigger on one table naming
/// another breaks the table rebuilds EF's SQLite migrations do. On PostgreSQL: <see cref="PostgresCustomerSearch"/>.
/// </summary>
public static class CustomerSearchIndex
{
    public const string CreateTableSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS CustomerSearch USING fts5(Name, Company, Contacts,
            tokenize = 'unicode61 remove_diacritics 2', detail = column, prefix = '1 2 3');
        """;

    private const string Digits = "replace(replace(replace(replace(replace(replace(replace(c.Phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', '')";

    private const string Document = $"""
        INSERT INTO CustomerSearch(rowid, Name, Company, Contacts)
        SELECT c.Id, c.Name, COALESCE(c.Company, ''),
               COALESCE(c.Email, '') || ' ' || COALESCE(c.Phone, '') || ' ' || COALESCE({Digits}, '') || ' ' ||
               COALESCE((SELECT group_concat(x.Value || ' ' || x.Normalized, ' ') FROM CustomerContacts x WHERE x.CustomerId = c.Id), '')
        FROM Customers c WHERE c.MergedIntoId IS NULL
        """;

    /// <summary>Every live customer's document, from scratch (the migration that adds the index; repairs).</summary>
    public const string RebuildSql = "DELETE FROM CustomerSearch;\n" + Document + ";";

    public const string DropSql = "DROP TABLE IF EXISTS CustomerSearch;";

    public static Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsPostgres() ? PostgresCustomerSearch.RebuildAsync(db, cancellationToken) : db.Database.ExecuteSqlRawAsync(RebuildSql, cancellationToken);

    /// <summary>These customers' documents as their rows are now (a deleted or merged customer's is removed).</summary>
    internal static Task RefreshAsync(AppDbContext db, IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsPostgres())
        {
            return PostgresCustomerSearch.RefreshAsync(db, customerIds, cancellationToken);
        }
        var ids = JsonSerializer.Serialize(customerIds);
        return db.Database.ExecuteSqlRawAsync(
            "DELETE FROM CustomerSearch WHERE rowid IN (SELECT value FROM json_each({0}));\n" + Document + " AND c.Id IN (SELECT value FROM json_each({0}));",
            [ids], cancellationToken);
    }

    internal static void Refresh(AppDbContext db, IReadOnlyCollection<int> customerIds)
    {
        if (db.Database.IsPostgres())
        {
            PostgresCustomerSearch.Refresh(db, customerIds);
            return;
        }
        var ids = JsonSerializer.Serialize(customerIds);
        db.Database.ExecuteSqlRaw(
            "DELETE FROM CustomerSearch WHERE rowid IN (SELECT value FROM json_each({0}));\n" + Document + " AND c.Id IN (SELECT value FROM json_each({0}));",
            ids);
    }

    /// <summary>The customers whose documents a save changes: added, changed or deleted customers and addresses.</summary>
    internal static List<CustomerRef> Touched(AppDbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Customer c => new CustomerRef(c),
                CustomerContact x => new CustomerRef(x),
                _ => null,
            })
            .OfType<CustomerRef>()
            .ToList();

    /// <summary>A customer a save touched; its id is read after the save (a new customer has none before).</summary>
    internal sealed class CustomerRef
    {
        private readonly Customer? customer;
        private readonly CustomerContact? contact;

        public CustomerRef(Customer customer) => this.customer = customer;

        public CustomerRef(CustomerContact contact) => this.contact = contact;

        public int Id => customer?.Id ?? contact!.CustomerId;
    }
}
