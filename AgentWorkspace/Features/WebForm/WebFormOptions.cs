namespace AgentWorkspace.Features.WebForm;

/// <summary>The "WebForm" configuration section: the customers' request form at /help/new.</summary>
public sealed class WebFormOptions
{
    public const string Section = "WebForm";

    /// <summary>
    /// Which team gets requests in a help-centre category, by the top-level category's slug (e.g. "payments-billing":
    /// "Billing &amp; Accounts"). A category not listed, or "something else", goes to the shared triage queue.
    /// </summary>
    public Dictionary<string, string> CategoryTeams { get; set; } = [];

    /// <summary>At most this many files per request; each is held to the e-mail attachments' size limit (Email:MaxAttachmentBytes).</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>All files of one request together; under the server's 30 MB request limit, so going over it is a clear error here.</summary>
    public long MaxTotalBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// A request sent sooner than this after the form was shown is refused (a person needs longer to write one; a bot
    /// posts at once). The customer is asked to check and send again, and keeps what they typed.
    /// </summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    public WebFormRateLimits RateLimits { get; set; } = new();
}

/// <summary>Token buckets: a burst, then one more request each refill period.</summary>
public sealed class WebFormRateLimits
{
    /// <summary>Requests sent from one client address (generous: an office shares one address).</summary>
    public int PerAddressBurst { get; set; } = 20;
    public TimeSpan PerAddressRefill { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Requests sent for one e-mail address.</summary>
    public int PerEmailBurst { get; set; } = 5;
    public TimeSpan PerEmailRefill { get; set; } = TimeSpan.FromMinutes(12);

    /// <summary>Suggestion look-ups while typing, per client address.</summary>
    public int SuggestionsBurst { get; set; } = 30;
    public int SuggestionsPerSecond { get; set; } = 3;
}
