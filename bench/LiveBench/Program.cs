using System.Diagnostics;
using LiveBench;
using LiveBench.Circuits;

// Live benchmark (issue 11). See bench/LiveBench/run.sh and docs/BENCHMARKS.md.
//   prepare --db <sqlite> | --postgres <Npgsql connection string> [--agents 100] [--password LiveBench!2026] --out <prepared.json>
//   probe   --url <app> --email <agent> --password <pw> [--path /inbox]      one protocol screen, prints what it saw
//   run     --url <app> --pid <server pid> --prepared <prepared.json> [--screens 0,25,50,100] [--browsers 10]
//           [--changes 100] [--phase-seconds 45] [--ticket-screens 20] [--chats 20] [--heap] [--out <dir>] [--label text]
//           [--second-node <app node B>]                                 every other inbox screen on node B, changes on A
//   hold    --url <app> --prepared <prepared.json> --screens 50 [--ready <file>]   protocol inbox screens held until SIGTERM
var options = Args.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "prepare":
        var postgres = options.Get("postgres");
        var prepared = await Prepare.RunAsync(postgres is null ? options.Required("db") : null, postgres,
            options.Int("agents", 100), options.Get("password") ?? "LiveBench!2026");
        Prepare.Write(prepared, options.Required("out"));
        Console.WriteLine($"prepared {prepared.Agents.Count} agents, hidden team {prepared.HiddenTeamId}: {options.Required("out")}");
        return 0;
    case "probe":
        await ProbeAsync(new Uri(options.Required("url")), options.Required("email"), options.Required("password"), options.Get("path") ?? "/inbox");
        return 0;
    case "hold":
        return await Hold.RunAsync(new Uri(options.Required("url")), Prepare.Read(options.Required("prepared")),
            options.Int("screens", 50), options.Get("ready"));
    case "run":
        return await LiveRun.RunAsync(RunOptions.From(options));
    default:
        Console.Error.WriteLine("usage: LiveBench prepare --db <file> | --postgres <connection string> --out <json> | probe --url <url> --email <e> --password <p> | hold --url <url> --prepared <json> --screens <n> | run --url <url> --pid <pid> --prepared <json> ...");
        return 2;
}

static async Task ProbeAsync(Uri url, string email, string password, string path)
{
    var started = Stopwatch.StartNew();
    await using var screen = new ProtocolScreen(url, email, password, path);
    await screen.OpenAsync(CancellationToken.None);
    Console.WriteLine($"open in {started.ElapsedMilliseconds} ms: {screen.Batches} batches, {screen.BatchBytes:N0} bytes, closed={screen.Closed}");
    foreach (var (identifier, count) in screen.InteropCalls) Console.WriteLine($"  JS interop {identifier} x{count}");
    foreach (var error in screen.Errors) Console.WriteLine($"  error: {error}");
}
