using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// Who a portal visitor is, from the portal's own cookie (its own authentication scheme, never the agents' Identity
/// cookie, and only sent to /help). Two kinds of access, which may be held together:
/// <list type="bullet">
/// <item>signed in (a one-time e-mail link, or the site's signed identity): the customer records it proved, all their tickets;</item>
/// <item>ticket links (from notification e-mails): each grants one ticket of one customer, nothing else.</item>
/// </list>
/// </summary>
public sealed record PortalSession(IReadOnlyList<int> CustomerIds, IReadOnlyList<TicketGrant> Tickets)
{
    public const string Scheme = "Portal";
    public const string CookieName = "AgentWorkspace.Portal";
    private const string CustomerClaim = "aw:customer";
    private const string TicketClaim = "aw:ticket";

    /// <summary>Ticket links kept in one session; older ones fall out (the cookie must stay small).</summary>
    private const int MaxTicketGrants = 20;

    public static readonly PortalSession None = new([], []);

    public bool IsSignedIn => CustomerIds.Count > 0;

    public bool CanOpen(int ticketId, int ticketCustomerId) =>
        CustomerIds.Contains(ticketCustomerId) || Tickets.Any(t => t.TicketId == ticketId && t.CustomerId == ticketCustomerId);

    public static async Task<PortalSession> ReadAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded)
        {
            return None;
        }
        var claims = result.Principal.Claims.ToList();
        var customers = claims.Where(c => c.Type == CustomerClaim)
            .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var tickets = claims.Where(c => c.Type == TicketClaim).Select(c => TicketGrant.Parse(c.Value)).OfType<TicketGrant>().ToList();
        return new PortalSession(customers, tickets);
    }

    /// <summary>Signed in as these customers; ticket links opened before stay usable.</summary>
    public PortalSession SignedInAs(IReadOnlyList<int> customerIds) => new(customerIds, Tickets);

    /// <summary>One more ticket this session may open.</summary>
    public PortalSession WithTicket(TicketGrant grant) =>
        new(CustomerIds, Tickets.Where(t => t.TicketId != grant.TicketId).Append(grant).TakeLast(MaxTicketGrants).ToList());

    public async Task SaveAsync(HttpContext context, TimeSpan lifetime, DateTimeOffset now)
    {
        var identity = new ClaimsIdentity(Scheme);
        identity.AddClaims(CustomerIds.Distinct().Select(id => new Claim(CustomerClaim, id.ToString(CultureInfo.InvariantCulture))));
        identity.AddClaims(Tickets.Select(t => new Claim(TicketClaim, t.ToString())));
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = true,
            IssuedUtc = now,
            ExpiresUtc = now + lifetime,
            AllowRefresh = false,
        });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);
}

/// <summary>One ticket of one customer: if the ticket ever belonged to someone else, the grant opens nothing.</summary>
public sealed record TicketGrant(int TicketId, int CustomerId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TicketId}:{CustomerId}");

    public static TicketGrant? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticket)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var customer)
            ? new TicketGrant(ticket, customer)
            : null;
    }
}
