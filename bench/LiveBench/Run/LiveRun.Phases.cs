using System.Diagnostics;
using LiveBench.Browser;
using LiveBench.Changes;
using LiveBench.Circuits;

namespace LiveBench;

/// <summary>One change: what shows it, where it must show, where it must not, and the call that makes it.</summary>
internal sealed record Change(Probe Probe, IReadOnlyList<IScreen> Affected, IReadOnlyList<IScreen> Unaffected, WidgetCustomer? Widget, Func<Task> Act);

internal sealed partial class LiveRun
{
    private readonly List<IScreen> ticketScreens = [];
    private readonly List<WidgetCustomer> widgets = [];

    /// <summary>
    /// Changes one at a time: every watch armed, the call made and timed, then each affected screen (and widget) waited
    /// for up to 5 s. Latency is from just before the call to the moment the screen had the change.
    /// </summary>
    private async Task RunPhaseAsync(int screensOpen, string name, int count, Func<int, Change> make)
    {
        var result = new PhaseResult(screensOpen, name);
        // A few unrecorded changes first: the first of a kind pays for JIT and cold caches on the server and here.
        var warmup = new PhaseResult(screensOpen, name);
        for (var i = 0; i < WarmupChanges; i++)
        {
            await MakeChangeAsync(warmup, make(count + i), []);
        }
        result.IdleCores = await IdleCoresAsync();
        var unaffectedWatches = new List<(IScreen Screen, Probe Probe, Task<long> Shown)>();
        var cpuStart = server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        // A slow app must not make a run endless: a phase stops at its time budget (with at least 5 changes made).
        for (var i = 0; i < count && (clock.Elapsed.TotalSeconds < options.PhaseSeconds || i < 5); i++)
        {
            await MakeChangeAsync(result, make(i), unaffectedWatches);
            await Task.Delay(20);
        }
        // Work a change causes may go on after its call returned: count it until the server is quiet again.
        await Task.Delay(1000);
        result.Seconds = clock.Elapsed.TotalSeconds;
        result.CpuSeconds = server.CpuSeconds() - cpuStart;
        result.FalseShows = unaffectedWatches.Count(w => w.Shown.IsCompleted);
        foreach (var (screen, probe, _) in unaffectedWatches) screen.Forget(probe);
        results.Add(result);
        var summary = string.Join("; ", result.ShowLatencies.Select(kv =>
            $"{kv.Key} p50 {Percentile(kv.Value, 50):F1} p99 {Percentile(kv.Value, 99):F1} ms"));
        Log($"{screensOpen} screens, {name}: {result.Changes} changes, call p50 {Percentile(result.CallLatencies, 50):F1} p99 {Percentile(result.CallLatencies, 99):F1} ms; " +
            $"{(summary.Length > 0 ? summary : "no screen to reach")}; missed {result.Misses.Values.Sum()}; CPU {result.CpuMsPerChange:F1} ms/change; shown where it must not {result.FalseShows}");
    }

    private const int WarmupChanges = 3;

    private static async Task MakeChangeAsync(PhaseResult result, Change change, List<(IScreen Screen, Probe Probe, Task<long> Shown)> unaffectedWatches)
    {
        result.AffectedPerChange = Math.Max(result.AffectedPerChange, change.Affected.Count + (change.Widget is null ? 0 : 1));
        var armed = await Task.WhenAll(change.Affected.Select(s => s.ArmAsync(change.Probe)));
        var unarmed = await Task.WhenAll(change.Unaffected.Select(s => s.ArmAsync(change.Probe)));
        var widgetShown = change.Widget?.WatchAsync(change.Probe.Text);
        var start = Stopwatch.GetTimestamp();
        await change.Act();
        result.CallLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        result.Changes++;
        // A screen has 5 s after the call returned (a call that waits for the screens can itself take longer).
        var deadline = Stopwatch.GetTimestamp() + (long)(ShowTimeout.TotalSeconds * Stopwatch.Frequency);
        for (var s = 0; s < armed.Length; s++)
        {
            var screen = change.Affected[s];
            await RecordShownAsync(result, screen.Kind, armed[s], start, deadline, () => screen.Forget(change.Probe));
        }
        if (widgetShown is not null)
        {
            await RecordShownAsync(result, "widget", widgetShown, start, deadline, () => change.Widget!.Forget(change.Probe.Text));
        }
        for (var s = 0; s < unarmed.Length; s++)
        {
            unaffectedWatches.Add((change.Unaffected[s], change.Probe, unarmed[s]));
        }
    }

