using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// Every change agents make to customer records goes through here: each in one IMMEDIATE SQLite transaction, each
/// field change recorded in the customer's history (who, when, old → new), live updates published after the commit.
/// The customer directory is shared by all agents (a phone call can come from anyone); which of a customer's tickets
/// an agent sees is still decided by <see cref="TicketVisibility"/>.
/// </summary>
public sealed partial class CustomerService(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const int MaxCompanyLength = 200;
    public const int MaxNotesLength = 4000;

    /// <summary>A new customer typed by an agent (the new-ticket screen): a name and an e-mail address and/or a phone number.</summary>
    public async Task<CustomerResult> CreateAsync(AgentScope scope, NewCustomer input)
    {
        var name = TextInput.Line(input.Name, "The name", MaxNameLength);
        var email = CustomerEmail.Clean(input.Email, required: false);
        var phone = CustomerPhone.Clean(input.Phone, required: false);
        var company = TextInput.Line(input.Company, "The company", MaxCompanyLength, required: false);
        if (FirstError(name, email, phone, company) is { } error)
        {
            return CustomerResult.Invalid(error);
        }
        if (email.Value is null && phone.Value is null)
        {
            return CustomerResult.Invalid("Give an e-mail address or a phone number, so the customer can be found again.");
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (email.Value is not null && await AddressTakenAsync(db, CustomerEmail.Normalize(email.Value)!, exceptCustomerId: null) is { } taken)
        {
            return CustomerResult.Invalid(taken);
        }
        var now = clock.GetUtcNow();
        var customer = new Customer
        {
            Name = name.Value!,
            Email = email.Value,
            Phone = phone.Value,
            Company = company.Value,
            Language = input.Language is "es" ? "es" : "en",
            CreatedAt = now,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        new CustomerHistory(db, customer.Id, scope.AgentId, now).Record("Created", null, customer.Name);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        notifier.Publish(new CustomerChanged(customer.Id));
        return CustomerResult.Ok(customer.Id, customer.Version);
    }

    /// <summary>
    /// Saves the profile's fields. Refused as a conflict when the record changed since <paramref name="expectedVersion"/>
    /// (checked in the same transaction): nothing someone else saved meanwhile is overwritten unseen.
    /// </summary>
    public async Task<CustomerResult> UpdateAsync(AgentScope scope, int customerId, long expectedVersion, CustomerEdit edit)
    {
        var name = TextInput.Line(edit.Name, "The name", MaxNameLength);
        var company = TextInput.Line(edit.Company, "The company", MaxCompanyLength, required: false);
        var notes = TextInput.Lines(edit.Notes, "The notes", MaxNotesLength, required: false);
        if (FirstError(name, company, notes) is { } error)
        {
            return CustomerResult.Invalid(error);
        }
        if (edit.Language is not ("en" or "es"))
        {
            return CustomerResult.Invalid("The language is English (en) or Spanish (es).");
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await LiveCustomerAsync(db, customerId);
        if (customer is null)
        {
            return CustomerResult.NotFound;
        }
        if (customer.Version != expectedVersion)
        {
            return CustomerResult.Conflict(customer.Version);
        }
        var now = clock.GetUtcNow();
        var history = new CustomerHistory(db, customer.Id, scope.AgentId, now);
        var notesText = notes.Value?.Trim();
        history.Record("Name", customer.Name, name.Value);
        history.Record("Company", customer.Company, company.Value);
        history.Record("Language", customer.Language, edit.Language);
        history.Record("VIP", YesNo(customer.IsVip), YesNo(edit.IsVip));
        history.Record("Notes", customer.Notes, string.IsNullOrEmpty(notesText) ? null : notesText);
        if (!history.Changed)
        {
            return CustomerResult.Ok(customer.Id, customer.Version);
        }
        var ticketsShowIt = customer.Name != name.Value || customer.IsVip != edit.IsVip;
        customer.Name = name.Value!;
        customer.Company = company.Value;
        customer.Language = edit.Language;
        customer.IsVip = edit.IsVip;
        customer.Notes = string.IsNullOrEmpty(notesText) ? null : notesText;
        await db.SaveChangesAsync();
        if (ticketsShowIt)
        {
            await TicketSearchIndex.UpdateCustomerAsync(db, customer.Id);
        }
        await transaction.CommitAsync();
        await PublishAsync(customer.Id, ticketsShowIt);
        return CustomerResult.Ok(customer.Id, customer.Version);
    }

    /// <summary>Adds an e-mail address or phone number; the first of its kind becomes the primary one.</summary>
    public async Task<CustomerResult> AddContactAsync(AgentScope scope, int customerId, ContactKind kind, string? raw)
    {
        var cleaned = kind == ContactKind.Email ? CustomerEmail.Clean(raw, required: true) : CustomerPhone.Clean(raw, required: true);
        if (!cleaned.IsValid)
        {
            return CustomerResult.Invalid(cleaned.Error!);
        }
        var value = cleaned.Value!;
        var normalized = Normalize(kind, value)!;
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await LiveCustomerAsync(db, customerId);
        if (customer is null)
        {
            return CustomerResult.NotFound;
        }
        if (AllOf(customer, kind).Any(c => c.Normalized == normalized))
        {
            return CustomerResult.Invalid(kind == ContactKind.Email ? "This customer already has that e-mail address." : "This customer already has that phone number.");
        }
        if (kind == ContactKind.Email && await AddressTakenAsync(db, normalized, customer.Id) is { } taken)
        {
            return CustomerResult.Invalid(taken);
        }
        var now = clock.GetUtcNow();
        new CustomerHistory(db, customer.Id, scope.AgentId, now).Record(FieldOf(kind), null, value);
        var primaryChanged = false;
        if (Primary(customer, kind) is null)
        {
            SetPrimary(customer, kind, value);
            primaryChanged = kind == ContactKind.Email;
        }
        else
        {
            customer.Contacts.Add(new CustomerContact { Kind = kind, Value = value, Normalized = normalized, CreatedAt = now });
        }
        return await CommitContactsAsync(db, transaction, customer, primaryEmailChanged: primaryChanged);
    }

    /// <summary>Removes an address or number; removing the primary one promotes the oldest other one of its kind.</summary>
    public async Task<CustomerResult> RemoveContactAsync(AgentScope scope, int customerId, ContactKind kind, string normalized)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await LiveCustomerAsync(db, customerId);
        if (customer is null)
        {
            return CustomerResult.NotFound;
        }
        var now = clock.GetUtcNow();
        var history = new CustomerHistory(db, customer.Id, scope.AgentId, now);
        var primaryChanged = false;
        if (Normalize(kind, Primary(customer, kind)) == normalized)
        {
            history.Record(FieldOf(kind), Primary(customer, kind), null);
            var next = customer.Contacts.Where(c => c.Kind == kind).OrderBy(c => c.Id).FirstOrDefault();
            SetPrimary(customer, kind, next?.Value);
            if (next is not null)
            {
                customer.Contacts.Remove(next);
            }
            primaryChanged = kind == ContactKind.Email;
        }
        else if (customer.Contacts.FirstOrDefault(c => c.Kind == kind && c.Normalized == normalized) is { } contact)
        {
            history.Record(FieldOf(kind), contact.Value, null);
            customer.Contacts.Remove(contact);
        }
        else
        {
            return CustomerResult.Ok(customer.Id, customer.Version);
        }
        return await CommitContactsAsync(db, transaction, customer, primaryEmailChanged: primaryChanged);
    }

    /// <summary>Makes a further address (or number) the primary one: the one replies and notifications go to.</summary>
    public async Task<CustomerResult> MakePrimaryAsync(AgentScope scope, int customerId, ContactKind kind, string normalized)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await LiveCustomerAsync(db, customerId);
        if (customer is null)
        {
            return CustomerResult.NotFound;
        }
        if (customer.Contacts.FirstOrDefault(c => c.Kind == kind && c.Normalized == normalized) is not { } contact)
        {
            return CustomerResult.Ok(customer.Id, customer.Version);
        }
        var now = clock.GetUtcNow();
        var previous = Primary(customer, kind);
        new CustomerHistory(db, customer.Id, scope.AgentId, now).Record(kind == ContactKind.Email ? "Primary e-mail" : "Primary phone", previous, contact.Value);
        customer.Contacts.Remove(contact);
        // Removed first and saved, so the unique (customer, kind, address) index never sees the swap half done.
        await db.SaveChangesAsync();
        SetPrimary(customer, kind, contact.Value);
        if (previous is not null)
        {
            customer.Contacts.Add(new CustomerContact { Kind = kind, Value = previous, Normalized = Normalize(kind, previous)!, CreatedAt = now });
        }
        return await CommitContactsAsync(db, transaction, customer, primaryEmailChanged: kind == ContactKind.Email);
    }

    /// <summary>
    /// Why this address can't be given to a customer: another live customer has it (named, since every agent may see
    /// the customer directory). Addresses the channels stored by themselves may repeat (a verified account and an
    /// unverified visitor typing the same address are two records until an agent merges them); agents' edits may not.
    /// </summary>
    private static async Task<string?> AddressTakenAsync(AppDbContext db, string normalized, int? exceptCustomerId)
    {
        var other = await db.Customers.AsNoTracking().WithEmail(db, normalized).Where(c => c.Id != exceptCustomerId)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync();
        return other is null ? null : $"This e-mail address belongs to another customer: {other.Name} (#{other.Id}). Open that customer, or merge the two.";
    }

    private static Task<Customer?> LiveCustomerAsync(AppDbContext db, int customerId) =>
        db.Customers.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null);

    /// <summary>A change to a customer's addresses alone touches no column of the row: its version still moves, so open editors see it.</summary>
    /// <summary>
    /// Saves a change to a customer's addresses or numbers and commits it; a new primary e-mail is what ticket search and
    /// ticket screens show, so it also refreshes the tickets' search rows and tells their screens.
    /// </summary>
    private async Task<CustomerResult> CommitContactsAsync(
        AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Customer customer, bool primaryEmailChanged)
    {
        Touch(db, customer);
        await db.SaveChangesAsync();
        if (primaryEmailChanged)
        {
            await TicketSearchIndex.UpdateCustomerAsync(db, customer.Id);
        }
        await transaction.CommitAsync();
        await PublishAsync(customer.Id, primaryEmailChanged);
        return CustomerResult.Ok(customer.Id, customer.Version);
    }

    private static void Touch(AppDbContext db, Customer customer)
    {
        var entry = db.Entry(customer);
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }

    /// <summary>After the commit: profiles follow the customer; inbox rows, ticket pages and SLA clocks follow their tickets.</summary>
    private async Task PublishAsync(int customerId, bool ticketsShowIt)
    {
        notifier.Publish(new CustomerChanged(customerId));
        if (!ticketsShowIt)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.CustomerId == customerId)
            .Select(t => new { t.Id, t.Number, t.TeamId, t.AssigneeId }).ToListAsync();
        foreach (var t in tickets)
        {
            notifier.Publish(new TicketChanged(t.Id, t.Number, t.TeamId, t.AssigneeId, null));
        }
    }

    internal static IEnumerable<(string Value, string Normalized)> AllOf(Customer customer, ContactKind kind)
    {
        if (Primary(customer, kind) is { } primary && Normalize(kind, primary) is { } normalized)
        {
            yield return (primary, normalized);
        }
        foreach (var contact in customer.Contacts.Where(c => c.Kind == kind).OrderBy(c => c.Id))
        {
            yield return (contact.Value, contact.Normalized);
        }
    }

    internal static string? Primary(Customer customer, ContactKind kind) => kind == ContactKind.Email ? customer.Email : customer.Phone;

    private static void SetPrimary(Customer customer, ContactKind kind, string? value)
    {
        if (kind == ContactKind.Email)
        {
            customer.Email = value;
        }
        else
        {
            customer.Phone = value;
        }
    }

    internal static string? Normalize(ContactKind kind, string? value) =>
        kind == ContactKind.Email ? CustomerEmail.Normalize(value) : CustomerPhone.Normalize(value);

    private static string FieldOf(ContactKind kind) => kind == ContactKind.Email ? "E-mail" : "Phone";

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string? FirstError(params CleanText[] texts) => texts.FirstOrDefault(t => !t.IsValid).Error;
}

