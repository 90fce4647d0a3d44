using System.Net;
using System.Text.RegularExpressions;

namespace LiveBench.Circuits;

/// <summary>Signs an agent in the way the browser does: GET the sign-in form, POST it with its antiforgery token.</summary>
internal static partial class AgentSignIn
{
    public const string AuthCookie = "AgentWorkspace.Auth";

    public static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(Uri baseUri, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        var form = await http.GetStringAsync("/account/login", ct);
        var token = AntiforgeryToken().Match(form) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var post = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), ct);
        if (cookies.GetCookies(baseUri)[AuthCookie] is null)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed (HTTP {(int)post.StatusCode}): check the password and that the agent is active.");
        }
        return (http, cookies);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
