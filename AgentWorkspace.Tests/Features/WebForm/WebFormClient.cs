using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace AgentWorkspace.Tests.Features.WebForm;

/// <summary>
/// The request form over HTTP, as a browser without JavaScript sends it: GET /help/new for its hidden fields and cookies,
/// then POST them back as multipart/form-data with the customer's fields and files.
/// </summary>
public sealed partial class WebFormClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
    };

    public HttpClient Http => http;

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@customer.example";

    /// <summary>A complete, valid request; tests change what they are about.</summary>
    public static Dictionary<string, string> Valid(string email) => new()
    {
        ["name"] = "Kim Lee",
        ["email"] = email,
        ["category"] = "other",
        ["subject"] = "My payouts stopped",
        ["description"] = "Since Monday no payout reached my bank account.",
        ["urgency"] = "problem",
    };

    /// <summary>The form page's hidden fields (antiforgery token, handler, signed stamp, submission id).</summary>
    public async Task<Dictionary<string, string>> OpenAsync(string query = "")
    {
        var html = await http.GetStringAsync("/help/new" + query);
        return HiddenField().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    /// <summary>Opens the form and sends it with these fields and files.</summary>
    public async Task<FormResponse> SendAsync(Dictionary<string, string> fields, params (string Name, string ContentType, byte[] Content)[] files)
    {
        var hidden = await OpenAsync(fields.TryGetValue("lang", out var lang) ? "?lang=" + lang : "");
        return await PostAsync(hidden, fields, files);
    }

    public async Task<FormResponse> PostAsync(Dictionary<string, string> hidden, Dictionary<string, string> fields, params (string Name, string ContentType, byte[] Content)[] files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden.Where(h => !fields.ContainsKey(h.Key)).Concat(fields.Where(f => f.Key != "lang")))
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, type, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            content.Add(file, "attachments", name);
        }
        var path = fields.TryGetValue("lang", out var lang) ? "/help/new?lang=" + lang : "/help/new";
        using var response = await http.PostAsync(path, content);
        var location = response.Headers.Location;
        return new FormResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), location is { IsAbsoluteUri: true } ? location.PathAndQuery : location?.ToString());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    public void Dispose() => http.Dispose();
}

/// <summary>The answer to a POST: the form again (with errors) or a redirect to the confirmation.</summary>
public sealed partial record FormResponse(HttpStatusCode Status, string Html, string? Location)
{
    /// <summary>The text of a field's error message (empty when it has none).</summary>
    public string ErrorOf(string field) =>
        WebUtility.HtmlDecode(new Regex($"data-testid=\"webform-error-{field}\"[^>]*>(?<text>[^<]*)<").Match(Html).Groups["text"].Value);

    public string Banner => WebUtility.HtmlDecode(BannerText().Match(Html).Groups["text"].Value);

    /// <summary>The value an input shows (HTML-decoded).</summary>
    public string ValueOf(string field) =>
        WebUtility.HtmlDecode(new Regex($"name=\"{field}\"[^>]*value=\"(?<value>[^\"]*)\"").Match(Html).Groups["value"].Value);

    public string Description => WebUtility.HtmlDecode(DescriptionText().Match(Html).Groups["text"].Value);

    [GeneratedRegex("data-testid=\"webform-banner\"[^>]*>(?<text>[^<]*)<")]
    private static partial Regex BannerText();

    [GeneratedRegex("<textarea[^>]*name=\"description\"[^>]*>(?<text>[^<]*)</textarea>", RegexOptions.Singleline)]
    private static partial Regex DescriptionText();
}
