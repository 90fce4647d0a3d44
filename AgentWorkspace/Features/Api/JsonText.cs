using System.Text;
using System.Text.Json;

namespace AgentWorkspace.Features.Api;

/// <summary>
/// Checks that a JSON body's strings are text before anything reads them. UTF-8 bytes are checked by the caller;
/// here JSON escapes, which can spell unpaired UTF-16 surrogates ("\ud800") that no Unicode text contains. The
/// serializer refuses them in string properties, but not in a JsonElement (read later, where it throws) nor in the
/// names of properties it skips; a later database look-up, comparison or sanitizer must never meet them.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// The JSON path of the first string or property name whose escapes are not valid UTF-16 (a property name is
    /// reported at its object), or null when there is none. Structural errors are left to the deserializer.
    /// </summary>
    public static string? FindInvalidEscape(ReadOnlySpan<byte> utf8, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = options.MaxDepth,
            CommentHandling = options.ReadCommentHandling,
            AllowTrailingCommas = options.AllowTrailingCommas,
        });
        // One entry per open object or array: the segment naming its current child, and the next index (-1 in objects).
        var segments = new List<string>();
        var nextIndex = new List<int>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.Comment)
                {
                    continue;
                }
                if (token == JsonTokenType.PropertyName)
                {
                    if (!IsValidText(ref reader))
                    {
                        return Path(segments, segments.Count - 1);
                    }
                    segments[^1] = "." + reader.GetString();
                    continue;
                }
                if (token is not (JsonTokenType.EndObject or JsonTokenType.EndArray) && nextIndex.Count > 0 && nextIndex[^1] >= 0)
                {
                    segments[^1] = $"[{nextIndex[^1]++}]";
                }
                switch (token)
                {
                    case JsonTokenType.String when !IsValidText(ref reader):
                        return Path(segments, segments.Count);
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        segments.Add("");
                        nextIndex.Add(token == JsonTokenType.StartArray ? 0 : -1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        segments.RemoveAt(segments.Count - 1);
                        nextIndex.RemoveAt(nextIndex.Count - 1);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not well-formed: the deserializer reports where.
        }
        return null;
    }

    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true; // plain UTF-8, already checked
        }
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // "Cannot read invalid UTF-16 JSON text as string"
        }
    }

    private static string Path(List<string> segments, int count)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < count; i++)
        {
            path.Append(segments[i]);
        }
        return path.ToString();
    }
}
