using System.Net;
using System.Text.RegularExpressions;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// Posts the real sign-in form over HTTP the way a browser does: GET the page for its antiforgery token,
/// then POST the fields with the cookies the GET set.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient http;

    public FormClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var form = await http.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form);
        token.Success.ShouldBeTrue("the sign-in form has an antiforgery token");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => http.Dispose();
}
