using Microsoft.Net.Http.Headers;

namespace AgentWorkspace.Features.KnowledgeBase.HelpCentre;

/// <summary>
/// The help-centre visitor's language: an explicit choice (?lang=, then remembered in a cookie), else the first
/// English or Spanish entry of Accept-Language by quality, else English.
/// </summary>
public static class HelpLanguage
{
    public const string CookieName = "help_lang";
    private const string ItemKey = "help-language";

    public static string Resolve(HttpContext context)
    {
        if (context.Items[ItemKey] is string resolved)
        {
            return resolved;
        }
        var language = Supported(context.Request.Query["lang"]);
        if (language is not null)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.Cookies.Append(CookieName, language,
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, IsEssential = true });
            }
        }
        else
        {
            language = Supported(context.Request.Cookies[CookieName]) ?? FromAcceptLanguage(context.Request.Headers.AcceptLanguage) ?? "en";
        }
        context.Items[ItemKey] = language;
        return language;
    }

    internal static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var values))
        {
            return null;
        }
        return values.Where(v => (v.Quality ?? 1) > 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => Supported(v.Value.Value))
            .FirstOrDefault(l => l is not null);
    }

    private static string? Supported(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }
        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary is "en" or "es" ? primary : null;
    }
}

/// <summary>The help centre's own words in the visitor's language.</summary>
public sealed record HelpText(
    string Title, string Tagline, string SearchLabel, string SearchPlaceholder, string SearchButton, string Categories,
    string Popular, string ResultsFor, string NoResults, string Articles, string WasHelpful, string Yes, string No,
    string Thanks, string NotFoundTitle, string NotFoundBody, string BackHome, string Updated, string AlsoIn,
    string NotInYourLanguage)
{
    public static HelpText For(string language) => language == "es" ? Spanish : English;

    private static readonly HelpText English = new(
        "Nimbus Help Centre", "Answers for running your Nimbus store.", "Search the help centre", "Search articles, e.g. refund",
        "Search", "Browse by topic", "Popular articles", "Results for", "No articles match your search. Try other words.",
        "articles", "Was this article helpful?", "Yes", "No", "Thanks for your feedback!", "Article not found",
        "This article doesn't exist or is no longer available.", "Back to the help centre", "Updated", "Also in",
        "This article isn't available in English yet.");

    private static readonly HelpText Spanish = new(
        "Centro de ayuda de Nimbus", "Respuestas para gestionar tu tienda Nimbus.", "Buscar en el centro de ayuda", "Busca artículos, p. ej. reembolso",
        "Buscar", "Explora por tema", "Artículos populares", "Resultados para", "Ningún artículo coincide con tu búsqueda. Prueba con otras palabras.",
        "artículos", "¿Te ha resultado útil este artículo?", "Sí", "No", "¡Gracias por tu opinión!", "Artículo no encontrado",
        "Este artículo no existe o ya no está disponible.", "Volver al centro de ayuda", "Actualizado", "También en",
        "Este artículo aún no está disponible en español.");
}

public static class HelpResponses
{
    /// <summary>
    /// Answers 404. The status-code middleware then re-executes the app's not-found page, which shows the help
    /// centre's own version for /help addresses (<see cref="HelpNotFoundPage"/>).
    /// </summary>
    public static void NotFound(HttpContext context) => context.Response.StatusCode = StatusCodes.Status404NotFound;
}

