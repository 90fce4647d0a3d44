using System.Globalization;
using AgentWorkspace.Data;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Account;

/// <summary>
/// What the agent sees the workspace in: light or dark, English or Spanish. Stored per agent (so it follows them to
/// any browser on sign-in) and mirrored in two cookies, which is what every full page load renders from, before any
/// circuit exists: the first paint is already in the right theme and language.
/// </summary>
public sealed record UiPreferences(bool Dark, string Language)
{
    public const string ThemeCookie = "AgentWorkspace.Theme";
    public static IReadOnlyList<string> Languages => Components.UiServiceExtensions.Languages;

    /// <summary>From the request: the theme cookie, and the culture request localization chose (cookie, else browser).</summary>
    public static UiPreferences From(HttpContext context) => new(
        context.Request.Cookies[ThemeCookie] == "dark",
        LanguageOf(CultureInfo.CurrentUICulture));

    public static string LanguageOf(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "es" ? "es" : "en";

    /// <summary>Writes the agent's stored choices to the cookies (at sign-in, and after a change).</summary>
    public static void WriteCookies(HttpResponse response, string? theme, string? language)
    {
        var options = new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            HttpOnly = false,
            Secure = response.HttpContext.Request.IsHttps,
        };
        if (theme is "light" or "dark")
        {
            response.Cookies.Append(ThemeCookie, theme, options);
        }
        if (language is not null && Languages.Contains(language))
        {
            response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions(options) { HttpOnly = true });
        }
    }
}

/// <summary>Saves an agent's theme and language.</summary>
public sealed class AgentPreferences(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<(string? Theme, string? Language)> GetAsync(string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var agent = await db.Users.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.Theme, a.Language }).SingleOrDefaultAsync();
        return (agent?.Theme, agent?.Language);
    }

    public async Task SetThemeAsync(string agentId, bool dark)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Theme, dark ? "dark" : "light"));
    }

    public async Task<bool> SetLanguageAsync(string agentId, string language)
    {
        if (!UiPreferences.Languages.Contains(language))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, language));
        return true;
    }
}
