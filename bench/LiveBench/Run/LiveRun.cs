using System.Diagnostics;
using LiveBench.Browser;
using LiveBench.Changes;
using LiveBench.Circuits;
using LiveBench.Measure;
using Microsoft.Playwright;

namespace LiveBench;

/// <summary>
/// The run: agent screens opened in steps on /inbox (Chromium first, up to --browsers, the rest protocol screens), and
/// at each step three phases of changes made one at a time, each waited for on every screen it must reach:
/// a new ticket through the API (shows on every inbox), a status change through the API (the same row), and a new
/// ticket in a team no screen's agent belongs to (must show nowhere: measures what screens that don't show a change
/// cost). Then, with the inboxes still open, widget chats with screens on their tickets: customer messages through the
/// widget hub, agent replies through the API and typed in a Chromium screen's composer.
/// </summary>
internal sealed partial class LiveRun(RunOptions options, Prepared prepared, ServerProcess server)
{
    private static readonly TimeSpan ShowTimeout = TimeSpan.FromSeconds(5);
    private static readonly string[] StatusCycle = ["OnHold", "InProgress", "WaitingOnCustomer"];

    private readonly List<IScreen> inboxScreens = [];
    private readonly List<PhaseResult> results = [];
    private readonly List<string> memoryRows = [];
    private readonly List<string> log = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int lastVisibleTicket;

    public static async Task<int> RunAsync(RunOptions options)
    {
        var prepared = Prepare.Read(options.PreparedPath);
        var run = new LiveRun(options, prepared, new ServerProcess(options.Pid, Directory.GetCurrentDirectory()));
        try
        {
            await run.ExecuteAsync();
            return 0;
        }
        finally
        {
            await run.CloseAsync();
        }
    }

    private async Task ExecuteAsync()
    {
        Directory.CreateDirectory(options.Out);
        if (options.Browsers > 0)
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = true,
                ExecutablePath = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
            });
        }
        using var api = new ApiClient(options.Url, prepared.AdminKey);
        using var hiddenApi = new ApiClient(options.Url, prepared.HiddenTeamKey);

        if (!options.Screens.Contains(0))
        {
            await RecordMemoryAsync(0, 0);
        }
        foreach (var step in options.Screens.Order())
        {
            var opened = await OpenInboxScreensAsync(step);
            await RecordMemoryAsync(step, opened);
            await RunPhaseAsync(step, "new ticket (API) → every inbox", options.Changes, i =>
            {
                var marker = Marker("T");
                return new Change(new Probe(marker), inboxScreens, [], null, async () =>
                    lastVisibleTicket = await api.CreateTicketAsync($"Live bench {marker}", "Created by bench/LiveBench."));
            });
            var target = lastVisibleTicket;
            var turn = 0; // each PATCH moves to the next status, so none is a no-op
            await RunPhaseAsync(step, "status (API PATCH) → every inbox", options.Changes / 2, _ =>
            {
                var status = StatusCycle[turn++ % StatusCycle.Length];
                return new Change(new Probe(status, $"[data-ticket='{target}'] [data-status='{status}']"), inboxScreens, [], null,
                    () => api.SetStatusAsync(target, status));
            });
            await RunPhaseAsync(step, "new ticket (API) in a team no screen sees → no inbox", options.Changes, i =>
            {
                var marker = Marker("H");
                return new Change(new Probe(marker), [], inboxScreens, null, async () =>
                    await hiddenApi.CreateTicketAsync($"Live bench hidden {marker}", "Created by bench/LiveBench in a team no screen sees."));
            });
        }
        if (options.Chats > 0)
        {
            await RunChatPhasesAsync(api);
        }
        WriteReport();
    }

    private async Task<int> OpenInboxScreensAsync(int target)
    {
        var fresh = Enumerable.Range(inboxScreens.Count, Math.Max(0, target - inboxScreens.Count)).Select(i =>
        {
            var email = prepared.Agents[i % prepared.Agents.Count];
            // With --second-node every other screen (Chromium and protocol alike) is on node B; changes are made on A.
            var (url, node) = options.SecondNode is { } b ? (i % 2 == 0 ? (options.Url, "A") : (b, "B")) : (options.Url, (string?)null);
            return i < options.Browsers && browser is not null
                ? (IScreen)new BrowserScreen(browser, url, email, prepared.Password, "/inbox", node)
                : new ProtocolScreen(url, email, prepared.Password, "/inbox", node);
        }).ToList();
        var started = Stopwatch.StartNew();
        var openMs = await OpenAllAsync(fresh);
        inboxScreens.AddRange(fresh);
        Log($"{inboxScreens.Count} inbox screens open ({fresh.Count} new in {started.Elapsed.TotalSeconds:F1} s; " +
            $"open p50 {Percentile(openMs, 50):F0} ms, max {openMs.DefaultIfEmpty().Max():F0} ms)");
        return fresh.Count;
    }

    /// <summary>Browsers one at a time (each page is a renderer process here), protocol screens four at a time.</summary>
    private async Task<List<double>> OpenAllAsync(IReadOnlyList<IScreen> screens)
    {
        var openMs = new List<double>();
        var browserGate = new SemaphoreSlim(1);
        var protocolGate = new SemaphoreSlim(4);
        await Task.WhenAll(screens.Select(async screen =>
        {
            var gate = screen is BrowserScreen ? browserGate : protocolGate;
            await gate.WaitAsync();
            try
            {
                var t = Stopwatch.StartNew();
                await screen.OpenAsync(CancellationToken.None);
                lock (openMs) openMs.Add(t.Elapsed.TotalMilliseconds);
            }
            finally
            {
                gate.Release();
            }
        }));
        return openMs;
    }

    private async Task RecordMemoryAsync(int screens, int added)
    {
        await Task.Delay(2000); // let circuits finish their first renders
        var rss = server.RssMiB();
        double? heap = null;
        if (options.Heap)
        {
            heap = await server.LiveHeapMiBAsync();
            // The dump makes the server collect and walk its heap: let that pass before CPU is measured again.
            await Task.Delay(5000);
        }
        memoryRows.Add($"| {screens} | {rss:F0} | {(heap is { } h ? h.ToString("F1") : "—")} |");
        Log($"memory at {screens} screens: RSS {rss:F0} MiB, live heap {(heap is { } h2 ? h2.ToString("F1") + " MiB" : "not measured")}");
    }

    private static double Percentile(List<double> values, double p) => Stats.Percentile(values.Order().ToList(), p);

    private static string Marker(string kind) => $"LB{kind}{Guid.NewGuid().ToString("N")[..10]}";

    private void Log(string line)
    {
        var stamped = $"[{DateTime.UtcNow:HH:mm:ss}] {line}";
        Console.WriteLine(stamped);
        log.Add(stamped);
    }

    private async Task CloseAsync()
    {
        foreach (var screen in inboxScreens.Concat(ticketScreens))
        {
            try { await screen.DisposeAsync(); } catch (Exception ex) { Console.Error.WriteLine($"closing a screen: {ex.Message}"); }
        }
        foreach (var widget in widgets) await widget.DisposeAsync();
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
    }
}
