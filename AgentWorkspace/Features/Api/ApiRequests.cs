using System.Text.Json;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
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
        if (request.ContentLength > MaxRequestBytes)
        {
            return new(null, TooLarge());
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }
        try
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = await request.ReadFromJsonAsync<T>(options, context.RequestAborted);
            return value is null
                ? new(null, Invalid("$", "A JSON object is required."))
                : new(value, null);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 0 } p ? p : "$";
            return new(null, Invalid(path, DescribeJsonError(path)));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, TooLarge());
        }
        catch (BadHttpRequestException e)
        {
            return new(null, Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message));
        }
    }

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
