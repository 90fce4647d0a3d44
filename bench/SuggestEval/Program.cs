using System.Globalization;
using AgentWorkspace.Features.Suggestions;
using SuggestEval;

if (args.Length < 2)
{
    Console.Error.WriteLine("""
        usage: SuggestEval <articles.jsonl> <queries.jsonl> [options]
          --folds N            k for k-fold selection (default 5)
          --set Knob=value     fix a SuggestionTuning knob for every run
          --grid Knob=a,b,c    candidate values of a knob for k-fold selection (replaces the built-in grid)
          --no-synonyms        drop the default synonym set
          --no-dense           skip the MiniLM dense and hybrid rankers
          --misses             list the engine's R@1 misses (defaults, all queries)
        """);
    return 2;
}

var articles = KbEvalData.LoadArticles(args[0]);
var queries = KbEvalData.LoadQueries(args[1]);
var folds = OptionValues("--folds").Select(int.Parse).DefaultIfEmpty(5).First();
var synonyms = args.Contains("--no-synonyms") ? SynonymSet.Empty : SynonymSet.Default;
var fixedKnobs = OptionValues("--set").Select(ParseKnob).ToList();
var grid = OptionValues("--grid").Select(ParseGrid).ToList();
if (grid.Count == 0) grid = EvalGrid.Default;
var documents = articles.Select(KbEvalData.ToDocument).ToList();
var foldOf = KFold.Assign(queries, folds);

Console.WriteLine($"articles {articles.Count}, queries {queries.Count}, {folds}-fold selection (folds stratified by kind and language)");
Console.WriteLine($"grid: {string.Join("; ", grid.Select(g => $"{g.Knob} {{{string.Join(", ", g.Values)}}}"))}");

// 1. The engine as configured (defaults plus --set), on every query: for the dev set this is in-sample.
var defaults = EvalGrid.Apply(new SuggestionTuning(), fixedKnobs);
var engine = new EngineRanker("ours (defaults)", SuggestionIndex.Build(documents, synonyms, defaults));
var engineResults = RelevanceEvaluator.Run(engine, queries);
engineResults = RelevanceEvaluator.Run(engine, queries); // timed warm

// 2. The off-the-shelf baseline: nothing to tune, so its figures need no folds.
using var lucene = new LuceneBaseline(articles);
var luceneResults = RelevanceEvaluator.Run(lucene, queries);
luceneResults = RelevanceEvaluator.Run(lucene, queries);
// The same setup without fuzziness scores higher on this set; both are shown, so ours is compared with the better.
using var luceneExact = new LuceneBaseline(articles, fuzzy: false);
var luceneExactResults = RelevanceEvaluator.Run(luceneExact, queries);
if (args.Contains("--lucene-variants"))
{
    foreach (var bm25 in new[] { true, false })
    {
        foreach (var fuzzy in new[] { true, false })
        {
            foreach (var both in new[] { false, true })
            {
                using var variant = new LuceneBaseline(articles, bm25, fuzzy, both);
                var s = RelevanceEvaluator.Score(RelevanceEvaluator.Run(variant, queries));
                Console.WriteLine($"lucene bm25={bm25} fuzzy={fuzzy} bothLanguages={both}: {s.RecallAt1:F3} / {s.RecallAt3:F3} / {s.Mrr:F3}");
            }
        }
    }
}

// 3. k-fold over the grid: each candidate is the defaults with some knobs changed.
var candidates = new List<(string Name, IReadOnlyList<QueryResult> Results)>();
var candidateTunings = new Dictionary<string, SuggestionTuning>();
foreach (var combination in EvalGrid.Combinations(grid))
{
    var tuning = EvalGrid.Apply(defaults, combination);
    var name = combination.Count == 0 ? "defaults" : string.Join(" ", combination.Select(k => $"{k.Knob}={k.Value}"));
    candidateTunings[name] = tuning;
    candidates.Add((name, RelevanceEvaluator.Run(new EngineRanker(name, SuggestionIndex.Build(documents, synonyms, tuning)), queries)));
}
if (args.Contains("--sentence-max"))
{
    foreach (var (name, tuning) in candidateTunings.ToList())
    {
        foreach (var weight in new[] { 0.25f, 0.5f, 1f })
        {
            var ranker = new SentenceMaxRanker(SuggestionIndex.Build(documents, synonyms, tuning), weight);
            candidates.Add(($"{name} + {ranker.Name}", RelevanceEvaluator.Run(ranker, queries)));
        }
    }
}
var lexical = KFold.Select(candidates, foldOf, folds);
if (args.Contains("--grid-table"))
{
    // Every candidate on all queries (in-sample): to see what a knob does, not to choose by.
    foreach (var (name, results) in candidates)
    {
        var kinds = RelevanceEvaluator.Slices(results).Where(s => s.Name.StartsWith("kind=", StringComparison.Ordinal) || s.Name == "overall")
            .Select(s => $"{s.Score.RecallAt1:F3}/{s.Score.RecallAt3:F3}/{s.Score.Mrr:F3}");
        Console.WriteLine($"  {name,-70} {string.Join("  ", kinds)}");
    }
}

