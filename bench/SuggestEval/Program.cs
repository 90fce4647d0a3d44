using AgentWorkspace.Features.Suggestions;
using SuggestEval;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SuggestEval <articles.jsonl> <queries.jsonl> [--misses] [--no-synonyms] [--set Knob=value]...");
    return 2;
}

var articles = KbEvalData.LoadArticles(args[0]);
var queries = KbEvalData.LoadQueries(args[1]);
// Ablations: --set Name=value overrides a SuggestionTuning knob, --no-synonyms drops the default synonym set.
var tuning = new SuggestionTuning();
for (var i = 2; i < args.Length - 1; i++)
{
    if (args[i] != "--set") continue;
    var (name, value) = (args[i + 1].Split('=')[0], args[i + 1].Split('=')[1]);
    var property = typeof(SuggestionTuning).GetProperty(name) ?? throw new ArgumentException($"unknown knob {name}");
    property.SetValue(tuning, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
}
var synonyms = args.Contains("--no-synonyms") ? SynonymSet.Empty : SynonymSet.Default;
var index = SuggestionIndex.Build(articles.Select(KbEvalData.ToDocument), synonyms, tuning);
var report = RelevanceEvaluator.Evaluate(index, queries);

Console.WriteLine($"articles {articles.Count}, queries {report.Overall.Count}");
Console.WriteLine($"{"slice",-22} {"n",5} {"R@1",6} {"R@3",6} {"MRR",6}");
foreach (var (name, score) in report.Slices())
    Console.WriteLine($"{name,-22} {score.Count,5} {score.RecallAt1,6:F3} {score.RecallAt3,6:F3} {score.Mrr,6:F3}");

if (args.Contains("--misses"))
{
    foreach (var miss in report.Misses)
        Console.WriteLine($"MISS {miss.Query.Id} [{miss.Query.Lang}/{miss.Query.Kind}] gold={string.Join(',', miss.Query.Gold)} top={string.Join(',', miss.Top3)} :: {miss.Query.Text}");
}
return 0;
