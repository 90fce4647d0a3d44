using System.Net;
using System.Text.RegularExpressions;

namespace AgentWorkspace.Tests.Features.Portal;

/// <summary>
/// A customer's browser over plain HTTP: keeps cookies, never follows redirects by itself (the tests look at them), and
/// posts the portal's server-rendered forms as a browser does (the form's name and the page's antiforgery token).
/// </summary>
public sealed partial class PortalClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = baseAddress,
    };

    public async Task<PortalResponse> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await PortalResponse.ReadAsync(response);
    }

    /// <summary>GETs until the answer is not a redirect (at most 5).</summary>
    public async Task<PortalResponse> FollowAsync(string path)
    {
        var response = await GetAsync(path);
        for (var i = 0; i < 5 && response.Location is { } next; i++)
        {
            response = await GetAsync(next);
        }
        return response;
    }

    /// <summary>Loads <paramref name="pagePath"/> for its antiforgery token, then posts the named form to <paramref name="postPath"/> (default: the page).</summary>
    public async Task<PortalResponse> PostFormAsync(string pagePath, string formName, IReadOnlyDictionary<string, string>? fields = null, string? postPath = null)
    {
        var page = await GetAsync(pagePath);
        var token = AntiforgeryToken().Match(page.Html);
        token.Success.ShouldBeTrue($"{pagePath} has an antiforgery token:\n{page.Body}");
        return await PostAsync(postPath ?? pagePath, formName, fields, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>Posts a form as is (a forged one has no <paramref name="antiforgeryToken"/>).</summary>
    public async Task<PortalResponse> PostAsync(string path, string formName, IReadOnlyDictionary<string, string>? fields, string? antiforgeryToken)
    {
        var body = new Dictionary<string, string> { ["_handler"] = formName };
        if (antiforgeryToken is not null)
        {
            body["__RequestVerificationToken"] = antiforgeryToken;
        }
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            body[key] = value;
        }
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(body));
        return await PortalResponse.ReadAsync(response);
    }

    /// <summary>The hidden value of a named field on a page.</summary>
    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        match.Success.ShouldBeTrue($"no {name} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => http.Dispose();
}

/// <param name="Html">The page as sent (the app encodes every non-ASCII character and apostrophe in text).</param>
/// <param name="Location">A redirect's target as a local path, query and fragment.</param>
public sealed partial record PortalResponse(HttpStatusCode Status, string Html, string? Location, IReadOnlyList<string> SetCookies)
{
    /// <summary>The page with its character references decoded, to look for words in.</summary>
    public string Body => WebUtility.HtmlDecode(Html);

    public static async Task<PortalResponse> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString) : null,
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : []);

    public bool Has(string testId) => Html.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    /// <summary>The page without what differs between any two loads (antiforgery tokens, encrypted redirects), for comparing two answers.</summary>
    public string Comparable => ComponentState().Replace(
        OpaqueRedirect().Replace(AntiforgeryValue().Replace(Html, "value=\"(token)\""), "opaque-redirect?url=(encrypted)"), "(state)");

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ComponentState();

    [GeneratedRegex("opaque-redirect\\?url=[^\"<]+")]
    private static partial Regex OpaqueRedirect();

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" )value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();
}
