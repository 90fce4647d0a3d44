using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Email;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AgentWorkspace.Features.Portal;

/// <summary>
/// Sends the queued sign-in links over the e-mail feature's SMTP server (Email:Smtp, from Email:FromAddress or the first
/// mailbox's address). It has its own small queue rather than the ticket outbox: a sign-in link is about no ticket, and
/// its token is made at the moment of sending so it is never stored in clear. The page that asked returns at once either
/// way (answering only after an SMTP round trip would tell known addresses from unknown ones by the time it takes).
/// </summary>
public sealed class PortalMailSender(
    IDbContextFactory<AppDbContext> dbFactory, IOptionsMonitor<EmailOptions> email, IOptionsMonitor<PortalOptions> portal,
    PortalAddress address, IStringLocalizer<PortalStrings> L, TimeProvider clock, ILogger<PortalMailSender> log) : BackgroundService
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Sign-in links could not be sent");
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(LongestSleep);
            try
            {
                await wake.Reader.WaitToReadAsync(timeout.Token);
                wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    internal async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = email.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.PortalSignIns.Where(s => s.State == PortalMailState.Queued && s.NextAttemptAt <= now)
            .OrderBy(s => s.Id).Take(20).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }
        using var smtp = new SmtpClient { Timeout = 30_000 };
        foreach (var row in due)
        {
            var lifetime = portal.CurrentValue.SignInLinkLifetime;
            var (token, hash) = PortalSignInService.NewToken();
            row.TokenHash = hash;
            row.ExpiresAt = clock.GetUtcNow() + lifetime;
            row.Attempts++;
            try
            {
                if (address.BaseUri is not { } baseUri)
                {
                    throw new InvalidOperationException("No public address is configured for links (Portal:PublicBaseUrl).");
                }
                var from = settings.FromAddress ?? settings.Mailboxes.Select(m => m.Address).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))
                    ?? throw new InvalidOperationException("No sender address is configured (Email:FromAddress or a mailbox's Address).");
                var message = Compose(row, new MailboxAddress(settings.FromName, from), new Uri(baseUri, $"help/tickets/sign-in?token={token}"), lifetime);
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
                    if (!string.IsNullOrEmpty(settings.Smtp.User))
                    {
                        await smtp.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", cancellationToken);
                    }
                }
                await smtp.SendAsync(message, cancellationToken);
                row.State = PortalMailState.Sent;
                row.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A link that could not be sent must not work: its token is forgotten with the failed attempt.
                row.TokenHash = null;
                row.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                var tooLate = clock.GetUtcNow() - row.RequestedAt > lifetime;
                row.State = row.Attempts >= MaxAttempts || tooLate ? PortalMailState.Failed : PortalMailState.Queued;
                row.NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromSeconds(10 * row.Attempts);
                log.LogWarning("Sign-in link {Id} not sent (attempt {Attempts}): {Error}", row.Id, row.Attempts, e.Message);
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, cancellationToken);
        }
    }

    private MimeMessage Compose(PortalSignIn row, MailboxAddress from, Uri link, TimeSpan lifetime)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(row.Language);
        try
        {
            var minutes = ((int)Math.Round(lifetime.TotalMinutes)).ToString(CultureInfo.CurrentUICulture);
            var subject = L["MailSubject"].Value;
            var greeting = L["MailGreeting", row.RecipientName].Value;
            var body = L["MailBody", minutes].Value;
            var button = L["MailButton"].Value;
            var ignore = L["MailIgnore"].Value;
            var message = new MimeMessage { Subject = subject };
            message.From.Add(from);
            message.To.Add(new MailboxAddress(row.RecipientName, row.Recipient));
            // RFC 3834: automatic mail, not to be answered by auto-responders.
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
            var text = new StringBuilder().Append(greeting).Append("\n\n").Append(body).Append('\n').Append(link.AbsoluteUri)
                .Append("\n\n").Append(ignore).Append("\n\n").Append(from.Name).Append('\n');
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"").Append(row.Language).Append("\"><head><meta charset=\"utf-8\"><title>")
                .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family: sans-serif; line-height: 1.5;\">")
                .Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p><p>").Append(WebUtility.HtmlEncode(body)).Append("</p>")
                .Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">").Append(WebUtility.HtmlEncode(button)).Append("</a></p>")
                .Append("<p>").Append(WebUtility.HtmlEncode(ignore)).Append("</p><p>").Append(WebUtility.HtmlEncode(from.Name)).Append("</p></body></html>");
            message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
