using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AgentWorkspace.Features.Api;

/// <summary>A request body read as JSON, or the problem that explains why it could not be.</summary>
public readonly record struct ApiBody<T>(T? Value, ProblemHttpResult? Problem);

/// <summary>
/// Reads request bodies by hand instead of through minimal-API binding: binding failures there end as an empty
/// 400 (which the status-code pages turn into HTML), while integrations deserve problem+json that names the field.
/// </summary>
public static class ApiRequests
{
    /// <summary>A ticket body is at most 10,000 characters; anything far larger is not a mistake worth parsing.</summary>
    public const long MaxRequestBytes = 256 * 1024;

    private static readonly Dictionary<string, string[]> EnumHints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = Enum.GetNames<TicketStatus>(),
        ["priority"] = Enum.GetNames<TicketPriority>(),
        ["channel"] = Enum.GetNames<TicketChannel>(),
        ["visibility"] = Enum.GetNames<MessageVisibility>(),
        ["author"] = Enum.GetNames<MessageAuthor>(),
    };

    public static async Task<ApiBody<T>> ReadJsonAsync<T>(HttpContext context) where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return new(null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }
        if (!TryGetEncoding(request.ContentType, out var encoding))
        {
            return new(null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as UTF-8 JSON."));
        }
        if (request.ContentLength > MaxRequestBytes)
        {
            return new(null, TooLarge());
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }
        byte[]? body;
        try
        {
            body = await ReadBodyAsync(request, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, TooLarge());
        }
        catch (BadHttpRequestException e)
        {
            return new(null, Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message));
        }
        if (body is null)
        {
            return new(null, TooLarge());
        }
        if (ToUtf8(body, encoding) is not { } utf8)
        {
            return new(null, Invalid("$", $"The body is not valid {encoding?.WebName ?? "UTF-8"} text."));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (JsonText.FindInvalidEscape(utf8, options) is { } invalidAt)
        {
            return new(null, Invalid(invalidAt, "Not valid Unicode text: a \\u escape between \\uD800 and \\uDFFF must be half of a surrogate pair."));
        }
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, options) is { } value
                ? new(value, null)
                : new(null, Invalid("$", "A JSON object is required."));
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 0 } p ? p : "$";
            return new(null, Invalid(path, DescribeJsonError(path)));
        }
    }

    /// <summary>The whole body, or null when it is longer than <see cref="MaxRequestBytes"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxRequestBytes)
            {
                return null;
            }
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }

    /// <summary>The charset the body declares; null means UTF-8, the only encoding JSON text should use (RFC 8259, 8.1).</summary>
    private static bool TryGetEncoding(string? contentType, out Encoding? encoding)
    {
        encoding = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || StringSegment.IsNullOrEmpty(mediaType.Charset))
        {
            return true;
        }
        var charset = mediaType.Charset.Value!.Trim('"');
        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        try
        {
            // Strict decoding: bytes that are not text in the declared charset are refused, not replaced with U+FFFD.
            encoding = Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The body as well-formed UTF-8 without a byte order mark, or null when it is not text in its encoding.</summary>
    private static byte[]? ToUtf8(byte[] body, Encoding? encoding)
    {
        if (encoding is not null)
        {
            try
            {
                return Encoding.UTF8.GetBytes(encoding.GetString(body).TrimStart('\uFEFF'));
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
        if (!Utf8.IsValid(body))
        {
            return null;
        }
        return body.AsSpan().StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string DescribeJsonError(string path)
    {
        if (path == "$")
        {
            return "The body is not valid JSON.";
        }
        var field = path[(path.LastIndexOf('.') + 1)..];
        return EnumHints.TryGetValue(field, out var names)
            ? $"Not a valid {field}: use one of {string.Join(", ", names)}."
            : "Not valid JSON, or not the expected type for this field.";
    }

    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        });

    public static ProblemHttpResult NotFound(int number) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"There is no ticket #{number}, or this key may not see it.");

    public static ProblemHttpResult Problem(int status, string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>The HTTP answer for a refused ticket command.</summary>
    public static ProblemHttpResult FromOutcome(CommandOutcome outcome, string? error, int number, IDictionary<string, object?>? extensions = null) => outcome switch
    {
        CommandOutcome.NotFound => NotFound(number),
        CommandOutcome.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", error, extensions),
        _ => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", error, extensions),
    };

    private static ProblemHttpResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A request body is at most {MaxRequestBytes / 1024} KB.");
}
