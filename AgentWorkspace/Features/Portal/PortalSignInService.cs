using System.Security.Cryptography;
using System.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// Signing customers in to the portal: by a one-time link e-mailed to a known address, or by the site's signed identity
/// (the same token the widget accepts). Asking for a link answers the same whether or not the address is a customer's
/// (no account enumeration); asking too often, per address or per client, is refused whatever the address.
/// </summary>
public sealed class PortalSignInService(
    IDbContextFactory<AppDbContext> dbFactory, PortalThrottle throttle, PortalMailSender sender, IdentityVerifier identities,
    IOptionsMonitor<PortalOptions> options, TimeProvider clock)
{
    private const string TokenPrefix = "aws_";

    public async Task<SignInRequestOutcome> RequestLinkAsync(string? rawEmail, string language, string client)
    {
        var email = CustomerEmail.Clean(rawEmail, required: true);
        if (!email.IsValid || CustomerEmail.Normalize(email.Value) is not { } normalized)
        {
            return SignInRequestOutcome.InvalidAddress;
        }
        var limits = options.CurrentValue.RateLimits;
        if (!throttle.TryAcquire(limits.Window, ("sign-in:address:" + normalized, limits.SignInPerAddress), ("sign-in:client:" + client, limits.SignInPerClient)))
        {
            return SignInRequestOutcome.TooMany;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await Customers(db, normalized).OrderBy(c => c.Id).Select(c => new { c.Email, c.Name }).FirstOrDefaultAsync();
        if (customer?.Email is { } address)
        {
            var now = clock.GetUtcNow();
            db.PortalSignIns.Add(new PortalSignIn
            {
                NormalizedEmail = normalized,
                Recipient = address,
                RecipientName = customer.Name,
                Language = language is "es" ? "es" : "en",
                RequestedAt = now,
                NextAttemptAt = now,
                State = PortalMailState.Queued,
            });
            await db.SaveChangesAsync();
            sender.Wake();
        }
        return SignInRequestOutcome.Accepted;
    }

    /// <summary>Uses a link's token (once): the customers it signs in, or why not.</summary>
    public async Task<SignInRedeemResult> RedeemAsync(string? token)
    {
        if (HashOf(token) is not { } hash)
        {
            return new SignInRedeemResult(SignInLinkState.Invalid, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.PortalSignIns.AsNoTracking().Where(s => s.TokenHash == hash)
            .Select(s => new { s.Id, s.NormalizedEmail, s.ExpiresAt, s.UsedAt }).FirstOrDefaultAsync();
        var now = clock.GetUtcNow();
        if (row is null)
        {
            return new SignInRedeemResult(SignInLinkState.Invalid, []);
        }
        if (row.UsedAt is not null)
        {
            return new SignInRedeemResult(SignInLinkState.Used, []);
        }
        if (row.ExpiresAt is not { } expires || expires <= now)
        {
            return new SignInRedeemResult(SignInLinkState.Expired, []);
        }
        // One UPDATE decides: of two requests with the same link, exactly one finds it unused.
        var claimed = await db.PortalSignIns.Where(s => s.Id == row.Id && s.UsedAt == null && s.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now));
        if (claimed != 1)
        {
            return new SignInRedeemResult(SignInLinkState.Used, []);
        }
        var customers = await Customers(db, row.NormalizedEmail).Select(c => c.Id).ToListAsync();
        return customers.Count == 0
            ? new SignInRedeemResult(SignInLinkState.Invalid, [])
            : new SignInRedeemResult(SignInLinkState.Valid, customers);
    }

    /// <summary>The site's signed identity (<see cref="IdentityVerifier"/>): that site user's customer record, made on first use.</summary>
    public async Task<int?> SignInWithIdentityAsync(string? identityToken)
    {
        if (identities.Verify(identityToken, out _) is not { } verified)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Customers.Where(c => c.ExternalId == verified.ExternalId).Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } known)
        {
            return known;
        }
        var email = CustomerEmail.Clean(verified.Email, required: false);
        var customer = new Customer
        {
            Name = string.IsNullOrWhiteSpace(verified.Name) ? (email.Value ?? "Customer") : verified.Name.Trim(),
            Email = email.IsValid ? email.Value : null,
            IsVerified = true,
            ExternalId = verified.ExternalId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync();
            return customer.Id;
        }
        catch (DbUpdateException)
        {
            // The same site user's first chat or portal visit at the same moment created the record.
            db.ChangeTracker.Clear();
            return await db.Customers.Where(c => c.ExternalId == verified.ExternalId).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        }
    }

    /// <summary>
    /// The customers an e-mail address signs in: those the address was given for, never a customer a site verified (an
    /// address never joins a verified customer anywhere in the app; a site user signs in through the site instead).
    /// </summary>
    private static IQueryable<Customer> Customers(AppDbContext db, string normalized) =>
        db.Customers.Where(c => c.NormalizedEmail == normalized && !c.IsVerified && c.Email != null);

    internal static (string Token, byte[] Hash) NewToken()
    {
        var token = TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static byte[]? HashOf(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > 100 || !token.StartsWith(TokenPrefix, StringComparison.Ordinal)
            ? null
            : SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

public enum SignInRequestOutcome
{
    /// <summary>The same answer for a known and an unknown address: "if we know it, a link is on its way".</summary>
    Accepted,
    InvalidAddress,
    TooMany,
}

public enum SignInLinkState
{
    Valid,
    Used,
    Expired,
    Invalid,
}

public sealed record SignInRedeemResult(SignInLinkState State, IReadOnlyList<int> CustomerIds);
