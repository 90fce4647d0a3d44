using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// Knowledge-base words the components share. Why an article command did not go through, in the agent's language where the result carries the facts (a conflict
/// names the latest revision); other refusals keep the service's words.
/// </summary>
internal static class KbMessages
{
    public static string? ErrorOf(ArticleResult result, IStringLocalizer<KnowledgeBaseStrings> L) => result.Outcome switch
    {
        ArticleOutcome.Ok => null,
        ArticleOutcome.Conflict when result.Latest is { } latest =>
            L["ConflictLatest", latest.AuthorName, latest.Number, KnowledgeBaseStrings.Status(latest.Status)],
        ArticleOutcome.NotFound => L["ArticleGone"],
        _ => result.Error,
    };

    /// <summary>The field names a revision comparison lists above the body.</summary>
    public static DiffFieldLabels DiffLabels(IStringLocalizer<KnowledgeBaseStrings> L) =>
        new(L["Title"], L["Slug"], L["Category"], L["Keywords"], L["Visibility"], L["InternalOnly"], L["Public"]);
}