// 4. Dense alone, the shipped hybrid (the app's DenseReranker with the app's DenseSettings defaults), and the hybrid
// selected by k-fold over engine knobs and fusion knobs together.
IReadOnlyList<QueryResult>? denseResults = null;
IReadOnlyList<QueryResult>? shippedResults = null;
KFold.Outcome? hybrid = null;
DenseIndex? dense = null;
TimeSpan denseBuild = default;
var hybridMilliseconds = new List<double>();
var shipped = new DenseSettings();
if (!args.Contains("--no-dense"))
{
    var denseStarted = System.Diagnostics.Stopwatch.GetTimestamp();
    dense = new DenseIndex(articles);
    denseBuild = System.Diagnostics.Stopwatch.GetElapsedTime(denseStarted);
    denseResults = RelevanceEvaluator.Run(new DenseRanker(dense), queries);
    shippedResults = RelevanceEvaluator.Run(new HybridRanker(engine.Index, dense, shipped), queries);
    var hybridCandidates = new List<(string Name, IReadOnlyList<QueryResult> Results)>(candidates);
    foreach (var (name, tuning) in candidateTunings)
    {
        var index = SuggestionIndex.Build(documents, synonyms, tuning);
        foreach (var weight in new[] { 0.35f, 0.5f, 0.65f, 0.8f })
        {
            foreach (var minWords in new[] { 0, 4, 8 })
            {
                foreach (var englishOnly in new[] { true, false })
                {
                    var ranker = new HybridRanker(index, dense, shipped with { Weight = weight, MinWords = minWords, EnglishOnly = englishOnly });
                    hybridCandidates.Add(($"{name} + {ranker.Name}", RelevanceEvaluator.Run(ranker, queries)));
                }
            }
        }
    }
    hybrid = KFold.Select(hybridCandidates, foldOf, folds);
    // Fusion cost on top of the engine and the embedding, with the embeddings already cached.
    var fusion = new HybridRanker(engine.Index, dense, shipped with { MinWords = 0, EnglishOnly = false });
    hybridMilliseconds.AddRange(RelevanceEvaluator.Run(fusion, queries).Select(r => r.Milliseconds));
}

Console.WriteLine();
Console.WriteLine($"Held-out figures: R@1 / R@3 / MRR. 'ours k-fold' and 'hybrid k-fold' report each query from the fold it was held out of.");
var columns = new List<(string Name, IReadOnlyList<QueryResult> Results)>
{
    ("lucene baseline (issue)", luceneResults),
    ("lucene, no fuzziness", luceneExactResults),
    ("ours, defaults (in-sample)", engineResults),
    ("ours, k-fold held-out", lexical.HeldOut),
};
if (denseResults is not null) columns.Add(("dense MiniLM alone", denseResults));
if (shippedResults is not null) columns.Add(("hybrid as shipped (in-sample)", shippedResults));
if (hybrid is not null) columns.Add(("hybrid, k-fold held-out", hybrid.HeldOut));
Console.WriteLine($"{"slice",-22} {"n",4}  " + string.Join("  ", columns.Select(c => $"{c.Name,-26}")));
foreach (var (slice, _) in RelevanceEvaluator.Slices(queries.Select(q => engineResults.First(r => r.Query == q)).ToList()))
{
    var cells = columns.Select(c => RelevanceEvaluator.Slices(c.Results).First(s => s.Name == slice).Score).ToList();
    Console.WriteLine($"{slice,-22} {cells[0].Count,4}  " + string.Join("  ", cells.Select(s => $"{s.RecallAt1:F3} / {s.RecallAt3:F3} / {s.Mrr:F3}    ")));
}

Console.WriteLine();
Console.WriteLine($"lexical grid: {candidates.Count} candidates; chosen per fold: {string.Join(" | ", lexical.ChosenPerFold)}");
Console.WriteLine($"lexical grid, chosen on all queries (not adopted: see docs/BENCHMARKS.md): {lexical.ChosenOnAll}");
if (hybrid is not null)
{
    Console.WriteLine($"hybrid as shipped: {new HybridRanker(engine.Index, dense!, shipped).Name}");
    Console.WriteLine($"hybrid grid: chosen per fold: {string.Join(" | ", hybrid.ChosenPerFold)}");
    Console.WriteLine($"hybrid grid, chosen on all queries: {hybrid.ChosenOnAll}");
}

Console.WriteLine();
Console.WriteLine($"Latency per query at {articles.Count} articles, ms (second, warm pass; in-process, this machine):");
Console.WriteLine($"{"ranker",-34} {"p50",7} {"p95",7} {"p99",7} {"max",7}");
PrintLatency("ours (defaults)", engineResults.Select(r => r.Milliseconds));
PrintLatency("lucene baseline", luceneResults.Select(r => r.Milliseconds));
if (dense is not null)
{
    PrintLatency("MiniLM query embedding", dense.EmbedMilliseconds);
    PrintLatency("engine + fusion (embedding cached)", hybridMilliseconds);
    Console.WriteLine($"MiniLM: embedding the {articles.Count} articles took {denseBuild.TotalSeconds:F1} s");
}

if (args.Contains("--misses"))
{
    foreach (var miss in RelevanceEvaluator.Misses(engineResults))
        Console.WriteLine($"MISS {miss.Query.Id} [{miss.Query.Lang}/{miss.Query.Kind}] gold={string.Join(',', miss.Query.Gold)} top={string.Join(',', miss.Top3)} :: {miss.Query.Text}");
}
dense?.Dispose();
return 0;

IEnumerable<string> OptionValues(string option)
{
    for (var i = 2; i < args.Length - 1; i++)
        if (args[i] == option) yield return args[i + 1];
}

static (string Knob, string Value) ParseKnob(string text) => (text.Split('=')[0], text.Split('=')[1]);

static (string Knob, string[] Values) ParseGrid(string text) => (text.Split('=')[0], text.Split('=')[1].Split(','));

static void PrintLatency(string name, IEnumerable<double> milliseconds)
{
    var sorted = milliseconds.Order().ToArray();
    if (sorted.Length == 0) return;
    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {At(0.5),7:F2} {At(0.95),7:F2} {At(0.99),7:F2} {sorted[^1],7:F2}"));
}
