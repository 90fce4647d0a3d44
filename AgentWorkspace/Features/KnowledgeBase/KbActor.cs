using System.Security.Claims;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// Who acts on the knowledge base and what their roles allow. Every <see cref="ArticleService"/> command checks
/// these, not only the UI: KbEditor writes, submits and restores; only a KbReviewer approves or requests changes
/// (and never approves a draft they wrote part of); editors and reviewers may take an article offline.
/// </summary>
public sealed record KbActor(string AgentId, bool IsEditor, bool IsReviewer)
{
    public bool CanEdit => IsEditor;
    public bool CanReview => IsReviewer;
    public bool CanRetire => IsEditor || IsReviewer;

    public static KbActor From(ClaimsPrincipal user) =>
        new(user.AgentId(), KbRoles.CanEdit(user), KbRoles.CanReview(user));
}

/// <summary>The knowledge-base role checks, in one place for pages and services.</summary>
public static class KbRoles
{
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.KbEditor);
    public static bool CanReview(ClaimsPrincipal user) => user.IsInRole(Roles.KbReviewer);
    public static bool CanRetire(ClaimsPrincipal user) => CanEdit(user) || CanReview(user);
}
