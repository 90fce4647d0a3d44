using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Two app nodes' live backbones (notifier, Redis relay, presence board) in one process, so one clock times both ends:
// events published on node A at a steady rate, timed until node B's subscriber has them. Starts its own redis-server
// unless --redis host:port is given.
string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var count = int.Parse(Option("--events", "5000"), CultureInfo.InvariantCulture);
var rate = int.Parse(Option("--rate", "500"), CultureInfo.InvariantCulture);
var connection = Option("--redis", "");
Process? server = null;
if (connection.Length == 0)
{
    var port = FreePort();
    var directory = Directory.CreateTempSubdirectory("cluster-latency-").FullName;
    server = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
    {
        WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false,
    });
    connection = $"127.0.0.1:{port}";
    await Task.Delay(500);
}
try
{
    var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
    var (a, relayA) = await StartNodeAsync(connection, prefix);
    var (b, relayB) = await StartNodeAsync(connection, prefix);
    var sent = new long[count];
    var latencies = new double[count];
    var received = 0;
    var done = new TaskCompletionSource();
    using var subscription = b.GetRequiredService<WorkspaceNotifier>().Subscribe(Topic.Agent("bench"), batch =>
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var e in batch.OfType<TicketSeen>())
        {
            latencies[e.TicketId] = Stopwatch.GetElapsedTime(sent[e.TicketId], now).TotalMilliseconds;
            if (Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }
        }
        return Task.CompletedTask;
    }, capacity: count);

    var notifierA = a.GetRequiredService<WorkspaceNotifier>();
    // Warm-up: the first events pay for JIT and connection set-up.
    for (var i = 0; i < 200; i++)
    {
        notifierA.Publish(new TicketSeen("warm-up", i));
    }
    await Task.Delay(1000);

    var interval = TimeSpan.FromSeconds(1.0 / rate);
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
    {
        var due = started + (long)(i * interval.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < due)
        {
            if (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 500)
            {
                await Task.Delay(1);
            }
        }
        sent[i] = Stopwatch.GetTimestamp();
        notifierA.Publish(new TicketSeen("bench", i));
    }
    if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(30))) != done.Task)
    {
        Console.WriteLine($"only {received} of {count} events arrived");
        return 1;
    }
    Array.Sort(latencies);
    double P(double q) => latencies[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
    Console.WriteLine($"ClusterLatency: {count} events at {rate}/s, node A -> Redis -> node B subscriber; " +
        $"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, p99.9 {P(0.999):F2} ms, max {latencies[^1]:F2} ms");
    await relayA.StopAsync(CancellationToken.None);
    await relayB.StopAsync(CancellationToken.None);
    return 0;
}
finally
{
    server?.Kill();
}

static async Task<(ServiceProvider Services, IHostedService Relay)> StartNodeAsync(string connection, string prefix)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Redis:Connection"] = connection,
        ["Redis:Prefix"] = prefix,
    }).Build();
    var services = new ServiceCollection()
        .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddSingleton<PresenceBoard>()
        .AddSingleton<WorkspaceNotifier>();
    services.AddCluster(configuration);
    var provider = services.BuildServiceProvider();
    var relay = provider.GetRequiredService<RedisRelay>();
    await relay.StartAsync(CancellationToken.None);
    await relay.Ready;
    return (provider, relay);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
