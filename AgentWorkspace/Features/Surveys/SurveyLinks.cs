using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using AgentWorkspace.Features.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentWorkspace.Features.Surveys;

/// <summary>
/// The links that open one survey: /help/surveys/{ticket number}?k=... where k holds the survey's id, its ticket's id and
/// an expiry, encrypted and authenticated by ASP.NET Data Protection the way the portal's ticket links are
/// (<see cref="TicketLinks"/>: the app's keys, its own purpose string, nothing stored per link). A changed byte, another
/// ticket's number or an expired link opens nothing. Single use is the survey row's: once it has an answer, every link to
/// it says "already answered".
/// </summary>
public sealed class SurveyLinks(IDataProtectionProvider protection, PortalAddress address)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 8 + 4 + 8;
    private readonly IDataProtector protector = protection.CreateProtector("AgentWorkspace.Surveys.Link.v1");

    /// <summary>The survey's public address, in the customer's language; null when the app knows no public address.</summary>
    public Uri? For(SurveyResponse survey, int ticketNumber)
    {
        if (address.BaseUri is not { } baseUri)
        {
            return null;
        }
        return new Uri(baseUri, Path(survey, ticketNumber));
    }

    /// <summary>The same address relative to the site (the portal links to it from the ticket page).</summary>
    public string Path(SurveyResponse survey, int ticketNumber) =>
        $"help/surveys/{ticketNumber.ToString(CultureInfo.InvariantCulture)}?k={Issue(survey.Id, survey.TicketId, survey.ExpiresAt)}&lang={survey.Language}";

    public string Issue(long surveyId, int ticketId, DateTimeOffset expires)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload[1..], surveyId);
        BinaryPrimitives.WriteInt32BigEndian(payload[9..], ticketId);
        BinaryPrimitives.WriteInt64BigEndian(payload[13..], expires.ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(protector.Protect(payload.ToArray()));
    }

    /// <summary>The survey and ticket a link names, if it is one of ours (expiry is checked against the survey row).</summary>
    public SurveyGrant? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }
        byte[] payload;
        try
        {
            payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        if (payload.Length != PayloadLength || payload[0] != Version)
        {
            return null;
        }
        return new SurveyGrant(
            BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1)),
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(9)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(13))));
    }
}

public sealed record SurveyGrant(long SurveyId, int TicketId, DateTimeOffset Expires);