public sealed record NewCustomer(string? Name, string? Email, string? Phone, string? Company = null, string? Language = null);

public sealed record CustomerEdit(string? Name, string? Company, string Language, bool IsVip, string? Notes);

public sealed record CustomerResult(CommandOutcome Outcome, string? Error, int? CustomerId, long? Version = null)
{
    public bool Succeeded => Outcome == CommandOutcome.Ok;

    public static CustomerResult Ok(int id, long version) => new(CommandOutcome.Ok, null, id, version);
    public static CustomerResult Invalid(string error) => new(CommandOutcome.Invalid, error, null);
    public static readonly CustomerResult NotFound = new(CommandOutcome.NotFound, "There is no such customer (or it was merged into another).", null);

    public static CustomerResult Conflict(long version) =>
        new(CommandOutcome.Conflict, "Someone else changed this customer meanwhile. Review the profile and try again.", null, version);
}

/// <summary>Collects the audit lines of one change to a customer.</summary>
internal sealed class CustomerHistory(AppDbContext db, int customerId, string? actorAgentId, DateTimeOffset now)
{
    public bool Changed { get; private set; }

    public void Record(string field, string? oldValue, string? newValue)
    {
        if (oldValue == newValue)
        {
            return;
        }
        Changed = true;
        db.CustomerEvents.Add(new CustomerEvent
        {
            CustomerId = customerId,
            ActorAgentId = string.IsNullOrEmpty(actorAgentId) ? null : actorAgentId,
            Field = field,
            OldValue = Shorten(oldValue),
            NewValue = Shorten(newValue),
            CreatedAt = now,
        });
    }

    private static string? Shorten(string? value) =>
        value is null || value.Length <= CustomerEvent.MaxValueLength ? value
            : value[..(char.IsHighSurrogate(value[CustomerEvent.MaxValueLength - 2]) ? CustomerEvent.MaxValueLength - 2 : CustomerEvent.MaxValueLength - 1)] + "…";
}
