using AgentWorkspace.Components.Text;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.WebForm;

/// <summary>
/// How much it is in the customer's words. Customers never choose Urgent: agents (and SLA breach actions) raise a
/// ticket that far. "It blocks my work" is High, a problem is Normal, a question Low.
/// </summary>
public enum WebFormUrgency
{
    Question,
    Problem,
    Blocked,
}

public static class WebFormUrgencies
{
    public static TicketPriority Priority(this WebFormUrgency urgency) => urgency switch
    {
        WebFormUrgency.Question => TicketPriority.Low,
        WebFormUrgency.Blocked => TicketPriority.High,
        _ => TicketPriority.Normal,
    };

    /// <summary>The form's value ("question", "problem", "blocked"); anything else is no urgency.</summary>
    public static WebFormUrgency? Parse(string? value) => value switch
    {
        "question" => WebFormUrgency.Question,
        "problem" => WebFormUrgency.Problem,
        "blocked" => WebFormUrgency.Blocked,
        _ => null,
    };

    public static string Value(this WebFormUrgency urgency) => urgency.ToString().ToLowerInvariant();
}

/// <summary>What the customer typed, exactly as posted: shown again as it was when something needs fixing.</summary>
public sealed record WebFormInput(string Name, string Email, string Category, string Subject, string Description, string Urgency)
{
    public const string OtherCategory = "other";

    public static WebFormInput Empty { get; } = new("", "", "", "", "", WebFormUrgency.Problem.Value());

    public static WebFormInput From(IFormCollection form) => new(
        form["name"].ToString(), form["email"].ToString(), form["category"].ToString(), form["subject"].ToString(),
        form["description"].ToString(), form["urgency"].ToString());
}

/// <summary>A file as it will be stored with the first message: its name made safe, its type checked against its bytes.</summary>
public sealed record WebFormFile(string FileName, string ContentType, string DeclaredType, byte[] Content);

/// <summary>How many files, how large each (the e-mail attachments' limit) and all together.</summary>
public sealed record WebFormFileLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes);

/// <summary>A request that passed every check, ready to become a ticket.</summary>
public sealed record WebFormSubmission(
    string? Name, string Email, string? CategorySlug, string Subject, string Description, TicketPriority Priority, IReadOnlyList<WebFormFile> Files);

/// <summary>
/// The form's checks: the shared text policy (<see cref="TextInput"/>, the one the widget and API use) for every field,
/// the customers' e-mail rule (<see cref="CustomerEmail"/>), and for files the e-mail attachments' size limit and type
/// check (<see cref="AttachmentPolicy"/>). Errors are per field, in the visitor's language.
/// </summary>
public static class WebFormValidation
{
    public const int MaxNameLength = ChatService.MaxNameLength;
    public const int MaxSubjectLength = 150;
    public const int MaxDescriptionLength = MessageLimits.MaxBodyLength;

    public static async Task<(WebFormSubmission? Submission, Dictionary<string, string> Errors)> ValidateAsync(
        WebFormInput input, IFormFileCollection files, IReadOnlyCollection<string> categories, WebFormFileLimits limits,
        WebFormText text, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = Check(TextInput.Line(input.Name, "name", MaxNameLength, required: false), input.Name, MaxNameLength, "name", null, errors, text);
        var email = CustomerEmail.Clean(input.Email, required: true);
        if (!email.IsValid)
        {
            errors["email"] = email.Problem switch
            {
                TextProblem.Empty => text["EmailRequired"],
                TextProblem.TooLong => text["TooLong", CustomerEmail.MaxLength.ToString("N0", text.Culture), input.Email.Trim().Length.ToString("N0", text.Culture)],
                _ => text["EmailInvalid"],
            };
        }
        var subject = Check(TextInput.Line(input.Subject, "subject", MaxSubjectLength), input.Subject, MaxSubjectLength, "subject", "SubjectRequired", errors, text);
        var description = Check(TextInput.Lines(input.Description, "description", MaxDescriptionLength), input.Description, MaxDescriptionLength, "description", "DescriptionRequired", errors, text);
        var category = string.IsNullOrEmpty(input.Category) || input.Category == WebFormInput.OtherCategory ? null : input.Category;
        if (category is not null && !categories.Contains(category))
        {
            errors["category"] = text["CategoryUnknown"];
        }
        var urgency = WebFormUrgencies.Parse(input.Urgency);
        if (urgency is null)
        {
            errors["urgency"] = text["UrgencyRequired"];
        }
        var (stored, fileError) = await FilesAsync(files, limits, text, cancellationToken);
        if (fileError is not null)
        {
            errors["attachments"] = fileError;
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new WebFormSubmission(name, email.Value!, category, subject!, description!.Trim(), urgency!.Value.Priority(), stored), errors);
    }

    private static string? Check(CleanText cleaned, string raw, int maxLength, string field, string? requiredKey, Dictionary<string, string> errors, WebFormText text)
    {
        if (cleaned.IsValid)
        {
            return cleaned.Value;
        }
        errors[field] = cleaned.Problem switch
        {
            TextProblem.Empty => text[requiredKey ?? "Required"],
            TextProblem.TooLong => text["TooLong", maxLength.ToString("N0", text.Culture), raw.Trim().Length.ToString("N0", text.Culture)],
            TextProblem.ControlCharacter => text["ControlCharacter"],
            TextProblem.NoVisibleCharacter => text["NoVisibleCharacter"],
            _ => text["Malformed"],
        };
        return null;
    }

    /// <summary>
    /// Every file, or the first reason one can't be taken. Only types the attachment policy recognises from the bytes are
    /// accepted (images, PDF, text, Office documents, zip): anything it would serve as a bare download (programs, HTML,
    /// SVG, scripts) is refused here with a clear error rather than stored.
    /// </summary>
    private static async Task<(IReadOnlyList<WebFormFile> Files, string? Error)> FilesAsync(
        IFormFileCollection files, WebFormFileLimits limits, WebFormText text, CancellationToken cancellationToken)
    {
        // A file input left empty still posts a part with no name and no bytes.
        var chosen = files.Where(f => f.Name == "attachments" && (f.Length > 0 || !string.IsNullOrEmpty(f.FileName))).ToList();
        if (chosen.Count > limits.MaxFiles)
        {
            return ([], text["TooManyFiles", limits.MaxFiles]);
        }
        if (chosen.Sum(f => f.Length) is var total && total > limits.MaxTotalBytes)
        {
            return ([], text["FilesTooLarge", text.Size(total), text.Size(limits.MaxTotalBytes, isLimit: true)]);
        }
        var stored = new List<WebFormFile>();
        foreach (var file in chosen)
        {
            var fileName = AttachmentPolicy.SafeFileName(file.FileName, "attachment");
            if (file.Length == 0)
            {
                return ([], text["FileEmpty", fileName]);
            }
            if (file.Length > limits.MaxFileBytes)
            {
                return ([], text["FileTooLarge", fileName, text.Size(file.Length), text.Size(limits.MaxFileBytes, isLimit: true)]);
            }
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }
            var declared = file.ContentType ?? "";
            var type = AttachmentPolicy.CheckedType(declared, fileName, content);
            if (type == AttachmentPolicy.Binary)
            {
                return ([], text["FileTypeRefused", fileName]);
            }
            stored.Add(new WebFormFile(fileName, type, declared.Length > 200 ? declared[..200] : declared, content));
        }
        return (stored, null);
    }
}
