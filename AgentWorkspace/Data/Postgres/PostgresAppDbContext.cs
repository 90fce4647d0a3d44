using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A type of its own because EF Core keeps one migrations history per context type:
/// these migrations (Data/Migrations/Postgres) are generated for PostgreSQL, the base type's for SQLite. Services
/// still ask for <see cref="AppDbContext"/>. DateTimeOffset stays UTC ticks (bigint) as on SQLite: one model, and the
/// keyset cursors and sorts compare the same numbers on both.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Search folds accents (unaccent) the way SQLite's unicode61 remove_diacritics does; see PostgresSearch.
        builder.HasPostgresExtension("unaccent");
        QuoteIndexFilters(builder.Model);
    }

    /// <summary>
    /// Partial-index filters are written for SQLite, some with bare column names ("State = 'Pending'"); PostgreSQL folds
    /// bare names to lower case, so every column name outside a string literal is quoted here.
    /// </summary>
    private static void QuoteIndexFilters(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is { } filter)
                {
                    index.SetFilter(QuoteColumns(filter, columns));
                }
            }
        }
    }

    internal static string QuoteColumns(string sql, IReadOnlySet<string> columns)
    {
        var result = new StringBuilder(sql.Length + 8);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                // A literal or an already quoted name: copied as it is, up to its closing quote.
                var end = sql.IndexOf(c, i + 1);
                end = end < 0 ? sql.Length - 1 : end;
                result.Append(sql, i, end - i + 1);
                i = end + 1;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }
                var word = sql[start..i];
                result.Append(columns.Contains(word) ? $"\"{word}\"" : word);
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }
}
