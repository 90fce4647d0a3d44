using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// Reads for the customer list, the lookup on the new-ticket screen and the profile. Search goes through the FTS5
/// index (<see cref="CustomerSearchIndex"/>); pages are keyset pages, newest customer first (by id), so the hundredth
/// page of 100,000 customers costs what the first does. Ticket counts and timelines count only tickets the agent may see.
/// </summary>
public sealed class CustomerQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int PageSize = 50;

    public async Task<CustomerPage> ListAsync(AgentScope scope, string? search, int? after, int pageSize = PageSize)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        List<int> ids;
        if (db.Database.IsPostgres() && CustomerSearchTerms.Of(search) is { } terms)
        {
            ids = await PostgresCustomerSearch.PageAsync(db, terms, after ?? int.MaxValue, pageSize + 1);
        }
        else if (!db.Database.IsPostgres() && ToMatchQuery(search) is { } match)
        {
            var before = after ?? int.MaxValue;
            ids = await db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM CustomerSearch WHERE CustomerSearch MATCH {match} AND rowid < {before} ORDER BY rowid DESC LIMIT {pageSize + 1}")
                .ToListAsync();
        }
        else if (!string.IsNullOrWhiteSpace(search))
        {
            return new CustomerPage([], null);
        }
        else
        {
            var customers = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
            if (after is { } last)
            {
                customers = customers.Where(c => c.Id < last);
            }
            ids = await customers.OrderByDescending(c => c.Id).Select(c => c.Id).Take(pageSize + 1).ToListAsync();
        }
        var next = ids.Count > pageSize ? ids[pageSize - 1] : (int?)null;
        var pageIds = ids.Take(pageSize).ToList();
        var visible = db.Tickets.AsNoTracking().VisibleTo(scope);
        var rows = await db.Customers.AsNoTracking().Where(c => pageIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Email,
                Others = c.Contacts.Where(x => x.Kind == ContactKind.Email).OrderBy(x => x.Id).Select(x => x.Value).ToList(),
                c.Phone,
                c.Company,
                c.IsVip,
                c.IsVerified,
                Open = visible.Count(t => t.CustomerId == c.Id && OpenStatuses.Contains(t.Status)),
                Total = visible.Count(t => t.CustomerId == c.Id),
                LastContact = visible.Where(t => t.CustomerId == c.Id).Max(t => (DateTimeOffset?)t.LastActivityAt),
            })
            .ToListAsync();
        var byId = rows.ToDictionary(r => r.Id);
        return new CustomerPage(
            pageIds.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => new CustomerRow(
                r.Id, r.Name, r.Email is null ? r.Others : [r.Email, .. r.Others], r.Phone, r.Company, r.Open, r.Total, r.LastContact, r.IsVip, r.IsVerified))
                .ToList(),
            next);
    }

    /// <summary>The lookup as an agent types (name, any e-mail, phone, company): a few live customers, newest first.</summary>
    public async Task<IReadOnlyList<CustomerOption>> LookupAsync(string? search, int limit = 10)
    {
        if (ToMatchQuery(search) is not { } match)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = db.Database.IsPostgres()
            ? await PostgresCustomerSearch.NewestAsync(db, CustomerSearchTerms.Of(search)!, limit)
            : await db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM CustomerSearch WHERE CustomerSearch MATCH {match} ORDER BY rowid DESC LIMIT {limit}").ToListAsync();
        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CustomerOption(c.Id, c.Name, c.Email, c.Phone, c.Company, c.IsVerified, c.Language)).ToListAsync();
        return [.. rows.OrderByDescending(r => r.Id)];
    }

    public async Task<CustomerOption?> OptionAsync(int customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.MergedIntoId == null)
            .Select(c => new CustomerOption(c.Id, c.Name, c.Email, c.Phone, c.Company, c.IsVerified, c.Language)).FirstOrDefaultAsync();
    }

    /// <summary>The profile: the record, every address and number, its history, and every ticket of theirs the agent may see.</summary>
    public async Task<CustomerProfile?> ProfileAsync(AgentScope scope, int customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == customerId);
        if (customer is null)
        {
            return null;
        }
        var tickets = await db.Tickets.AsNoTracking().VisibleTo(scope).Where(t => t.CustomerId == customerId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ProfileTicket(t.Id, t.Number, t.Subject, t.Channel, t.Status, t.Priority, t.CreatedAt, t.LastActivityAt))
            .ToListAsync();
        var history = await db.CustomerEvents.AsNoTracking().Where(e => e.CustomerId == customerId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new CustomerHistoryEntry(e.CreatedAt, e.ActorAgent != null ? e.ActorAgent.DisplayName : null, e.Field, e.OldValue, e.NewValue))
            .ToListAsync();
        return new CustomerProfile(customer,
            CustomerService.AllOf(customer, ContactKind.Email).Select(c => new ContactLine(c.Value, c.Normalized, c.Value == customer.Email)).ToList(),
            CustomerService.AllOf(customer, ContactKind.Phone).Select(c => new ContactLine(c.Value, c.Normalized, c.Value == customer.Phone)).ToList(),
            tickets, history);
    }

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.OnHold];

    /// <summary>
    /// What an agent typed, as a safe FTS5 query (every word quoted, all required, the last as a prefix). A phone
    /// number typed with spaces or dashes also matches its bare digits ("600 12" finds "+34 600 123 456").
    /// </summary>
    internal static string? ToMatchQuery(string? text)
    {
        var words = TicketSearchQuery.Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        var query = string.Join(" ", words.Select((w, i) => i == words.Count - 1 ? $"{TicketSearchQuery.Quote(w)}*" : TicketSearchQuery.Quote(w)));
        var digits = new string(text!.Where(char.IsAsciiDigit).ToArray());
        var phoneLike = words.Count > 1 && digits.Length >= 3 && text!.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/');
        return phoneLike ? $"({query}) OR {TicketSearchQuery.Quote(digits)}*" : query;
    }
}

public sealed record CustomerPage(IReadOnlyList<CustomerRow> Rows, int? Next);

public sealed record CustomerRow(
    int Id, string Name, IReadOnlyList<string> Emails, string? Phone, string? Company, int OpenTickets, int TotalTickets,
    DateTimeOffset? LastContact, bool IsVip, bool IsVerified);

public sealed record CustomerOption(int Id, string Name, string? Email, string? Phone, string? Company, bool IsVerified, string Language)
{
    /// <summary>How the lookup shows a customer: name, then what tells two namesakes apart.</summary>
    public string Display => string.Join(" · ", new[] { Name, Email, Phone, Company }.Where(s => !string.IsNullOrEmpty(s)));

    public override string ToString() => Display;
}

public sealed record CustomerProfile(
    Customer Customer, IReadOnlyList<ContactLine> Emails, IReadOnlyList<ContactLine> Phones, IReadOnlyList<ProfileTicket> Tickets,
    IReadOnlyList<CustomerHistoryEntry> History);

public sealed record ContactLine(string Value, string Normalized, bool IsPrimary);

public sealed record ProfileTicket(
    int Id, int Number, string Subject, TicketChannel Channel, TicketStatus Status, TicketPriority Priority, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt);

/// <summary>One line of a customer's history; <see cref="ActorName"/> is null for the workspace's own changes.</summary>
public sealed record CustomerHistoryEntry(DateTimeOffset At, string? ActorName, string Field, string? OldValue, string? NewValue)
{
    public string AtText => At.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);
}
