using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AgentWorkspace.Features.Customers;
using MimeKit;

namespace AgentWorkspace.Features.Email;

/// <summary>An inbound e-mail read into what a ticket needs: who, the thread headers, what kind of mail, text and files.</summary>
public sealed partial record InboundMail(
    string MessageId,
    string? FromAddress,
    string FromName,
    string Subject,
    IReadOnlyList<string> ThreadIds,
    MailKind Kind,
    string Text,
    string? Quoted,
    IReadOnlyList<InboundAttachment> Attachments,
    IReadOnlyList<string> RefusedAttachments,
    IReadOnlyList<string> ReportedMessageIds,
    bool FromThisApp)
{
    /// <summary>The header every e-mail this app sends carries: one coming back in is never taken for a customer's.</summary>
    public const string OwnHeader = "X-AgentWorkspace";

    /// <summary>The ticket number a subject names, e.g. "Re: Refund [#1234]".</summary>
    public int? SubjectTicketNumber => SubjectNumber().Match(Subject) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, out var number) ? number : null;

    public string? NormalizedFrom => CustomerEmail.Normalize(FromAddress);

    public static InboundMail Read(MimeMessage message, long maxAttachmentBytes)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var address = from?.Address is { Length: > 0 and <= CustomerEmail.MaxLength } a && CustomerEmail.Clean(a, required: true).IsValid ? a : null;
        // In-Reply-To first: the message this one answers is the best guide; then References, newest first.
        var threadIds = new List<string>();
        if (Clean(message.InReplyTo) is { } inReplyTo)
        {
            threadIds.Add(inReplyTo);
        }
        threadIds.AddRange(message.References.Reverse().Select(Clean).OfType<string>().Where(id => !threadIds.Contains(id)));

        var (text, quoted) = message.TextBody is { Length: > 0 } plain ? MailText.FromPlain(plain)
            : message.HtmlBody is { Length: > 0 } html ? MailText.FromHtml(html)
            : ("", null);
        var (attachments, refused) = Files(message, maxAttachmentBytes);
        var kind = Classify(message, address);
        return new InboundMail(
            Clean(message.MessageId) ?? DerivedId(message),
            address,
            string.IsNullOrWhiteSpace(from?.Name) ? address?.Split('@')[0] ?? "Unknown sender" : from.Name.Trim(),
            string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject.Trim(),
            threadIds.Take(50).ToList(),
            kind,
            text,
            quoted,
            attachments,
            refused,
            kind == MailKind.Bounce ? ReportedIds(message) : [],
            message.Headers.Contains(OwnHeader));
    }

    /// <summary>
    /// Automatic mail is never answered automatically: RFC 3834's Auto-Submitted, the de-facto X-Autoreply/X-Autorespond,
    /// Precedence bulk/list/junk and List-Id (newsletters, lists), delivery reports (DSN) and mailer daemons.
    /// </summary>
    internal static MailKind Classify(MimeMessage message, string? fromAddress)
    {
        var headers = message.Headers;
        var local = fromAddress?.Split('@')[0].ToLowerInvariant() ?? "";
        if (message.Body is MultipartReport { ReportType: { } report } && report.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)
            || local is "mailer-daemon" or "postmaster"
            || headers[HeaderId.ReturnPath]?.Trim() == "<>")
        {
            return MailKind.Bounce;
        }
        var autoSubmitted = headers["Auto-Submitted"]?.Trim().ToLowerInvariant();
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (autoSubmitted is { Length: > 0 } && autoSubmitted != "no" || precedence == "auto_reply"
            || headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress") && IsAutoSubject(message.Subject)
            || IsAutoSubject(message.Subject) && local.Contains("noreply", StringComparison.Ordinal))
        {
            return MailKind.AutoReply;
        }
        if (precedence is "bulk" or "list" or "junk" || headers.Contains(HeaderId.ListId) || headers.Contains("List-Unsubscribe")
            || local is "noreply" or "no-reply" or "donotreply" or "do-not-reply")
        {
            return MailKind.Bulk;
        }
        return MailKind.Personal;
    }

    private static bool IsAutoSubject(string? subject) =>
        subject is not null && AutoSubject().IsMatch(subject);

    /// <summary>The Message-IDs a delivery report is about: its In-Reply-To/References and the returned message's headers.</summary>
    private static List<string> ReportedIds(MimeMessage message)
    {
        var ids = new List<string>();
        if (Clean(message.InReplyTo) is { } inReplyTo)
        {
            ids.Add(inReplyTo);
        }
        ids.AddRange(message.References.Select(Clean).OfType<string>());
        foreach (var part in message.BodyParts)
        {
            if (part is MessagePart { Message: { } returned } && Clean(returned.MessageId) is { } id)
            {
                ids.Add(id);
            }
            else if (part is TextPart text && text.ContentType.IsMimeType("text", "rfc822-headers") && ReturnedId().Match(text.Text) is { Success: true } match)
            {
                ids.Add(match.Groups[1].Value.Trim());
            }
        }
        return ids.Distinct().ToList();
    }

    private static (List<InboundAttachment> Stored, List<string> Refused) Files(MimeMessage message, long maxBytes)
    {
        var stored = new List<InboundAttachment>();
        var refused = new List<string>();
        var index = 0;
        foreach (var part in message.BodyParts)
        {
            index++;
            string fileName;
            string? declared;
            byte[] content;
            switch (part)
            {
                case MessagePart { Message: { } attached } messagePart when part.ContentType.IsMimeType("message", "rfc822"):
                    fileName = AttachmentPolicy.SafeFileName(messagePart.ContentDisposition?.FileName ?? attached.Subject + ".eml", $"message-{index}.eml");
                    declared = "message/rfc822";
                    using (var stream = new MemoryStream())
                    {
                        attached.WriteTo(stream);
                        content = stream.ToArray();
                    }
                    break;
                case MimePart mime when IsFile(message, mime):
                    fileName = AttachmentPolicy.SafeFileName(mime.FileName, $"attachment-{index}");
                    declared = mime.ContentType.MimeType.ToLowerInvariant();
                    if (mime.Content is null)
                    {
                        continue;
                    }
                    using (var stream = new MemoryStream())
                    {
                        mime.Content.DecodeTo(stream);
                        content = stream.ToArray();
                    }
                    break;
                default:
                    continue;
            }
            if (content.LongLength > maxBytes)
            {
                refused.Add($"{fileName} ({content.LongLength / 1024:N0} KB)");
                continue;
            }
            stored.Add(new InboundAttachment(fileName, declared, AttachmentPolicy.CheckedType(declared, fileName, content), content));
        }
        return (stored, refused);
    }

    /// <summary>A part is a file unless it is the text or HTML body itself (or a delivery report's machine-readable part).</summary>
    private static bool IsFile(MimeMessage message, MimePart part)
    {
        if (part is MessageDeliveryStatus || part.ContentType.IsMimeType("text", "rfc822-headers"))
        {
            return false;
        }
        if (part.IsAttachment)
        {
            return true;
        }
        if (part is TextPart text && (text.IsPlain || text.IsHtml) && part.FileName is null)
        {
            return false;
        }
        return part.FileName is not null || part.ContentId is not null || !part.ContentType.IsMimeType("text", "*");
    }

    private static string? Clean(string? id)
    {
        var trimmed = id?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > EmailLimits.MaxMessageIdLength ? null : trimmed;
    }

    /// <summary>For a message without a Message-ID: one made from its bytes, the same every time it is read again.</summary>
    private static string DerivedId(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray())) + "@no-message-id.agentworkspace";
    }

    /// <summary>The ticket service's retry key for this e-mail: a short hash of its Message-ID.</summary>
    public string ClientMessageId => "mail:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(MessageId)))[..40];

    [GeneratedRegex(@"\[#(\d{1,9})\]")]
    private static partial Regex SubjectNumber();

    [GeneratedRegex(@"^(auto(matic)?[ -]?(reply|response)|out of (the )?office|respuesta autom[aá]tica|fuera de la oficina|abwesenheit)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoSubject();

    [GeneratedRegex(@"^Message-ID:\s*<?([^>\r\n]+)>?", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ReturnedId();
}

public sealed record InboundAttachment(string FileName, string DeclaredType, string ContentType, byte[] Content);
