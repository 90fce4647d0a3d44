using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// Identity verification for sites with signed-in users. The site's backend signs
/// <c>base64url(JSON {"sub": "its user id", "email": ..., "name": ..., "exp": unix seconds})</c> with HMAC-SHA256 under
/// the shared <see cref="WidgetOptions.IdentitySecret"/> and hands <c>payload.signature</c> to the widget
/// (<c>data-identity</c> on the script tag). A verified visitor becomes that site user's customer record; without a
/// valid token the visitor stays unverified and is never merged into a verified customer.
/// </summary>
public sealed class IdentityVerifier(IOptions<WidgetOptions> options, TimeProvider clock)
{
    /// <summary>Tokens valid for longer than this are refused: a leaked token must not work for days.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public VerifiedIdentity? Verify(string? token, out string? error)
    {
        error = null;
        var secret = options.Value.IdentitySecret;
        if (string.IsNullOrEmpty(secret))
        {
            error = "Identity verification is not configured on this server.";
            return null;
        }
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || token!.Length > 2048)
        {
            error = "The identity token is malformed.";
            return null;
        }
        var expected = Sign(parts[0], secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[1])))
        {
            error = "The identity token's signature is not valid.";
            return null;
        }
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(FromBase64Url(parts[0]));
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            if (payload is null || string.IsNullOrWhiteSpace(payload.sub) || payload.sub.Length > 200)
            {
                error = "The identity token has no user id.";
                return null;
            }
            if (payload.exp <= now || payload.exp > now + (long)MaxLifetime.TotalSeconds)
            {
                error = "The identity token has expired.";
                return null;
            }
            return new VerifiedIdentity(payload.sub, payload.email, payload.name);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            error = "The identity token is malformed.";
            return null;
        }
    }

    /// <summary>What a site's backend does to issue a token (used by tests and documented in the README).</summary>
    public static string Issue(string secret, string userId, string? email, string? name, DateTimeOffset expires)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(userId, email, name, expires.ToUnixTimeSeconds()));
        var payload = ConversationToken.Base64Url(json);
        return payload + "." + Sign(payload, secret);
    }

    private static string Sign(string payload, string secret) =>
        ConversationToken.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(payload)));

    private static byte[] FromBase64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

#pragma warning disable IDE1006 // the wire names are JWT-style lower case
    private sealed record Payload(string sub, string? email, string? name, long exp);
#pragma warning restore IDE1006
}

public sealed record VerifiedIdentity(string ExternalId, string? Email, string? Name);
