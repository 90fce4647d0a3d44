using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Customers;

public sealed partial class CustomerService
{
    /// <summary>
    /// What merging <paramref name="mergedId"/> into <paramref name="survivorId"/> would do, or why it can't be done.
    /// Nothing is ever merged without an agent confirming this preview: there is no automatic merging anywhere.
    /// </summary>
    public async Task<MergePreview> PreviewMergeAsync(AgentScope scope, int survivorId, int mergedId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (survivor, merged, refusal) = await LoadPairAsync(db, survivorId, mergedId, tracking: false);
        if (refusal is not null)
        {
            return new MergePreview(survivor is null ? null : Summary(survivor), merged is null ? null : Summary(merged), 0, 0, [], [], false, [], false, refusal);
        }
        var tickets = await db.Tickets.AsNoTracking().CountAsync(t => t.CustomerId == merged!.Id);
        var visible = await db.Tickets.AsNoTracking().VisibleTo(scope).CountAsync(t => t.CustomerId == merged!.Id);
        var plan = MergePlan.For(survivor!, merged!);
        return new MergePreview(Summary(survivor!), Summary(merged!), tickets, visible,
            plan.NewContacts.Where(c => c.Kind == ContactKind.Email).Select(c => c.Value).ToList(),
            plan.NewContacts.Where(c => c.Kind == ContactKind.Phone).Select(c => c.Value).ToList(),
            !string.IsNullOrWhiteSpace(merged!.Notes), plan.Values, NeedsTakeoverConfirmation(survivor!, merged), null);
    }

    /// <summary>
    /// Moves everything of <paramref name="mergedId"/> (tickets, their messages and chats, addresses, numbers, notes) to
    /// <paramref name="survivorId"/> in one transaction. The merged record stays as a tombstone pointing at the survivor,
    /// and the survivor's history says what was merged. A verified customer taking over an unverified visitor's tickets
    /// needs <paramref name="confirmedTakeover"/>: the visitor proved nothing, so a person must have checked.
    /// </summary>
    public async Task<CustomerResult> MergeAsync(AgentScope scope, int survivorId, int mergedId, bool confirmedTakeover)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (survivor, merged, refusal) = await LoadPairAsync(db, survivorId, mergedId, tracking: true);
        if (refusal is not null)
        {
            return survivor is null || merged is null ? CustomerResult.NotFound with { Error = refusal } : CustomerResult.Invalid(refusal);
        }
        if (NeedsTakeoverConfirmation(survivor!, merged!) && !confirmedTakeover)
        {
            return CustomerResult.Invalid($"{survivor!.Name} is verified by your site and {merged!.Name} is not: confirm that they are the same person before the verified customer takes over these tickets.");
        }
        var now = clock.GetUtcNow();
        var plan = MergePlan.For(survivor!, merged!);
        var history = new CustomerHistory(db, survivor!.Id, scope.AgentId, now);
        var moving = await db.Tickets.AsNoTracking().Where(t => t.CustomerId == merged!.Id)
            .Select(t => new { t.Id, t.Number, t.TeamId, t.AssigneeId }).ToListAsync();

        // The merged record's rows go first: the unique (customer, kind, address) index must never see an address twice.
        db.CustomerContacts.RemoveRange(merged!.Contacts);
        merged.Email = null;
        merged.Phone = null;
        merged.MergedIntoId = survivor.Id;
        merged.MergedAt = now;
        await db.SaveChangesAsync();

        foreach (var value in plan.Values.Where(v => v.Result != v.Survivor))
        {
            history.Record(value.Field, value.Survivor, value.Result);
        }
        var vipChanged = survivor.IsVip != plan.IsVip;
        survivor.Company = plan.Company;
        survivor.IsVip = plan.IsVip;
        survivor.Notes = plan.Notes;
        if (survivor.Email is null && plan.Email is not null)
        {
            survivor.Email = plan.Email;
        }
        if (survivor.Phone is null && plan.Phone is not null)
        {
            survivor.Phone = plan.Phone;
        }
        foreach (var contact in plan.NewContacts.Where(c => !IsPrimary(survivor, c)))
        {
            survivor.Contacts.Add(new CustomerContact { Kind = contact.Kind, Value = contact.Value, Normalized = contact.Normalized, CreatedAt = now });
        }
        history.Record("Merged", $"{merged.Name} (#{merged.Id})",
            $"{moving.Count} ticket(s), {plan.NewContacts.Count(c => c.Kind == ContactKind.Email)} e-mail(s), {plan.NewContacts.Count(c => c.Kind == ContactKind.Phone)} phone(s)");
        new CustomerHistory(db, merged.Id, scope.AgentId, now).Record("Merged into", null, $"{survivor.Name} (#{survivor.Id})");
        Touch(db, survivor);

