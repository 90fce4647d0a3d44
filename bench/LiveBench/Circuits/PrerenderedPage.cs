using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LiveBench.Circuits;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it opens a circuit: the interactive server components'
/// start markers (<c>&lt;!--Blazor:{"type":"server",...,"descriptor":"..."}--&gt;</c>, the descriptor protected by the
/// server) and the persisted component state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>).
/// </summary>
internal sealed partial class PrerenderedPage
{
    public required IReadOnlyList<JsonObject> ServerMarkers { get; init; }
    public required string ApplicationState { get; init; }

    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match m in Marker().Matches(html))
        {
            if (JsonNode.Parse(m.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }
        // The script registers server components in their sequence order.
        markers.Sort((a, b) => ((int?)a["sequence"] ?? 0).CompareTo((int?)b["sequence"] ?? 0));
        var state = State().Match(html);
        return new PrerenderedPage { ServerMarkers = markers, ApplicationState = state.Success ? state.Groups[1].Value : "" };
    }

    /// <summary>The first UpdateRootComponents call: add every marker, numbered from 1 as the script numbers them.</summary>
    public string AddOperations() => new JsonObject
    {
        ["batchId"] = 1,
        ["operations"] = new JsonArray(ServerMarkers.Select((marker, i) => (JsonNode)new JsonObject
        {
            ["type"] = "add",
            ["ssrComponentId"] = i + 1,
            ["marker"] = marker.DeepClone(),
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
