using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.KnowledgeBase.HelpCentre;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.WebForm;

/// <summary>
/// The request form. A POST is checked in this order, each step keeping everything typed: the address's rate limit
/// (429), the honeypot (a bot: nothing is stored and it is told all went well, so it learns nothing to adapt to), the
/// signed "shown at" stamp (too fast, missing or forged: asked to check and send again), the fields and files, the
/// e-mail address's rate limit (429); then the ticket, and a redirect to the confirmation with its number.
/// </summary>
public sealed partial class WebFormPage
{
    /// <summary>What <see cref="AttachmentPolicy"/> recognises from the bytes; the server checks the bytes, this only helps the file picker.</summary>
    private const string AcceptedFiles = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,.txt,.csv,.log,.pdf,.png,.jpg,.jpeg,.gif,.webp,.zip,.docx,.xlsx,.pptx,.odt,.ods,.odp";

    private HelpText help = HelpText.For("en");
    private WebFormText T = new("en");
    private WebFormInput input = WebFormInput.Empty;
    private IReadOnlyList<WebFormCategory> categories = [];
    private Dictionary<string, string> errors = [];
    private string? banner;
    private bool filesToAttachAgain;
    private string stamp = "";
    private string submissionId = "";
    private WebFormFileLimits limits = new(5, 0, 0);

    [Inject] private WebFormService Forms { get; set; } = default!;
    [Inject] private WebFormGuard Guard { get; set; } = default!;
    [Inject] private IOptionsMonitor<WebFormOptions> Options { get; set; } = default!;
    [Inject] private IOptionsMonitor<EmailOptions> EmailOptions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<WebFormPage> Log { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var language = HelpLanguage.Resolve(HttpContext);
        help = HelpText.For(language);
        T = new WebFormText(language);
        var settings = Options.CurrentValue;
        limits = new WebFormFileLimits(settings.MaxFiles, EmailOptions.CurrentValue.MaxAttachmentBytes, settings.MaxTotalBytes);
        categories = await Forms.CategoriesAsync(language);
        stamp = Guard.Stamp();
        submissionId = Guid.NewGuid().ToString("N");
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
        {
            // Shown again as typed, whatever happens next.
            var form = HttpContext.Request.Form;
            input = WebFormInput.From(form);
            submissionId = SubmissionId(form["submission"]) ?? submissionId;
        }
    }

    private async Task SubmitAsync()
    {
        var form = HttpContext.Request.Form;
        if (!Guard.AllowAddress(HttpContext))
        {
            TooMany(form, T["TooManyRequests"]);
            return;
        }
        if (!string.IsNullOrEmpty(form["website"]))
        {
            Log.LogInformation("Web form: a request with the honeypot field filled was dropped");
            Navigation.NavigateTo($"{WebFormServiceExtensions.Path}/sent");
            return;
        }
        if (!Guard.FilledByAPerson(form["shown"]))
        {
            Refuse(T["TooFast"], form);
            return;
        }
        var (submission, found) = await WebFormValidation.ValidateAsync(
            input, form.Files, categories.Select(c => c.Slug).ToList(), limits, T, HttpContext.RequestAborted);
        if (submission is null)
        {
            errors = found;
            Refuse(null, form);
            return;
        }
        if (!Guard.AllowEmail(Customers.CustomerEmail.Normalize(submission.Email)!))
        {
            TooMany(form, T["TooManyForEmail"]);
            return;
        }
        var suggestionRequest = Guid.TryParse(form["suggestions"], out var shown) && shown != Guid.Empty ? shown : (Guid?)null;
        var result = await Forms.SubmitAsync(submission, T.Language, SubmissionId(form["submission"]), suggestionRequest);
        if (result.TicketNumber is not { } number)
        {
            Log.LogWarning("Web form: the ticket was refused: {Error}", result.Error);
            Refuse(T["NotSent"], form);
            return;
        }
        Navigation.NavigateTo($"{WebFormServiceExtensions.Path}/sent?receipt={Uri.EscapeDataString(Guard.Receipt(number))}");
    }

    /// <summary>Nothing was stored: the form comes back with what was typed, the reason, and a 400.</summary>
    private void Refuse(string? reason, IFormCollection form, int status = StatusCodes.Status400BadRequest)
    {
        banner = reason;
        filesToAttachAgain = form.Files.Any(f => f.Length > 0) && !errors.ContainsKey("attachments");
        HttpContext.Response.StatusCode = status;
    }

    private void TooMany(IFormCollection form, string reason)
    {
        HttpContext.Response.Headers.RetryAfter = "600";
        Refuse(reason, form, StatusCodes.Status429TooManyRequests);
    }

    private static string? SubmissionId(string? value) =>
        value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower) ? value : null;

    /// <summary>The field on this very page (a bare "#id" would resolve against the document's base, "/", and leave it).</summary>
    private string FieldLink(string field) => $"{HttpContext.Request.PathBase}{HttpContext.Request.Path}{HttpContext.Request.QueryString}#wf-{field}";

    private string? ErrorOf(string field) => errors.GetValueOrDefault(field);

    private string? Invalid(string field) => errors.ContainsKey(field) ? "true" : null;

    /// <summary>The field's hint (when it has one) and its error message.</summary>
    private static string Described(string field, string? hint = null) =>
        hint is null ? $"wf-{field}-error" : $"{hint} wf-{field}-error";
}
