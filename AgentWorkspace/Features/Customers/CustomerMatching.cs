using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// The one rule for "which customer has this e-mail address": the primary address or any further one, never a merged
/// record (its addresses moved to the survivor). Mail ingest, the widget and the API match through here. Written as
/// <c>NormalizedEmail = x OR Id IN (…)</c>, two index lookups, rather than a correlated EXISTS that would scan customers.
/// </summary>
public static class CustomerMatching
{
    public static IQueryable<Customer> WithEmail(this IQueryable<Customer> customers, AppDbContext db, string normalized) =>
        customers.Where(c => c.MergedIntoId == null
            && (c.NormalizedEmail == normalized
                || db.CustomerContacts.Where(x => x.Kind == ContactKind.Email && x.Normalized == normalized).Select(x => x.CustomerId).Contains(c.Id)));

    /// <summary>Tickets whose customer has this address (an e-mail reply must come from the ticket's own customer).</summary>
    public static IQueryable<Ticket> OfCustomerWithEmail(this IQueryable<Ticket> tickets, AppDbContext db, string normalized) =>
        tickets.Where(t => t.Customer.NormalizedEmail == normalized
            || db.CustomerContacts.Where(x => x.Kind == ContactKind.Email && x.Normalized == normalized).Select(x => x.CustomerId).Contains(t.CustomerId));
}
