using System.Collections.Concurrent;
using System.Diagnostics;
using LiveBench.Circuits;
using Microsoft.Playwright;

namespace LiveBench.Browser;

/// <summary>
/// One agent screen in real Chromium: its own browser context (cookies), signed in through the form, the page open
/// with a live circuit. A MutationObserver in the page reports, through an exposed function, the wall-clock time at
/// which a watched marker first appears in the DOM (after blazor.web.js applied the batch, i.e. what the agent sees).
/// </summary>
internal sealed class BrowserScreen(IBrowser browser, Uri baseUri, string email, string password, string path, string? node = null) : IScreen
{
    private const string WatchScript = """
        (() => {
          const pending = new Map(); // marker -> selector or null
          const check = () => {
            if (pending.size === 0) return;
            const text = document.body ? document.body.textContent : "";
            for (const [marker, selector] of pending) {
              const hit = selector ? document.querySelector(selector) !== null : text.includes(marker);
              if (hit) {
                pending.delete(marker);
                window.__lbSeen(marker, performance.timeOrigin + performance.now());
              }
            }
          };
          window.__lbWatch = (marker, selector) => { pending.set(marker, selector); check(); };
          window.__lbForget = (marker) => pending.delete(marker);
          new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        })();
        """;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> watches = new();
    private IBrowserContext? context;
    private IPage? page;

    public string Email => email;
    public string Path => path;
    public string Kind => node is null ? "chromium" : $"chromium, node {node}";

    public async Task OpenAsync(CancellationToken ct)
    {
        context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUri.ToString() });
        context.SetDefaultTimeout(60_000);
        page = await context.NewPageAsync();
        await page.ExposeFunctionAsync<string, double, bool>("__lbSeen", (marker, epochMs) =>
            watches.TryRemove(marker, out var waiter) && waiter.TrySetResult(WallClock.ToStopwatch(epochMs)));
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.GotoAsync(path);
        // wwwroot/app.js marks the document once the interactive circuit has rendered.
        await page.Locator("html[data-circuit='up']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync(WatchScript);
    }

    public bool IsClosed => page?.IsClosed ?? true;

    public async Task<Task<long>> ArmAsync(Probe probe)
    {
        var waiter = watches.GetOrAdd(probe.Text, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        await page!.EvaluateAsync("([m, s]) => window.__lbWatch(m, s)", new object?[] { probe.Text, probe.Selector });
        return waiter.Task;
    }

    public void Forget(Probe probe)
    {
        watches.TryRemove(probe.Text, out _);
        _ = page?.EvaluateAsync("m => window.__lbForget(m)", probe.Text);
    }

    /// <summary>This agent writes a public reply in the ticket page's composer and sends it (a change made on a screen).</summary>
    public async Task ReplyAsync(string body)
    {
        var input = page!.Locator("[data-testid=composer-input]");
        await input.FillAsync(body);
        await page.Locator("[data-testid=composer-send]").ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }
    }
}

/// <summary>Converts the browser's wall-clock milliseconds to this process's Stopwatch timestamps (same machine, same clock).</summary>
internal static class WallClock
{
    private static readonly long StopwatchAtStart = Stopwatch.GetTimestamp();
    private static readonly double EpochMsAtStart = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    public static long ToStopwatch(double epochMs) =>
        StopwatchAtStart + (long)((epochMs - EpochMsAtStart) * Stopwatch.Frequency / 1000.0);
}
