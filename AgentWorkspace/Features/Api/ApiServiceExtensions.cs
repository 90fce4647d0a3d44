using System.Text.Json.Serialization;
using AgentWorkspace.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace AgentWorkspace.Features.Api;

public static class ApiServiceExtensions
{
    /// <summary>The authorization policy of every /api/v1 endpoint: an API key, and nothing else (not the sign-in cookie).</summary>
    public const string Policy = "ApiKey";
    public const string OpenApiPath = "/openapi/v1.json";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ApiTicketStore>();
        services.AddProblemDetails();
        // Enums travel as names; numbers are refused so a client can't depend on the order of members.
        // Numbers travel as numbers: "1" for a version is a wrong type, not a number (the web defaults would accept it).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiClaims.KeyId));

        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "AgentWorkspace API";
                document.Info.Description = "Tickets for integrations. Authenticate with 'Authorization: Bearer aw_...'. Errors are RFC 7807 problem+json.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key issued by an admin under Admin > API keys.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous(); // serves OpenApiPath

        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .AddEndpointFilter(ProblemOnUnexpectedError);
        TicketsEndpoints.Map(api);
        api.MapFallback("{**path}", Unmatched).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// What routing could not match under /api/v1 answers problem+json, not the HTML not-found page: unknown paths,
    /// non-numeric ticket numbers, and bodies that are not JSON (the endpoints' Accepts metadata makes routing skip them).
    /// </summary>
    private static ProblemHttpResult Unmatched(HttpContext http) =>
        http.Request.ContentType is { Length: > 0 } && !http.Request.HasJsonContentType()
            ? ApiRequests.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.")
            : ApiRequests.Problem(StatusCodes.Status404NotFound, "Not found", $"API v1 has no {http.Request.Method} {http.Request.Path}. See {OpenApiPath}.");

    /// <summary>A bug still answers in the API's error format; the exception is logged with the request.</summary>
    private static async ValueTask<object?> ProblemOnUnexpectedError(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (DatabaseErrors.IsTransient(e) && !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Not a bug: the database was too busy to take the change in time (a lock wait ran out). Nothing was stored,
            // so the same request can simply be sent again.
            context.HttpContext.Response.Headers.RetryAfter = "2";
            return ApiRequests.Problem(StatusCodes.Status503ServiceUnavailable, "Busy",
                "The database is busy; nothing was changed. Send the same request again in a few seconds.");
        }
        catch (Exception e) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiServiceExtensions))
                .LogError(e, "API request {Method} {Path} failed", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return ApiRequests.Problem(StatusCodes.Status500InternalServerError, "Unexpected error", "The request failed on the server; it has been logged.");
        }
    }
}
