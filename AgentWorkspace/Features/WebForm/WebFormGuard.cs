using System.Globalization;
using System.Threading.RateLimiting;
using AgentWorkspace.Realtime.Cluster;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.WebForm;

/// <summary>
/// The form's spam brakes besides the honeypot field: token buckets per client address and per e-mail address (like
/// the widget's <see cref="Chat.WidgetRateLimitFilter"/>: ASP.NET Core's rate limiter partitions, taken by hand because
/// the limit depends on what was posted), and a signed "form shown at" stamp that a bot cannot forge, so a request sent
/// faster than a person could write one is refused.
/// </summary>
public sealed class WebFormGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAddress;
    private readonly PartitionedRateLimiter<string> perEmail;
    private readonly ITimeLimitedDataProtector stamps;
    private readonly ITimeLimitedDataProtector receipts;
    private readonly IOptionsMonitor<WebFormOptions> options;
    private readonly TimeProvider clock;

    public WebFormGuard(IOptionsMonitor<WebFormOptions> options, IDataProtectionProvider protection, TimeProvider clock, SharedRateLimits shared)
    {
        this.options = options;
        this.clock = clock;
        var limits = options.CurrentValue.RateLimits;
        perAddress = shared.TokenBuckets("webform-address", limits.PerAddressBurst, 1, Refill(limits.PerAddressRefill));
        perEmail = shared.TokenBuckets("webform-email", limits.PerEmailBurst, 1, Refill(limits.PerEmailRefill));
        stamps = protection.CreateProtector("WebForm.Shown").ToTimeLimitedDataProtector();
        receipts = protection.CreateProtector("WebForm.Receipt").ToTimeLimitedDataProtector();
    }

    /// <summary>Takes one request from the address's bucket; false when it is empty.</summary>
    public bool AllowAddress(HttpContext context)
    {
        using var lease = perAddress.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    /// <summary>Takes one request from the (normalized) e-mail address's bucket; false when it is empty.</summary>
    public bool AllowEmail(string normalizedEmail)
    {
        using var lease = perEmail.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    /// <summary>When the form was shown, signed; valid for a day (a long-open tab gets a fresh one when it fails).</summary>
    public string Stamp() =>
        stamps.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), TimeSpan.FromDays(1));

    /// <summary>Whether the form was shown long enough ago for a person to have filled it (false for a missing or forged stamp).</summary>
    public bool FilledByAPerson(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        try
        {
            var shown = new DateTimeOffset(long.Parse(stamps.Unprotect(stamp), CultureInfo.InvariantCulture), TimeSpan.Zero);
            return clock.GetUtcNow() - shown >= options.CurrentValue.MinimumFillTime;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The confirmation page's proof of a request just made: its ticket number, signed and valid for an hour, so the
    /// page can't be used to make anyone believe a number is theirs.
    /// </summary>
    public string Receipt(int ticketNumber) =>
        receipts.Protect(ticketNumber.ToString(CultureInfo.InvariantCulture), TimeSpan.FromHours(1));

    public int? ReadReceipt(string? receipt)
    {
        if (string.IsNullOrEmpty(receipt))
        {
            return null;
        }
        try
        {
            return int.Parse(receipts.Unprotect(receipt), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static TimeSpan Refill(TimeSpan refill) => refill > TimeSpan.Zero ? refill : TimeSpan.FromMinutes(1);

    public void Dispose()
    {
        perAddress.Dispose();
        perEmail.Dispose();
    }
}