        foreach (var ticket in moving)
        {
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id,
                ActorKind = AuthorKind.Agent,
                ActorAgentId = scope.AgentId,
                Field = "Customer",
                OldValue = $"{merged.Name} (#{merged.Id})",
                NewValue = $"{survivor.Name} (#{survivor.Id})",
                Reason = "Customers merged",
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        var survivorKey = survivor.Id;
        var mergedKey = merged.Id;
        await db.Tickets.Where(t => t.CustomerId == mergedKey)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, survivorKey).SetProperty(t => t.UpdatedAt, now).SetProperty(t => t.Version, t => t.Version + 1));
        await db.Messages.Where(m => m.AuthorCustomerId == mergedKey).ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorCustomerId, survivorKey));
        await db.ChatConversations.Where(c => c.CustomerId == mergedKey).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, survivorKey));
        await TicketSearchIndex.UpdateCustomerAsync(db, survivorKey);
        await transaction.CommitAsync();

        // Open pages of the merged record move to the survivor; moved tickets' pages, inbox rows and SLA clocks follow
        // (a VIP survivor's policy now applies to them); a survivor that became VIP re-evaluates all its tickets.
        notifier.Publish(new CustomerChanged(mergedKey, survivorKey));
        foreach (var ticket in moving)
        {
            notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, scope.AgentId));
        }
        await PublishAsync(survivorKey, ticketsShowIt: vipChanged);
        return CustomerResult.Ok(survivorKey, survivor.Version);
    }

    /// <summary>A verified customer would take over an unverified visitor's tickets: only on a person's explicit word.</summary>
    private static bool NeedsTakeoverConfirmation(Customer survivor, Customer merged) => survivor.IsVerified && !merged.IsVerified;

    private static async Task<(Customer? Survivor, Customer? Merged, string? Refusal)> LoadPairAsync(AppDbContext db, int survivorId, int mergedId, bool tracking)
    {
        var query = tracking ? db.Customers : db.Customers.AsNoTracking();
        var pair = await query.Include(c => c.Contacts).Where(c => c.Id == survivorId || c.Id == mergedId).ToListAsync();
        var survivor = pair.FirstOrDefault(c => c.Id == survivorId);
        var merged = pair.FirstOrDefault(c => c.Id == mergedId);
        var refusal =
            survivorId == mergedId ? "A customer can't be merged with itself."
            : survivor is null || merged is null ? "There is no such customer."
            : survivor.MergedIntoId is { } s ? $"{survivor.Name} was already merged into customer #{s}."
            : merged.MergedIntoId is { } m ? $"{merged.Name} was already merged into customer #{m}."
            : survivor.IsVerified && merged.IsVerified ? "Both customers are verified by your site: they are two accounts there, so they can't be merged here."
            : merged.IsVerified ? $"{merged.Name} is verified by your site: the verified record is the one that stays. Merge the other way round."
            : null;
        return (survivor, merged, refusal);
    }

    private static bool IsPrimary(Customer customer, (ContactKind Kind, string Value, string Normalized) contact) =>
        Normalize(contact.Kind, Primary(customer, contact.Kind)) == contact.Normalized;

    private static MergeCustomer Summary(Customer c) =>
        new(c.Id, c.Name, c.Email, c.Phone, c.Company, c.IsVerified, c.IsVip, c.MergedIntoId);
}

/// <summary>The values a merge produces: the survivor's where it has one, the merged record's where it has none.</summary>
internal sealed record MergePlan(
    string? Email, string? Phone, string? Company, bool IsVip, string? Notes,
    IReadOnlyList<(ContactKind Kind, string Value, string Normalized)> NewContacts, IReadOnlyList<MergeValue> Values)
{
    public static MergePlan For(Customer survivor, Customer merged)
    {
        var email = survivor.Email ?? merged.Email;
        var phone = survivor.Phone ?? merged.Phone;
        var company = survivor.Company ?? merged.Company;
        var isVip = survivor.IsVip || merged.IsVip;
        var notes = (survivor.Notes, merged.Notes) switch
        {
            (null, var theirs) => theirs,
            (var ours, null) => ours,
            var (ours, theirs) => Limit($"{ours}\n\n({merged.Name}, #{merged.Id}:) {theirs}"),
        };
        var known = Enum.GetValues<ContactKind>().SelectMany(k => CustomerService.AllOf(survivor, k).Select(c => (k, c.Normalized))).ToHashSet();
        var contacts = new List<(ContactKind, string, string)>();
        foreach (var kind in Enum.GetValues<ContactKind>())
        {
            foreach (var (value, normalized) in CustomerService.AllOf(merged, kind))
            {
                if (known.Add((kind, normalized)))
                {
                    contacts.Add((kind, value, normalized));
                }
            }
        }
        MergeValue[] values =
        [
            new("Name", survivor.Name, merged.Name, survivor.Name),
            new("E-mail", survivor.Email, merged.Email, email),
            new("Phone", survivor.Phone, merged.Phone, phone),
            new("Company", survivor.Company, merged.Company, company),
            new("Language", survivor.Language, merged.Language, survivor.Language),
            new("VIP", survivor.IsVip ? "Yes" : "No", merged.IsVip ? "Yes" : "No", isVip ? "Yes" : "No"),
        ];
        return new MergePlan(email, phone, company, isVip, notes, contacts, values);
    }

    private static string Limit(string notes) =>
        notes.Length <= CustomerService.MaxNotesLength ? notes : notes[..(CustomerService.MaxNotesLength - 1)] + "…";
}

/// <summary>One field of a merge: the survivor's value, the merged record's, and the one kept.</summary>
public sealed record MergeValue(string Field, string? Survivor, string? Merged, string? Result);

public sealed record MergeCustomer(int Id, string Name, string? Email, string? Phone, string? Company, bool IsVerified, bool IsVip, int? MergedIntoId);

public sealed record MergePreview(
    MergeCustomer? Survivor, MergeCustomer? Merged, int Tickets, int VisibleTickets, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    bool NotesMove, IReadOnlyList<MergeValue> Values, bool NeedsTakeoverConfirmation, string? Refusal)
{
    public bool CanMerge => Refusal is null;
}
