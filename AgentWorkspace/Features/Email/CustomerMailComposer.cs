using System.Globalization;
using System.Net;
using System.Text;
using AgentWorkspace.Features.Chat;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// Writes an e-mail to a customer from a <see cref="CustomerMail"/> (the customer-facing projection) and nothing else,
/// in the customer's language: a plain-text part and an HTML part whose only markup is ours and the safe Markdown
/// renderer's; everything else is encoded.
/// </summary>
public sealed class CustomerMailComposer(IStringLocalizer<CustomerMailStrings> L)
{
    /// <param name="ticketLink">The customer's link to this one ticket online (the help-centre portal), when there is one.</param>
    public MimeMessage Compose(CustomerMail mail, MailboxAddress from, string teamName, MailThread thread, Uri? ticketLink = null)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(mail.Language);
        try
        {
            return Build(mail, from, teamName, thread, ticketLink);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private MimeMessage Build(CustomerMail mail, MailboxAddress from, string teamName, MailThread thread, Uri? ticketLink)
    {
        var number = mail.Ticket.Number;
        var subject = Subjects.WithoutReplyPrefixes(mail.Subject);
        var message = new MimeMessage
        {
            MessageId = thread.MessageId,
            Subject = (mail.Kind switch
            {
                CustomerMailKind.Received => L["SubjectReceived", subject],
                CustomerMailKind.WaitingOnCustomer => L["SubjectWaiting", subject],
                CustomerMailKind.Resolved => L["SubjectResolved", subject],
                CustomerMailKind.Survey => L["SubjectSurvey", subject],
                _ => L["SubjectReply", subject],
            }) + $" [#{number}]",
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.RecipientName, mail.RecipientAddress));
        if (thread.InReplyTo is { } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }
        foreach (var reference in thread.References)
        {
            message.References.Add(reference);
        }
        message.Headers.Add(InboundMail.OwnHeader, number.ToString(CultureInfo.InvariantCulture));
        if (mail.Kind != CustomerMailKind.Reply)
        {
            // RFC 3834: automatic mail says so, and asks auto-responders not to answer it (no out-of-office ping-pong).
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        var greeting = L["Greeting", mail.RecipientName].Value;
        var intro = mail.Kind switch
        {
            CustomerMailKind.Received => L["ReceivedBody", number].Value,
            CustomerMailKind.WaitingOnCustomer when mail.Reply is null => L["WaitingBody", number].Value,
            CustomerMailKind.Resolved when mail.Reply is null => L["ResolvedBody", number].Value,
            CustomerMailKind.Survey => L["SurveyBody", number].Value,
            _ => mail.Reply?.AgentName is { Length: > 0 } agent ? L["ReplyFromAgent", agent].Value : L["ReplyFromTeam"].Value,
        };
        // A reply that also left the ticket waiting on the customer, or resolved it, says so under the reply.
        var after = mail.Reply is null ? null : mail.Ticket.Status switch
        {
            "waiting_on_customer" => L["WaitingBody", number].Value,
            "resolved" => L["ResolvedBody", number].Value,
            _ => null,
        };
        var hint = L["ReplyHint", number].Value;
        var footer = L["Footer", number, StatusWords(mail.Ticket.Status)].Value;
        var signature = L["Signature", teamName].Value;

        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        if (mail.Reply is { } reply)
        {
            text.Append(reply.Body).Append("\n\n");
        }
        if (after is not null)
        {
            text.Append(after).Append("\n\n");
        }
        text.Append(hint).Append("\n\n");
        var linkText = ticketLink is null ? null : mail.Kind == CustomerMailKind.Survey ? L["SurveyLink"].Value : L["PortalLink", number].Value;
        if (linkText is not null)
        {
            text.Append(linkText).Append('\n').Append(ticketLink!.AbsoluteUri).Append("\n\n");
        }
        text.Append(signature).Append("\n\n-- \n").Append(footer).Append('\n');

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(mail.Language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(message.Subject)).Append("</title></head><body style=\"font-family: sans-serif; line-height: 1.5;\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p><p>").Append(Encode(intro)).Append("</p>");
        if (mail.Reply is { } shown)
        {
            // The safe renderer's output: raw HTML off, safe link schemes only, images as links.
            html.Append("<div>").Append(shown.Html).Append("</div>");
        }
        if (after is not null)
        {
            html.Append("<p>").Append(Encode(after)).Append("</p>");
        }
        html.Append("<p>").Append(Encode(hint)).Append("</p>");
        if (linkText is not null)
        {
            html.Append("<p><a href=\"").Append(Encode(ticketLink!.AbsoluteUri)).Append("\">").Append(Encode(linkText)).Append("</a></p>");
        }
        html.Append("<p>").Append(Encode(signature)).Append("</p>")
            .Append("<hr><p style=\"color: #555555; font-size: 12px;\">").Append(Encode(footer)).Append("</p></body></html>");

        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private string StatusWords(string status) => status switch
    {
        "open" => L["StatusOpen"],
        "in_progress" => L["StatusInProgress"],
        "waiting_on_customer" => L["StatusWaiting"],
        "on_hold" => L["StatusOnHold"],
        "resolved" => L["StatusResolved"],
        "closed" => L["StatusClosed"],
        _ => L["StatusOpen"],
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The thread headers of one outgoing e-mail.</summary>
public sealed record MailThread(string MessageId, string? InReplyTo, IReadOnlyList<string> References);

public static partial class Subjects
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\[#\d+\]")]
    private static partial System.Text.RegularExpressions.Regex TicketNumber();

    /// <summary>"Re: Fwd: RE: x" is "x": a reply's subject gets one "Re:" of ours.</summary>
    public static string WithoutReplyPrefixes(string subject)
    {
        var s = TicketNumber().Replace(subject, "").Trim();
        while (true)
        {
            var colon = s.IndexOf(':');
            if (colon is < 2 or > 4 || s[..colon].Trim().ToLowerInvariant() is not ("re" or "fw" or "fwd" or "rv" or "aw"))
            {
                return s;
            }
            s = s[(colon + 1)..].TrimStart();
        }
    }
}
