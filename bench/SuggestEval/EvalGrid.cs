using System.Globalization;
using AgentWorkspace.Features.Suggestions;

namespace SuggestEval;

/// <summary>The knobs k-fold selection may change, and how a knob setting becomes a <see cref="SuggestionTuning"/>.</summary>
public static class EvalGrid
{
    /// <summary>The grid of the documented run (docs/BENCHMARKS.md): the defaults are always the first value.</summary>
    public static List<(string Knob, string[] Values)> Default { get; } =
    [
        ("TitleWeight", ["3.0", "4.0"]),
        ("BodyB", ["0.75", "0.5"]),
        ("SynonymWeight", ["0.6", "0.8"]),
        ("PairWeight", ["0.7", "1.0"]),
        ("CoverageExponent", ["0.3", "0.5"]),
    ];

    public static IEnumerable<List<(string Knob, string Value)>> Combinations(List<(string Knob, string[] Values)> grid)
    {
        IEnumerable<List<(string Knob, string Value)>> result = [[]];
        foreach (var (knob, values) in grid)
            result = result.SelectMany(prefix => values.Select(v => new List<(string, string)>(prefix) { (knob, v) }));
        return result;
    }

    public static SuggestionTuning Apply(SuggestionTuning tuning, IEnumerable<(string Knob, string Value)> knobs)
    {
        var copy = tuning with { };
        foreach (var (knob, value) in knobs)
        {
            var property = typeof(SuggestionTuning).GetProperty(knob) ?? throw new ArgumentException($"unknown knob {knob}");
            property.SetValue(copy, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }
        return copy;
    }
}
