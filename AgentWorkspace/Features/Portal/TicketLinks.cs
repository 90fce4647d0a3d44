using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using AgentWorkspace.Features.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// The links to one ticket that notification e-mails carry: /help/tickets/{number}?k=... where k is the ticket's id, its
/// customer's id and an expiry, encrypted and authenticated by ASP.NET Data Protection (the app's keys, kept with the
/// database). Nothing is stored per link: a changed byte, another ticket's number, or a link past its expiry (on the
/// app's clock) opens nothing, and the link never opens "my tickets" or any other ticket.
/// </summary>
public sealed class TicketLinks(
    IDataProtectionProvider protection, IOptionsMonitor<PortalOptions> options, PortalAddress address, TimeProvider clock) : ICustomerTicketLinks
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 4 + 4 + 8;
    private readonly IDataProtector protector = protection.CreateProtector("AgentWorkspace.Portal.TicketLink.v1");

    public Uri? For(int ticketId, int ticketNumber, int customerId)
    {
        if (address.BaseUri is not { } baseUri)
        {
            return null;
        }
        var token = Issue(ticketId, customerId, clock.GetUtcNow() + options.CurrentValue.TicketLinkLifetime);
        return new Uri(baseUri, $"help/tickets/{ticketNumber.ToString(CultureInfo.InvariantCulture)}?k={token}");
    }

    public string Issue(int ticketId, int customerId, DateTimeOffset expires)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        payload[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(payload[1..], ticketId);
        BinaryPrimitives.WriteInt32BigEndian(payload[5..], customerId);
        BinaryPrimitives.WriteInt64BigEndian(payload[9..], expires.ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(protector.Protect(payload.ToArray()));
    }

    /// <summary>What a link's k says, if it is one of ours and still valid.</summary>
    public TicketLinkCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return new TicketLinkCheck(TicketLinkState.Invalid, null);
        }
        byte[] payload;
        try
        {
            payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new TicketLinkCheck(TicketLinkState.Invalid, null);
        }
        if (payload.Length != PayloadLength || payload[0] != Version)
        {
            return new TicketLinkCheck(TicketLinkState.Invalid, null);
        }
        var grant = new TicketGrant(BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(1)), BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(5)));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(9)));
        return expires <= clock.GetUtcNow()
            ? new TicketLinkCheck(TicketLinkState.Expired, null)
            : new TicketLinkCheck(TicketLinkState.Valid, grant, expires);
    }
}

public enum TicketLinkState
{
    Valid,
    Expired,
    Invalid,
}

public sealed record TicketLinkCheck(TicketLinkState State, TicketGrant? Grant, DateTimeOffset? Expires = null);

/// <summary>The public address links to the portal start with (Portal:PublicBaseUrl; in Development, where the app listens).</summary>
public sealed class PortalAddress(IOptionsMonitor<PortalOptions> options, IWebHostEnvironment environment, IServiceProvider services)
{
    public Uri? BaseUri
    {
        get
        {
            var configured = options.CurrentValue.PublicBaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out var uri)
                    && uri.Scheme is "http" or "https" ? uri : null;
            }
            if (!environment.IsDevelopment())
            {
                return null;
            }
            var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return listening is not null && Uri.TryCreate(listening.Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/') + "/", UriKind.Absolute, out var local)
                ? local : null;
        }
    }
}
