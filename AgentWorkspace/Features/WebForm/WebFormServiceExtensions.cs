using System.Threading.RateLimiting;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.KnowledgeBase.HelpCentre;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Realtime.Cluster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.WebForm;

public static class WebFormServiceExtensions
{
    public const string Path = "/help/new";
    private const string SuggestionsRateLimit = "webform-suggestions";

    /// <summary>The customers' request form at /help/new (the page registers itself; this adds its services and limits).</summary>
    public static IServiceCollection AddWebForm(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebFormOptions>(configuration.GetSection(WebFormOptions.Section));
        services.AddSingleton<WebFormGuard>();
        services.AddSingleton<WebFormService>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(SuggestionsRateLimit, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<WebFormOptions>>().CurrentValue.RateLimits;
            var shared = context.RequestServices.GetRequiredService<SharedRateLimits>();
            return RateLimitPartition.Get(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                address => shared.ForKey(SuggestionsRateLimit, address, limits.SuggestionsBurst, limits.SuggestionsPerSecond, TimeSpan.FromSeconds(1)));
        }));
        return services;
    }

    /// <summary>
    /// Help-centre articles for what the customer is typing in the form: the widget's engine, and the same door out
    /// (<see cref="CustomerView.Suggestions"/>: published public articles only). A same-site GET answered with JSON.
    /// </summary>
    public static IEndpointRouteBuilder MapWebForm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{Path}/suggestions", async Task<Results<Ok<CustomerSuggestions>, BadRequest>> (
                string? q, HttpContext context, KbSuggestions suggestions, SuggestionLog suggestionLog) =>
            {
                if (string.IsNullOrWhiteSpace(q) || q.Length > WidgetHub.MaxSuggestQueryLength)
                {
                    return TypedResults.BadRequest();
                }
                var language = HelpLanguage.Resolve(context);
                var found = suggestions.ForCustomer(q, language);
                var requestId = await suggestionLog.ShownToCustomerAsync(q, language, found.Select(a => a.ArticleId));
                var helpCentre = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
                return TypedResults.Ok(CustomerView.Suggestions(requestId, found, helpCentre));
            })
            .AllowAnonymous()
            .RequireRateLimiting(SuggestionsRateLimit);

        // The customer opened a suggested article (sent as a beacon from the page): if they then send the form anyway,
        // the KB gap report counts it as "sent anyway", if not, as deflected. Same rule and window as the widget's.
        endpoints.MapPost($"{Path}/suggestions/opened", async Task<Results<NoContent, NotFound>> (Guid request, int article, SuggestionLog suggestionLog) =>
                await suggestionLog.CustomerFeedbackAsync(request, article, "opened", null) ? TypedResults.NoContent() : TypedResults.NotFound())
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(SuggestionsRateLimit);
        return endpoints;
    }
}
