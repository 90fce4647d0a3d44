using AgentWorkspace.Features.KnowledgeBase.HelpCentre;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentWorkspace.Features.KnowledgeBase;

public static class KnowledgeBaseServiceExtensions
{
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services)
    {
        services.AddSingleton<ArticleService>();
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<ArticlePresence>();
        services.AddSingleton<HelpCentreQueries>();
        // The suggestion engine can register its own IArticleSearch before this to replace FTS5.
        services.TryAddSingleton<IArticleSearch, FtsArticleSearch>();
        return services;
    }

    /// <summary>The help centre's one write: "was this helpful?", a plain form post with its antiforgery token, then back to the article.</summary>
    public static IEndpointRouteBuilder MapHelpCentre(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/help/articles/{id:int}/feedback", async (int id, HttpContext context, IAntiforgery antiforgery,
                ArticleService articles, HelpCentreQueries help) =>
            {
                // Checked here rather than by form binding, so a missing or stale token is a plain 400 in every environment.
                if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }
                var helpful = (await context.Request.ReadFormAsync())["helpful"].ToString();
                if (helpful is not ("yes" or "no"))
                {
                    return Results.BadRequest();
                }
                var slug = await help.SlugOfAsync(id);
                if (slug is null || !await articles.RecordFeedbackAsync(id, helpful == "yes"))
                {
                    return Results.NotFound();
                }
                return Results.LocalRedirect($"/help/articles/{Uri.EscapeDataString(slug)}?feedback=thanks#feedback");
            })
            .AllowAnonymous();
        return endpoints;
    }
}
