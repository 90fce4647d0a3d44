namespace AgentWorkspace.Features.Portal;

/// <summary>The "Portal" configuration section: the customers' ticket pages under /help/tickets (README "Customer portal").</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The address customers reach this app at, e.g. https://support.example.com/: links in e-mails start with it. Unset: in
    /// Development the address the app listens on; elsewhere e-mails carry no portal link (a guessed host would be wrong).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a one-time sign-in link from the "e-mail me a link" form works.</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the link to one ticket in a notification e-mail works.</summary>
    public TimeSpan TicketLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a portal session (its cookie) lasts after signing in or opening a ticket link.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(24);

    public PortalLimits RateLimits { get; set; } = new();
}

/// <summary>How often customers may ask for sign-in links and reply (per window, counted whether or not the address is known).</summary>
public sealed class PortalLimits
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in links asked for one address per window.</summary>
    public int SignInPerAddress { get; set; } = 3;

    /// <summary>Sign-in links asked from one client address per window (any e-mail address).</summary>
    public int SignInPerClient { get; set; } = 10;

    /// <summary>Replies and "solved" per ticket per window.</summary>
    public int PostsPerTicket { get; set; } = 20;

    /// <summary>Replies and "solved" from one client address per window.</summary>
    public int PostsPerClient { get; set; } = 60;
}
