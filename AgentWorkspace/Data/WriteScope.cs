using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgentWorkspace.Data;

/// <summary>
/// What a write transaction declares it changes: tickets (and everything that hangs off them: messages, history,
/// followers, search row, outgoing e-mail, SLA state), one customer's per-customer checks, and/or an area of rows with
/// one kind of writer (<see cref="WriteArea"/>). On PostgreSQL such a
/// transaction waits only for writers of the same ticket, customer or area and for undeclared writers
/// (<see cref="Postgres.PostgresWriteLock"/>); a transaction that declares nothing still runs alone. SQLite has one
/// writer at a time whatever is declared.
/// </summary>
/// <remarks>
/// Declare only what the transaction's checks depend on. Rows every transaction may update (the ticket-number counter)
/// are safe anyway: PostgreSQL locks an updated row until commit, so they are handed out one at a time and never twice.
/// </remarks>
public sealed record WriteScope(IReadOnlyList<int> TicketIds, int? CustomerId, WriteArea? Area = null)
{
    /// <summary>More tickets than this in one transaction declare nothing (each key is an entry in PostgreSQL's lock table).</summary>
    public const int MaxTickets = 64;

    /// <summary>A change to an existing ticket.</summary>
    public static WriteScope Ticket(int ticketId, int? customerId = null) => new([ticketId], customerId);

    /// <summary>A new ticket for a customer: no other transaction can know the ticket yet, only the customer.</summary>
    public static WriteScope NewTicket(int customerId) => new([], customerId);

    /// <summary>Derived rows of a few tickets (their SLA state and jobs), or null (undeclared) past <see cref="MaxTickets"/>.</summary>
    public static WriteScope? Tickets(IReadOnlyCollection<int> ticketIds) =>
        ticketIds.Count <= MaxTickets ? new([.. ticketIds.Distinct().Order()], null) : null;

    /// <summary>A change to <paramref name="ticketId"/> that reads or writes rows of <paramref name="area"/> too.</summary>
    public static WriteScope TicketIn(int ticketId, WriteArea area) => new([ticketId], null, area);

    /// <summary>Rows only one kind of writer keeps (e.g. the report aggregates): such writers run one at a time, beside ticket writes.</summary>
    public static WriteScope Only(WriteArea area) => new([], null, area);
}

/// <summary>A set of rows with one kind of writer, serialized by its own key.</summary>
public enum WriteArea
{
    /// <summary>Report facts and their hourly, daily and monthly totals (ReportStore's upkeep).</summary>
    Reports = 1,

    /// <summary>
    /// Routing's decisions (who is under capacity, whose turn it is): one at a time, so two tickets never take an agent's
    /// last free slot, while ticket writes go on beside them. Writers that only add load without checking capacity (a
    /// manual assignment, a reopen) need not wait: any order of them and a decision is one a serial run could give.
    /// </summary>
    Routing = 2,
}

public static class WriteScopes
{
    private static readonly ConditionalWeakTable<DbContext, WriteScope> Declared = [];

    /// <summary>Begins a transaction that changes only what <paramref name="scope"/> says (null: it declares nothing).</summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this AppDbContext db, WriteScope? scope, CancellationToken cancellationToken = default)
    {
        if (scope is null)
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }
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
