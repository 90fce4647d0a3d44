using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>What an editor saves: one revision's content and the slug, category and internal flag it proposes.</summary>
public sealed record ArticleDraft(string Title, string Slug, int? CategoryId, string Keywords, string Body, bool IsInternal, string? Note = null);

/// <summary>A new article in <paramref name="Language"/>, optionally the translation of another one.</summary>
public sealed record NewArticle(string Language, ArticleDraft Draft, int? TranslationOf = null);

public enum ArticleOutcome
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// The answer to an article command. On success <see cref="Version"/> is the article's new version (what the
/// next command must expect). On a conflict, <see cref="Latest"/> says what the other person saved.
/// </summary>
public sealed record ArticleResult(ArticleOutcome Outcome, string? Error = null, int? ArticleId = null, long? Version = null, LatestRevision? Latest = null)
{
    public bool Succeeded => Outcome == ArticleOutcome.Ok;

    public static ArticleResult Ok(int articleId, long version) => new(ArticleOutcome.Ok, null, articleId, version);
    public static readonly ArticleResult NotFound = new(ArticleOutcome.NotFound, "There is no such article.");
    public static ArticleResult Forbidden(string error) => new(ArticleOutcome.Forbidden, error);
    public static ArticleResult Invalid(string error) => new(ArticleOutcome.Invalid, error);
}

/// <summary>The article's latest revision when a command found it changed.</summary>
public sealed record LatestRevision(int Number, string AuthorName, DateTimeOffset SavedAt, ArticleStatus Status, long Version);

public static class ArticleLimits
{
    public const int MaxTitleLength = 300;
    public const int MaxSlugLength = 200;
    public const int MaxKeywordsLength = 1000;
    public const int MaxBodyLength = 100_000;
    public const int MaxNoteLength = 1000;
    public const int MaxCommentLength = 2000;

    public static readonly IReadOnlyList<string> Languages = ["en", "es"];

    public static string LanguageName(string language) => language == "es" ? "Español" : "English";

    public static string OtherLanguage(string language) => language == "es" ? "en" : "es";

    /// <summary>"Cómo pedir un reembolso" → "como-pedir-un-reembolso": lower case ASCII letters, digits and single dashes.</summary>
    public static string Slugify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var folded = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length > MaxSlugLength ? result[..MaxSlugLength].Trim('-') : result;
    }

    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= MaxSlugLength } && slug == Slugify(slug);

    /// <summary>Null when the draft can be saved; otherwise what to fix, in the agent's language.</summary>
    public static string? Validate(ArticleDraft draft, IStringLocalizer<KnowledgeBaseStrings> L) =>
        string.IsNullOrWhiteSpace(draft.Title) ? L["TitleRequired"]
        : draft.Title.Trim().Length > MaxTitleLength ? L["TitleTooLong", MaxTitleLength]
        : !IsValidSlug(draft.Slug) ? L["SlugInvalid"]
        : draft.Keywords.Length > MaxKeywordsLength ? L["KeywordsTooLong", MaxKeywordsLength]
        : string.IsNullOrWhiteSpace(draft.Body) ? L["BodyRequired"]
        : draft.Body.Length > MaxBodyLength ? L["BodyTooLong", draft.Body.Length, MaxBodyLength]
        : draft.Note is { Length: > MaxNoteLength } ? L["NoteTooLong", MaxNoteLength]
        : (string?)null;
}
