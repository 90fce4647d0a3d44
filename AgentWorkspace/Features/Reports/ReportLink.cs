using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentWorkspace.Features.Reports;

/// <summary>
/// A drill-down in a URL: the inbox's <c>?report=</c> parameter carries the number's exact criteria (metric, range,
/// filters, group), not a list of ids, so a number of any size links to its tickets. Anything that doesn't read back as a
/// valid drill-down is refused (null), never half-applied.
/// </summary>
public static class ReportLink
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string InboxUrl(ReportDrill drill) => "/inbox?report=" + Encode(drill);

    public static string Encode(ReportDrill drill) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(drill, Json));

    public static ReportDrill? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return null;
        }
        try
        {
            var drill = JsonSerializer.Deserialize<ReportDrill>(Base64Url.DecodeFromChars(text), Json);
            return drill is { Filters: not null } && drill.From < drill.To && Enum.IsDefined(drill.Metric) ? drill : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
