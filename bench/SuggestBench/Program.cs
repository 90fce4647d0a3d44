using System.Diagnostics;
using AgentWorkspace.Features.Suggestions;
using SuggestBench;
using SuggestEval;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SuggestBench <articles.jsonl> <queries.jsonl> [--sizes 10000,100000] [--per-kind 1000] [--seed 7] [--fidelity] [--publish [--publishes 50]] [--dense [--dense-embed N]] [--set Knob=value]...");
    return 2;
}

string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var sizes = Option("--sizes", "10000,100000").Split(',').Select(int.Parse).ToArray();
var perKind = int.Parse(Option("--per-kind", "1000"));
var seed = int.Parse(Option("--seed", "7"));
// --set Name=value overrides a SuggestionTuning knob, as in SuggestEval.
var tuning = SuggestionTuning.Default;
for (var i = 2; i < args.Length - 1; i++)
{
    if (args[i] != "--set") continue;
    var (name, value) = (args[i + 1].Split('=')[0], args[i + 1].Split('=')[1]);
    var property = typeof(SuggestionTuning).GetProperty(name) ?? throw new ArgumentException($"unknown knob {name}");
    tuning = tuning with { };
    property.SetValue(tuning, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
}

var kbArticles = KbEvalData.LoadArticles(args[0]);
var devQueries = KbEvalData.LoadQueries(args[1]).Select(q => new BenchQuery(q.Kind, q.Text)).ToList();
var languages = LanguageText.Learn(kbArticles);
Console.WriteLine($"SuggestBench: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
    $"server GC {System.Runtime.GCSettings.IsServerGC}, seed {seed}");

if (args.Contains("--dense"))
{
    // --dense: the lexical + MiniLM path; --sizes 160 uses the kb-eval articles themselves.
    DenseBench.Run(kbArticles, languages, devQueries, sizes, seed, int.Parse(Option("--per-kind", "300")), tuning,
        int.Parse(Option("--dense-embed", "1000000")));
    return 0;
}

if (args.Contains("--publish"))
{
    foreach (var size in sizes) PublishBench.Run(languages, devQueries, size, seed, int.Parse(Option("--publishes", "50")), tuning);
    return 0;
}

foreach (var size in sizes)
{
    var docs = new CorpusGenerator(languages, seed).Generate(size);
    var before = FullCollection();
    var build = Stopwatch.StartNew();
    var index = SuggestionIndex.Build(docs, SynonymSet.Default, tuning);
    build.Stop();
    var after = FullCollection();
    using var process = Process.GetCurrentProcess();

    // The dev queries as written plus generated ones, interleaved in a fixed order.
    var shuffle = new Random(seed);
    var queries = devQueries.Concat(new QueryGenerator(languages, seed).Generate(perKind, docs))
        .OrderBy(_ => shuffle.Next()).ToList();
    // Agent workspace searches see internal articles, the customer widget does not: alternate the two.
    SuggestionOptions[] options = [new() { IncludeInternal = true }, new() { IncludeInternal = false }];

    var checksum = 0;
    foreach (var query in queries.Take(500)) checksum += index.Search(query.Text, options[0]).Count; // JIT and tiering warm-up
    var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var timings = new List<(string Kind, double Ms, double CpuMs)>(queries.Count);
    var load = LoadAverage();
    for (var i = 0; i < queries.Count; i++)
    {
        var cpu = ThreadCpuClock.NowMs();
        var start = Stopwatch.GetTimestamp();
        var hits = index.Search(queries[i].Text, options[i % 2]);
        var elapsed = Stopwatch.GetElapsedTime(start);
        timings.Add((queries[i].Kind, elapsed.TotalMilliseconds, ThreadCpuClock.NowMs() - cpu));
        checksum += hits.Count;
    }
    load += " -> " + LoadAverage();
    var allocatedPerSearch = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)queries.Count;

    Console.WriteLine();
    Console.WriteLine($"### {size:N0} articles ({docs.Count(d => d.Language == "en"):N0} en, {docs.Count(d => d.Language == "es"):N0} es, " +
        $"{docs.Count(d => d.Internal):N0} internal; {docs.Average(d => d.Body.Split(' ').Length):F0} body words on average, {DistinctWords(docs):N0} distinct words)");
    Console.WriteLine();
    Console.WriteLine($"- index build: {build.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"- managed memory held by the index (GC.GetTotalMemory after full collections, after - before build): {(after - before) / 1048576.0:F0} MB");
    Console.WriteLine($"- process working set after build: {process.WorkingSet64 / 1048576.0:F0} MB (peak so far {process.PeakWorkingSet64 / 1048576.0:F0} MB)");
    Console.WriteLine($"- GCs while searching (gen0/gen1/gen2): {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}; results returned: {checksum:N0}; allocated per search: {allocatedPerSearch / 1024:F1} KB");
    Console.WriteLine();
    Console.WriteLine($"- load average (1/5/15 min) before -> after searching: {load}");
    Console.WriteLine();
    Console.WriteLine("Per search, wall clock (Stopwatch around Search) and, in brackets, the searching thread's CPU time:");
    Console.WriteLine();
    Console.WriteLine("| queries | n | p50 ms | p95 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var slice in timings.GroupBy(t => t.Kind).OrderBy(g => g.Key).Prepend(timings.GroupBy(_ => "all").Single()))
    {
        var wall = slice.Select(t => t.Ms).Order().ToList();
        var cpu = slice.Select(t => t.CpuMs).Order().ToList();
        string Cell(double q) => $"{Percentile(wall, q):F2} ({Percentile(cpu, q):F2})";
        Console.WriteLine($"| {slice.Key} | {wall.Count} | {Cell(0.50)} | {Cell(0.95)} | {Cell(0.99)} | {Cell(1.0)} |");
    }
    if (args.Contains("--fidelity")) ReportFidelity(index, docs, queries, options, tuning);
    GC.KeepAlive(index);
    GC.KeepAlive(docs);
}
return 0;

// How far the posting budget (SuggestionTuning.PostingBudget) changes results: the same searches on an index that
// walks every posting.
static void ReportFidelity(SuggestionIndex index, List<SuggestionDocument> docs, List<BenchQuery> queries, SuggestionOptions[] options,
    SuggestionTuning tuning)
{
    var uncapped = SuggestionIndex.Build(docs, SynonymSet.Default, tuning with { PostingBudget = int.MaxValue });
    int sameTop = 0, compared = 0;
    double overlap = 0;
    for (var i = 0; i < queries.Count; i++)
    {
        var capped = index.Search(queries[i].Text, options[i % 2]).Select(h => h.Id).ToList();
        var full = uncapped.Search(queries[i].Text, options[i % 2]).Select(h => h.Id).ToList();
        if (full.Count == 0) continue;
        compared++;
        if (capped.FirstOrDefault() == full[0]) sameTop++;
        overlap += capped.Intersect(full).Count() / (double)full.Count;
    }
    Console.WriteLine();
    Console.WriteLine($"Posting budget vs walking every posting, {compared} searches: same top result {100.0 * sameTop / compared:F1}%, " +
        $"top-10 overlap {100 * overlap / compared:F1}%");
}

static long FullCollection()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}

static int DistinctWords(List<SuggestionDocument> docs) => docs
    .SelectMany(d => $"{d.Title} {d.Keywords} {d.Body}".Split([' ', ',', '.', '\n', '*', '[', ']', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
    .Select(w => w.ToLowerInvariant()).Distinct().Count();

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

// Nearest rank on a sorted list.
static double Percentile(List<double> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
