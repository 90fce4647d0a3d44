namespace AgentWorkspace.Features.Chat;

/// <summary>The "Widget" configuration section.</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>
    /// Shared secret for identity verification: a site with signed-in users signs a short-lived identity token with it
    /// (see <see cref="IdentityVerifier"/>). Unset: every visitor is unverified.
    /// </summary>
    public string? IdentitySecret { get; set; }

    /// <summary>Sites allowed to embed the widget (CORS origins). Empty: any site.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public WidgetRateLimits RateLimits { get; set; } = new();
}

/// <summary>
/// Token buckets for hub invocations (the ASP.NET rate limiter only sees HTTP requests, not hub calls).
/// "Calls" counts every invocation (typing, resume...), "Messages" the ones that store something.
/// </summary>
public sealed class WidgetRateLimits
{
    public int CallsPerConnectionBurst { get; set; } = 30;
    public int CallsPerConnectionPerSecond { get; set; } = 10;
    public int MessagesPerConnectionBurst { get; set; } = 10;
    public int MessagesPerConnectionPerSecond { get; set; } = 1;

    /// <summary>Per client address, across its connections; generous, because an office shares one address.</summary>
    public int CallsPerAddressBurst { get; set; } = 300;
    public int CallsPerAddressPerSecond { get; set; } = 100;
    public int MessagesPerAddressBurst { get; set; } = 60;
    public int MessagesPerAddressPerSecond { get; set; } = 10;

    /// <summary>New conversations (chats and offline messages) per address.</summary>
    public int StartsPerAddressBurst { get; set; } = 20;
    public int StartsPerAddressPerMinute { get; set; } = 4;
}
