using AgentWorkspace.Components.Markdown;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Api;

/// <summary>
/// The API's reads (always through <see cref="ApiCaller.Visible"/>) and the customer look-up of ticket creation.
/// Changes to tickets themselves go through <see cref="TicketService"/>.
/// </summary>
public sealed class ApiTicketStore(IDbContextFactory<AppDbContext> dbFactory, SlaClock slaClock, TimeProvider clock)
{
    /// <summary>The current values of a ticket the caller may see: the Expected values of the commands a PATCH issues.</summary>
    public async Task<TicketSnapshot?> FindAsync(ApiCaller caller, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await caller.Visible(db.Tickets.AsNoTracking()).Where(t => t.Number == number)
            .Select(t => new TicketSnapshot(t.Id, t.Number, t.CustomerId, t.Status, t.Priority, t.AssigneeId, t.Version) { OwnerId = t.OwnerId })
            .FirstOrDefaultAsync();
    }

    public async Task<TicketResponse?> GetAsync(ApiCaller caller, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await caller.Visible(db.Tickets.AsNoTracking())
            .Include(t => t.Customer).Include(t => t.Team).Include(t => t.Assignee).Include(t => t.Owner).Include(t => t.Tags)
            .FirstOrDefaultAsync(t => t.Number == number);
        if (ticket is null)
        {
            return null;
        }
        var followers = await db.TicketFollowers.Where(f => f.TicketId == ticket.Id).OrderBy(f => f.Agent.DisplayName)
            .Select(f => new NamedRef(f.AgentId, f.Agent.DisplayName)).ToListAsync();
        var followUpOf = ticket.FollowUpOfId is { } original
            ? await db.Tickets.Where(t => t.Id == original).Select(t => (int?)t.Number).FirstOrDefaultAsync()
            : null;
        var messages = await Rows(db.Messages.Where(m => m.TicketId == ticket.Id).OrderBy(m => m.Seq)).ToListAsync();
        return new TicketResponse(
            ticket.Number, ticket.Subject, ticket.Status, ticket.Priority, ticket.Channel,
            ticket.Category, ticket.Language, ticket.Tier, ticket.Version,
            new CustomerResponse(ticket.Customer.Id, ticket.Customer.Name, ticket.Customer.Email, ticket.Customer.Language),
            ticket.Assignee is { } a ? new NamedRef(a.Id, a.DisplayName) : null,
            ticket.Team is { } team ? new TeamRef(team.Id, team.Name) : null,
            ticket.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            ticket.CreatedAt, ticket.UpdatedAt, ticket.LastActivityAt, ticket.WaitingSince,
            ticket.ResolvedAt, ticket.ClosedAt, followUpOf,
            ticket.FirstResponseAt, ticket.FirstResponseAt is { } first ? (long)(first - ticket.CreatedAt).TotalSeconds : null,
            SlaTargetResponse.From(await slaClock.ForTicketAsync(ticket.Id)),
            messages.Select(ToResponse).ToList())
        {
            Owner = ticket.Owner is { } o ? new NamedRef(o.Id, o.DisplayName) : null,
            Followers = followers,
        };
    }

    public async Task<MessageResponse> GetMessageAsync(long messageId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return ToResponse(await Rows(db.Messages.Where(m => m.Id == messageId)).SingleAsync());
    }

    /// <summary>
    /// The customer with this email (compared on <see cref="CustomerEmail.Normalize"/>), created when there is none.
    /// <paramref name="email"/> and <paramref name="name"/> have passed the text policy.
    /// </summary>
    public async Task<int> FindOrCreateCustomerAsync(string email, string? name, string language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // An IMMEDIATE transaction: two simultaneous first tickets from one new address make one customer.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var normalized = CustomerEmail.Normalize(email) ?? throw new ArgumentException("An address is required.", nameof(email));
        var existing = await db.Customers.WithEmail(db, normalized)
            .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }
        var customer = new Customer
        {
            Email = email,
            Name = name ?? email[..email.LastIndexOf('@')],
            Language = language,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return customer.Id;
    }

    /// <summary>The first response time and SLA of a page of tickets, by ticket id, in two indexed reads.</summary>
    public async Task<IReadOnlyDictionary<int, (DateTimeOffset? FirstResponseAt, SlaResponse? Sla)>> SlaOfAsync(IReadOnlyCollection<int> ticketIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var firstResponses = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
            .Select(t => new { t.Id, t.FirstResponseAt }).ToDictionaryAsync(t => t.Id, t => t.FirstResponseAt);
        var slas = await slaClock.ForTicketsAsync(ticketIds);
        return firstResponses.ToDictionary(f => f.Key, f => (f.Value, SlaTargetResponse.From(slas.GetValueOrDefault(f.Key))));
    }

    /// <summary>The owners of a page of tickets, by ticket id (read by id here: the inbox's rows don't carry the owner's name).</summary>
    public async Task<IReadOnlyDictionary<int, NamedRef>> OwnersOfAsync(IReadOnlyCollection<int> ticketIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id) && t.Owner != null)
            .Select(t => new { t.Id, OwnerId = t.OwnerId!, t.Owner!.DisplayName })
            .ToDictionaryAsync(t => t.Id, t => new NamedRef(t.OwnerId, t.DisplayName));
    }

    /// <summary>An active or deactivated agent's id from their id or email; null when no agent matches.</summary>
    public async Task<string?> ResolveAgentAsync(string idOrEmail)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var value = idOrEmail.Trim();
        var normalized = value.ToUpperInvariant();
        return await db.Users.Where(a => a.Id == value || a.NormalizedEmail == normalized).Select(a => a.Id).FirstOrDefaultAsync();
    }

    /// <summary>A team's id from its id or name (case-insensitive); null when no team matches.</summary>
    public async Task<int?> ResolveTeamAsync(string idOrName)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var value = idOrName.Trim();
        if (int.TryParse(value, out var id))
        {
            return await db.Teams.AnyAsync(t => t.Id == id) ? id : null;
        }
        var lowered = value.ToLowerInvariant();
#pragma warning disable CA1862 // SQL, not .NET: EF translates ToLower() to SQLite's lower(); string.Equals(..., comparison) does not translate.
        return await db.Teams.Where(t => t.Name.ToLower() == lowered).Select(t => (int?)t.Id).FirstOrDefaultAsync();
#pragma warning restore CA1862
    }

    private static IQueryable<MessageRow> Rows(IQueryable<Message> messages) =>
        messages.AsNoTracking().Select(m => new MessageRow(
            m.Id, m.Seq, m.AuthorKind,
            m.AuthorKind == AuthorKind.Agent ? (m.AuthorAgentId == null ? "Automatic reply" : m.AuthorAgent!.DisplayName) : m.AuthorKind == AuthorKind.Customer ? m.AuthorCustomer!.Name : "System",
            m.Visibility, m.Body, m.ClientMessageId, m.CreatedAt));

    private static MessageResponse ToResponse(MessageRow m) =>
        new(m.Id, m.Seq, m.AuthorKind, m.AuthorName, m.Visibility, m.Body, MarkdownRenderer.ToHtml(m.Body), m.ClientMessageId, m.CreatedAt);

    private sealed record MessageRow(
        long Id, int Seq, AuthorKind AuthorKind, string AuthorName, MessageVisibility Visibility,
        string Body, string? ClientMessageId, DateTimeOffset CreatedAt);
}

public sealed record TicketSnapshot(
    int Id, int Number, int CustomerId, TicketStatus Status, TicketPriority Priority, string? AssigneeId, long Version)
{
    public string? OwnerId { get; init; }
}