    private static async Task RecordShownAsync(PhaseResult result, string kind, Task<long> shown, long start, long deadline, Action forget)
    {
        var remaining = TimeSpan.FromSeconds(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
        try
        {
            var at = await shown.WaitAsync(remaining);
            result.AddShown(kind, (at - start) * 1000.0 / Stopwatch.Frequency);
        }
        catch (TimeoutException)
        {
            forget();
            result.AddMiss(kind);
        }
    }

    /// <summary>Server CPU (cores) over two quiet seconds: keep-alives and timers of the screens open now.</summary>
    private async Task<double> IdleCoresAsync()
    {
        var cpu = server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(2000);
        return (server.CpuSeconds() - cpu) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Widget chats with agent screens on their tickets (the inbox screens stay open): customer messages through the
    /// widget hub, agent replies through the API, and replies typed in a Chromium screen's composer.
    /// </summary>
    private async Task RunChatPhasesAsync(ApiClient api)
    {
        for (var i = 0; i < options.Chats; i++)
        {
            var widget = new WidgetCustomer(options.Url, i);
            await widget.StartAsync(CancellationToken.None);
            widgets.Add(widget);
        }
        var onTicket = new Dictionary<int, List<IScreen>>();
        // Agents who see every team's tickets: the demo's routing rules move a chat into a team once it has started.
        var desk = prepared.DeskAgents is { Count: > 0 } d ? d : prepared.Agents.Reverse().ToList();
        var fresh = new List<IScreen>();
        BrowserScreen? composer = null;
        if (browser is not null)
        {
            composer = new BrowserScreen(browser, options.Url, desk[0], prepared.Password, $"/tickets/{widgets[0].TicketNumber}");
            fresh.Add(composer);
        }
        for (var i = 0; i < options.TicketScreens; i++)
        {
            var number = widgets[i % widgets.Count].TicketNumber;
            var email = desk[(i + 1) % desk.Count];
            fresh.Add(new ProtocolScreen(options.Url, email, prepared.Password, $"/tickets/{number}"));
        }
        var started = Stopwatch.StartNew();
        var openMs = await OpenAllAsync(fresh);
        ticketScreens.AddRange(fresh);
        foreach (var screen in fresh)
        {
            var number = int.Parse(screen.Path[(screen.Path.LastIndexOf('/') + 1)..]);
            if (!onTicket.TryGetValue(number, out var list)) onTicket[number] = list = [];
            list.Add(screen);
        }
        Log($"{options.Chats} widget chats, {fresh.Count} ticket screens open in {started.Elapsed.TotalSeconds:F1} s (open p50 {Percentile(openMs, 50):F0} ms)");
        var open = inboxScreens.Count;
        IReadOnlyList<IScreen> ScreensOn(WidgetCustomer w) => onTicket.GetValueOrDefault(w.TicketNumber) ?? [];

        await RunPhaseAsync(open, $"customer message (widget) → screens on that ticket", options.Changes, i =>
        {
            var widget = widgets[i % widgets.Count];
            var marker = Marker("C");
            return new Change(new Probe(marker), ScreensOn(widget), [], null, () => widget.SendAsync($"Customer says {marker}"));
        });
        await RunPhaseAsync(open, $"agent reply (API) → screens on that ticket + widget", options.Changes, i =>
        {
            var widget = widgets[i % widgets.Count];
            var marker = Marker("R");
            return new Change(new Probe(marker), ScreensOn(widget), [], widget, () => api.ReplyAsync(widget.TicketNumber, $"Agent says {marker}"));
        });
        if (composer is not null)
        {
            var others = ScreensOn(widgets[0]).Where(s => s != composer).ToList();
            try
            {
                await RunPhaseAsync(open, $"agent reply typed on a Chromium screen → other screens on that ticket + widget", Math.Max(1, options.Changes / 4), i =>
                {
                    var marker = Marker("S");
                    return new Change(new Probe(marker), others, [], widgets[0], () => composer.ReplyAsync($"Screen says {marker}"));
                });
            }
            catch (TimeoutException ex)
            {
                // The figures already taken still go to the report; the log says why this phase has none.
                Log($"composer phase stopped: {ex.Message.Split('\n')[0]} ({ex.Message.Split('\n').LastOrDefault(l => l.Contains("element", StringComparison.Ordinal))?.Trim()})");
            }
        }
    }
}
