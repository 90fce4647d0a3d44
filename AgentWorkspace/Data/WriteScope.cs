using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgentWorkspace.Data;

/// <summary>
/// What a write transaction declares it changes: one ticket (and everything that hangs off it: its messages, history,
/// followers, search row, outgoing e-mail) and, optionally, one customer's per-customer checks. On PostgreSQL such a
/// transaction waits only for writers of the same ticket or customer and for undeclared writers
/// (<see cref="Postgres.PostgresWriteLock"/>); a transaction that declares nothing still runs alone. SQLite has one
/// writer at a time whatever is declared.
/// </summary>
/// <remarks>
/// Declare only what the transaction's checks depend on. Rows every transaction may update (the ticket-number counter)
/// are safe anyway: PostgreSQL locks an updated row until commit, so they are handed out one at a time and never twice.
/// </remarks>
public sealed record WriteScope(int? TicketId, int? CustomerId)
{
    /// <summary>A change to an existing ticket.</summary>
    public static WriteScope Ticket(int ticketId, int? customerId = null) => new(ticketId, customerId);

    /// <summary>A new ticket for a customer: no other transaction can know the ticket yet, only the customer.</summary>
    public static WriteScope NewTicket(int customerId) => new(null, customerId);
}

public static class WriteScopes
{
    private static readonly ConditionalWeakTable<DbContext, WriteScope> Declared = [];

    /// <summary>Begins a transaction that changes only what <paramref name="scope"/> says.</summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this AppDbContext db, WriteScope scope, CancellationToken cancellationToken = default)
    {
        Declared.AddOrUpdate(db, scope);
        try
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }
        finally
        {
            Declared.Remove(db);
        }
    }

    /// <summary>The scope of the transaction <paramref name="db"/> is beginning, or null when it declared none.</summary>
    internal static WriteScope? Of(DbContext? db) => db is not null && Declared.TryGetValue(db, out var scope) ? scope : null;
}
