using System.Threading.RateLimiting;
using AgentWorkspace.Realtime.Cluster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace AgentWorkspace.Features.Chat;

public static class ChatServiceExtensions
{
    /// <summary>Big enough for a 10,000-character message in any script once JSON-escaped; larger frames close the connection.</summary>
    public const int MaximumReceiveMessageSize = 128 * 1024;
    public const string CorsPolicy = "widget";
    private const string HttpRateLimitPolicy = "widget-http";

    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WidgetOptions>(configuration.GetSection(WidgetOptions.Section));
        services.AddSingleton<IdentityVerifier>();
        services.AddSingleton<ChatService>();
        services.AddSingleton<ChatAttention>();
        services.AddSingleton<WidgetFeeds>();
        services.AddHostedService(sp => sp.GetRequiredService<WidgetFeeds>());
        services.AddSingleton<WidgetRateLimitFilter>();
        services.AddSingleton<WidgetBusyFilter>();
        // Scoped to this hub: Blazor's own circuit hub keeps its settings.
        services.AddSignalR().AddHubOptions<WidgetHub>(options =>
        {
            options.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
            options.AddFilter<WidgetRateLimitFilter>();
            options.AddFilter<WidgetBusyFilter>();
        });
        // The widget runs on customers' own sites: cross-origin, without cookies (its token is its credential).
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            var origins = configuration.GetSection($"{WidgetOptions.Section}:AllowedOrigins").Get<string[]>() ?? [];
            if (origins.Length == 0) policy.AllowAnyOrigin(); else policy.WithOrigins(origins);
            policy.AllowAnyHeader().WithMethods("GET", "POST").WithExposedHeaders("Content-Disposition");
        }));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(HttpRateLimitPolicy, context => RateLimitPartition.Get(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                address => context.RequestServices.GetRequiredService<SharedRateLimits>().ForKey(HttpRateLimitPolicy, address, 60, 20, TimeSpan.FromSeconds(1))));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<WidgetHub>(WidgetHub.Path).AllowAnonymous().RequireCors(CorsPolicy);

        // The widget's HTTP calls take the conversation token as a bearer token, like the hub takes it per call.
        var widget = endpoints.MapGroup("/widget/api").AllowAnonymous().RequireCors(CorsPolicy).RequireRateLimiting(HttpRateLimitPolicy);
        widget.MapGet("/conversation", async Task<Results<Ok<CustomerConversation>, ProblemHttpResult>> (HttpRequest request, ChatService chat) =>
            await chat.ReadAsync(BearerToken(request)) is { } read ? TypedResults.Ok(read.Conversation) : UnknownConversation());
        widget.MapGet("/transcript", async Task<IResult> (HttpRequest request, ChatService chat) =>
        {
            if (await chat.ReadAsync(BearerToken(request)) is not { } read)
            {
                return UnknownConversation();
            }
            var text = CustomerView.Transcript(read.Conversation, read.CustomerName, read.Language);
            return new TranscriptResult(text, $"ticket-{read.Conversation.Ticket.Number}.txt");
        });
        return endpoints;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static ProblemHttpResult UnknownConversation() =>
        TypedResults.Problem(ChatError.UnknownConversation.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");

    /// <summary>A plain-text download.</summary>
    private sealed class TranscriptResult(string text, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return context.Response.WriteAsync(text);
        }
    }
}
