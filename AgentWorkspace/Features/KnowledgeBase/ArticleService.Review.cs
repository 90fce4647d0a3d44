using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>The review workflow: Draft → In review → Published (or back to Draft with comments), and taking articles offline.</summary>
public sealed partial class ArticleService
{
    /// <summary>The author hands the latest revision to the reviewers, who are notified.</summary>
    public async Task<ArticleResult> SubmitAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsSubmit"]);
        }
        var result = await RunAsync(actor, articleId, expectedVersion, (db, article, now) =>
        {
            if (article.Status != ArticleStatus.Draft)
            {
                return Task.FromResult(Refuse(L["Error_OnlyDraftSubmitted", KnowledgeBaseStrings.Status(article.Status).ToLower(System.Globalization.CultureInfo.CurrentCulture)]));
            }
            if (article.CurrentRevisionId == article.PublishedRevisionId)
            {
                return Task.FromResult(Refuse(L["Error_NothingNewToReview"]));
            }
            article.Status = ArticleStatus.InReview;
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Submitted, null, actor, now, null));
            return Task.FromResult<Step>(ArticleEventKind.Submitted);
        });
        if (result.Succeeded)
        {
            await NotifyReviewersAsync(actor, articleId);
        }
        return result;
    }

    /// <summary>The author takes a submitted article back to edit it before anyone reviews it.</summary>
    public async Task<ArticleResult> WithdrawAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsWithdraw"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, (db, article, now) =>
        {
            if (article.Status != ArticleStatus.InReview)
            {
                return Task.FromResult(Refuse(L["Error_NotInReview"]));
            }
            article.Status = ArticleStatus.Draft;
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Withdrawn, null, actor, now, null));
            return Task.FromResult<Step>(ArticleEventKind.Withdrawn);
        });
    }

    /// <summary>
    /// A reviewer publishes the revision in review; it replaces the live one. A reviewer never approves a draft they
    /// wrote any revision of since the last approval: someone else must read it.
    /// </summary>
    public async Task<ArticleResult> ApproveAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanReview)
        {
            return ArticleResult.Forbidden(L["Error_OnlyReviewersApprove"]);
        }
        var result = await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            if (article.Status != ArticleStatus.InReview)
            {
                return Refuse(L["Error_OnlyInReviewApproved"]);
            }
            if ((await AuthorsSinceLastApprovalAsync(db, article.Id)).Contains(actor.AgentId))
            {
                return OwnDraft;
            }
            var revision = await db.ArticleRevisions.SingleAsync(r => r.Id == article.CurrentRevisionId);
            if (await db.Articles.AnyAsync(a => a.Language == article.Language && a.Id != article.Id && a.Slug == revision.Slug))
            {
                return Refuse(L["Error_SlugWentLive", revision.Slug]);
            }
            revision.ApprovedById = actor.AgentId;
            revision.ApprovedAt = now;
            article.PublishedRevisionId = revision.Id;
            article.PublishedAt = now;
            article.Status = ArticleStatus.Published;
            ApplyLiveFields(article, revision);
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Published, revision.Number, actor, now, null));
            return ArticleEventKind.Published;
        });
        if (result.Succeeded)
        {
            await NotifyAuthorAsync(actor, articleId, NotificationText.ArticlePublished, null);
        }
        return result;
    }

    /// <summary>
    /// A reviewer sends the article back to draft; their comments are shown to the author and kept in the history.
    /// As with approval, only a reviewer who wrote none of the draft decides on it (an author takes it back by withdrawing).
    /// </summary>
    public async Task<ArticleResult> RequestChangesAsync(KbActor actor, int articleId, long expectedVersion, string comment)
    {
        if (!actor.CanReview)
        {
            return ArticleResult.Forbidden(L["Error_OnlyReviewersRequestChanges"]);
        }
        comment = comment?.Trim() ?? "";
        if (comment.Length == 0)
        {
            return ArticleResult.Invalid(L["CommentRequired"]);
        }
        if (comment.Length > ArticleLimits.MaxCommentLength)
        {
            return ArticleResult.Invalid(L["CommentTooLong", ArticleLimits.MaxCommentLength]);
        }
        var result = await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            if (article.Status != ArticleStatus.InReview)
            {
                return Refuse(L["Error_OnlyInReviewSentBack"]);
            }
            if ((await AuthorsSinceLastApprovalAsync(db, article.Id)).Contains(actor.AgentId))
            {
                return OwnDraft;
            }
            article.Status = ArticleStatus.Draft;
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.ChangesRequested, null, actor, now, comment));
            return ArticleEventKind.ChangesRequested;
        });
        if (result.Succeeded)
        {
            await NotifyAuthorAsync(actor, articleId, NotificationText.ChangesRequested, comment);
        }
        return result;
    }

    /// <summary>Takes the live revision offline; the working copy stays as it is (a published one becomes a draft).</summary>
    public async Task<ArticleResult> UnpublishAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanRetire)
        {
            return ArticleResult.Forbidden(L["Error_OnlyRetireUnpublish"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            if (article.PublishedRevisionId is null)
            {
                return Refuse(L["Error_NotPublished"]);
            }
            article.PublishedRevisionId = null;
            if (article.Status == ArticleStatus.Published)
            {
                article.Status = ArticleStatus.Draft;
            }
            ApplyLiveFields(article, await db.ArticleRevisions.SingleAsync(r => r.Id == article.CurrentRevisionId));
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Unpublished, null, actor, now, null));
            return ArticleEventKind.Unpublished;
        });
    }

    /// <summary>Retires the article: offline everywhere, read-only until it is taken out of the archive.</summary>
    public async Task<ArticleResult> ArchiveAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanRetire)
        {
            return ArticleResult.Forbidden(L["Error_OnlyRetireArchive"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            if (article.Status == ArticleStatus.Archived)
            {
                return Refuse(L["Error_AlreadyArchived"]);
            }
            article.Status = ArticleStatus.Archived;
            article.PublishedRevisionId = null;
            ApplyLiveFields(article, await db.ArticleRevisions.SingleAsync(r => r.Id == article.CurrentRevisionId));
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Archived, null, actor, now, null));
            return ArticleEventKind.Archived;
        });
    }

    /// <summary>Brings an archived article back as a draft; it goes live again only through review.</summary>
    public async Task<ArticleResult> UnarchiveAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanRetire)
        {
            return ArticleResult.Forbidden(L["Error_OnlyRetireUnarchive"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, (db, article, now) =>
        {
            if (article.Status != ArticleStatus.Archived)
            {
                return Task.FromResult(Refuse(L["Error_NotArchived"]));
            }
            article.Status = ArticleStatus.Draft;
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Unarchived, null, actor, now, null));
            return Task.FromResult<Step>(ArticleEventKind.Unarchived);
        });
    }

    private ArticleResult OwnDraft => ArticleResult.Forbidden(L["OwnDraftNote"]);

    /// <summary>Everyone who wrote a revision after the last approved one: they may neither approve this draft nor send it back.</summary>
    internal static async Task<IReadOnlyList<string>> AuthorsSinceLastApprovalAsync(AppDbContext db, int articleId)
    {
        var lastApproved = await db.ArticleRevisions.Where(r => r.ArticleId == articleId && r.ApprovedAt != null).MaxAsync(r => (int?)r.Number) ?? 0;
        return await db.ArticleRevisions.Where(r => r.ArticleId == articleId && r.Number > lastApproved).Select(r => r.AuthorId).Distinct().ToListAsync();
    }

    private async Task NotifyReviewersAsync(KbActor actor, int articleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (title, by) = await TitleAndActorAsync(db, articleId, actor);
        var reviewers = await (from user in db.Users
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where role.Name == Roles.KbReviewer && user.IsActive && user.Id != actor.AgentId
                               select user.Id).Distinct().ToListAsync();
        foreach (var reviewer in reviewers)
        {
            await notifications.NotifyAsync(reviewer, NotificationText.ReviewRequested(by, title), null, $"/kb/articles/{articleId}");
        }
    }

    /// <summary>Tells whoever submitted the article (and the latest revision's author) what the reviewer decided.</summary>
    private async Task NotifyAuthorAsync(KbActor actor, int articleId, Func<string, string, NotificationText> decision, string? comment)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (title, by) = await TitleAndActorAsync(db, articleId, actor);
        var submitter = await db.ArticleEvents.Where(e => e.ArticleId == articleId && e.Kind == ArticleEventKind.Submitted)
            .OrderByDescending(e => e.Id).Select(e => e.ActorAgentId).FirstOrDefaultAsync();
        var author = await db.Articles.Where(a => a.Id == articleId).Select(a => a.CurrentRevision!.AuthorId).FirstOrDefaultAsync();
        foreach (var recipient in new[] { submitter, author }.OfType<string>().Distinct().Where(id => id != actor.AgentId))
        {
            await notifications.NotifyAsync(recipient, decision(by, title), comment, $"/kb/articles/{articleId}");
        }
    }

    private static async Task<(string Title, string By)> TitleAndActorAsync(AppDbContext db, int articleId, KbActor actor)
    {
        var title = await db.Articles.Where(a => a.Id == articleId).Select(a => a.CurrentRevision!.Title).FirstOrDefaultAsync() ?? "an article";
        var by = await db.Users.Where(a => a.Id == actor.AgentId).Select(a => a.DisplayName).FirstOrDefaultAsync() ?? "Someone";
        return (title, by);
    }
}
