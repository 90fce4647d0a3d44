using MailKit.Security;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// The "Email" configuration section (README "Connecting a mailbox"). With nothing configured, nothing is read and
/// nothing is sent: replies to e-mail tickets wait in the outbox, shown to admins, until an SMTP server is set.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Mailboxes read over IMAP; each maps to a team (its new tickets go to that team).</summary>
    public List<MailboxOptions> Mailboxes { get; set; } = [];

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender of customer e-mails when the ticket came through no mailbox (an offline chat message).</summary>
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "Support";

    /// <summary>Which customer notifications are sent; each can be turned off.</summary>
    public NotificationEvents Notifications { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Larger attachments are not stored (the message says so); the e-mail itself is kept.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// At most this many automatic e-mails (confirmations) to one address per hour: two auto-responders answering each
    /// other without the headers that mark automatic mail stop here.
    /// </summary>
    public int MaxAutomaticRepliesPerHour { get; set; } = 3;

    /// <summary>How often a mailbox without IMAP IDLE is checked.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An IDLE command is renewed this often (servers drop idle connections after ~30 minutes).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>The domain of the Message-IDs this app makes (the From address's domain when unset).</summary>
    public string? MessageIdDomain { get; set; }
}

public sealed class MailboxOptions
{
    /// <summary>A short name for logs and the admin page, e.g. "support".</summary>
    public string Name { get; set; } = "";

    /// <summary>Off by default: a mailbox is read only when enabled and its host is set.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }
    public int Port { get; set; } = 993;

    /// <summary>None, Auto, SslOnConnect (port 993), StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? User { get; set; }
    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>The team (by name) that gets this mailbox's new tickets; none: the shared triage queue.</summary>
    public string? Team { get; set; }

    /// <summary>The mailbox's own address: replies to its tickets are sent from it, and mail from it is never ingested (a loop).</summary>
    public string? Address { get; set; }
}

public sealed class SmtpOptions
{
    /// <summary>Unset: nothing is sent; the outbox keeps every e-mail queued.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? User { get; set; }
    public string? Password { get; set; }
}

public sealed class NotificationEvents
{
    /// <summary>"We received your request, ticket #1234" to the sender of a new e-mail (or offline chat message).</summary>
    public bool TicketReceived { get; set; } = true;

    /// <summary>An agent's public reply, by e-mail.</summary>
    public bool AgentReplied { get; set; } = true;

    /// <summary>The ticket now waits on the customer.</summary>
    public bool WaitingOnYou { get; set; } = true;

    public bool Resolved { get; set; } = true;
}

public sealed class OutboxOptions
{
    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts the e-mail is marked failed (admins can send it again).</summary>
    public int MaxAttempts { get; set; } = 10;
}
