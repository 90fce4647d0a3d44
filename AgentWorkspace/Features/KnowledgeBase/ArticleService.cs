using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>
/// Every change to knowledge-base articles goes through here. Commands carry the article version the person saw
/// and are refused as a conflict when it moved (no silent overwrite); each runs in one IMMEDIATE SQLite
/// transaction, records the event in the article's history, keeps the search index of live articles in step,
/// and publishes <see cref="ArticleChanged"/> only after commit. Roles are checked here, not only in the UI. Refusals
/// are worded in the acting agent's language (the circuit's culture); stored history and notifications stay as written.
/// </summary>
public sealed partial class ArticleService(
    IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, NotificationCenter notifications, TimeProvider clock,
    IStringLocalizer<KnowledgeBaseStrings> L)
{
    public async Task<ArticleResult> CreateAsync(KbActor actor, NewArticle request)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsWrite"]);
        }
        if (!ArticleLimits.Languages.Contains(request.Language))
        {
            return ArticleResult.Invalid(L["Error_Language"]);
        }
        if (Normalize(request.Draft, out var policyError) is not { } draft)
        {
            return ArticleResult.Invalid(policyError!);
        }
        if (ArticleLimits.Validate(draft, L) is { } invalid)
        {
            return ArticleResult.Invalid(invalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await CheckPlacementAsync(db, request.Language, draft, null) is { } error)
        {
            return error;
        }
        var group = Guid.NewGuid();
        if (request.TranslationOf is { } sourceId)
        {
            var source = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == sourceId);
            if (source is null || source.Language == request.Language)
            {
                return ArticleResult.Invalid(L["Error_TranslationOfOther"]);
            }
            if (await db.Articles.AnyAsync(a => a.TranslationGroup == source.TranslationGroup && a.Language == request.Language))
            {
                return ArticleResult.Invalid(HasTranslation(request.Language));
            }
            group = source.TranslationGroup;
        }

        var now = clock.GetUtcNow();
        var revision = NewRevision(1, draft, actor.AgentId, now);
        var article = new Article
        {
            Slug = draft.Slug,
            Language = request.Language,
            TranslationGroup = group,
            CategoryId = draft.CategoryId,
            IsInternal = draft.IsInternal,
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Revisions = [revision],
        };
        db.Articles.Add(article);
        // The article and its first revision point at each other: insert both, then link.
        await db.SaveChangesAsync();
        article.CurrentRevisionId = revision.Id;
        db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Created, 1, actor, now, draft.Note));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        Publish(article, ArticleEventKind.Created, actor);
        return ArticleResult.Ok(article.Id, article.Version);
    }

    /// <summary>
    /// Saves a new revision. The article becomes a draft again (an article in review goes back to its author's
    /// hands); whatever revision was published stays live until a newer one is approved.
    /// </summary>
    public async Task<ArticleResult> SaveAsync(KbActor actor, int articleId, long expectedVersion, ArticleDraft draft)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsEdit"]);
        }
        if (Normalize(draft, out var policyError) is not { } cleaned)
        {
            return ArticleResult.Invalid(policyError!);
        }
        draft = cleaned;
        if (ArticleLimits.Validate(draft, L) is { } invalid)
        {
            return ArticleResult.Invalid(invalid);
        }
        return await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            if (article.Status == ArticleStatus.Archived)
            {
                return Refuse(L["Error_UnarchiveBeforeEditing"]);
            }
            if (await CheckPlacementAsync(db, article.Language, draft, article.Id) is { } error)
            {
                return error;
            }
            await AddRevisionAsync(db, article, draft, actor, now, ArticleEventKind.Saved, draft.Note);
            return ArticleEventKind.Saved;
        });
    }

    /// <summary>Starts a new draft from an old revision's content (title, body, keywords, slug, category, flag).</summary>
    public async Task<ArticleResult> RestoreAsync(KbActor actor, int articleId, long expectedVersion, int revisionNumber)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsRestore"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            if (article.Status == ArticleStatus.Archived)
            {
                return Refuse(L["Error_UnarchiveBeforeRestoring"]);
            }
            var old = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == article.Id && r.Number == revisionNumber);
            if (old is null)
            {
                return Refuse(L["Error_NoSuchRevision", revisionNumber]);
            }
            var draft = new ArticleDraft(old.Title, old.Slug, old.CategoryId, old.Keywords, old.Body, old.IsInternal, $"Restored from revision {revisionNumber}");
            if (await CheckPlacementAsync(db, article.Language, draft, article.Id) is { } error)
            {
                return error;
            }
            await AddRevisionAsync(db, article, draft, actor, now, ArticleEventKind.Restored, draft.Note);
            return ArticleEventKind.Restored;
        });
    }

    /// <summary>Counts a help-centre visitor's answer; only live public articles take feedback.</summary>
    public async Task<bool> RecordFeedbackAsync(int articleId, bool helpful)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var live = db.Articles.Where(a => a.Id == articleId).Where(Article.IsPublic);
        var updated = helpful
            ? await live.ExecuteUpdateAsync(s => s.SetProperty(a => a.HelpfulCount, a => a.HelpfulCount + 1))
            : await live.ExecuteUpdateAsync(s => s.SetProperty(a => a.NotHelpfulCount, a => a.NotHelpfulCount + 1));
        if (updated == 0)
        {
            return false;
        }
        notifier.Publish(new ArticleFeedbackRecorded(articleId));
        return true;
    }

    /// <summary>Either the event a command recorded, or why it was refused.</summary>
    private readonly record struct Step(ArticleEventKind Kind, ArticleResult? Refusal)
    {
        public static implicit operator Step(ArticleEventKind kind) => new(kind, null);
        public static implicit operator Step(ArticleResult refusal) => new(default, refusal);
    }

    private static Step Refuse(string error) => ArticleResult.Invalid(error);

    /// <summary>Reads the article inside an IMMEDIATE transaction, checks the expected version, applies, commits, then publishes.</summary>
    private async Task<ArticleResult> RunAsync(KbActor actor, int articleId, long expectedVersion, Func<AppDbContext, Article, DateTimeOffset, Task<Step>> apply)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId);
        if (article is null)
        {
            return ArticleResult.NotFound;
        }
        if (article.Version != expectedVersion)
        {
            return await ConflictAsync(db, article);
        }
        var now = clock.GetUtcNow();
        var step = await apply(db, article, now);
        if (step.Refusal is { } refusal)
        {
            return refusal with { ArticleId = article.Id, Version = article.Version };
        }
        article.UpdatedAt = now;
        await db.SaveChangesAsync();
        await ArticleSearchIndex.SyncAsync(db, article.Id);
        await transaction.CommitAsync();

        Publish(article, step.Kind, actor);
        return ArticleResult.Ok(article.Id, article.Version);
    }

    private static async Task<ArticleResult> ConflictAsync(AppDbContext db, Article article)
    {
        var latest = await db.ArticleRevisions.AsNoTracking().Where(r => r.Id == article.CurrentRevisionId)
            .Select(r => new { r.Number, Author = r.Author!.DisplayName, r.CreatedAt })
            .FirstAsync();
        var last = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == article.Id).OrderByDescending(e => e.Id)
            .Select(e => new { e.Kind, Actor = e.ActorAgent != null ? e.ActorAgent.DisplayName : "Someone" })
            .FirstOrDefaultAsync();
        var what = last is null ? "changed it" : Describe(last.Kind, last.Actor);
        return new ArticleResult(ArticleOutcome.Conflict,
            $"The article changed while you were working: {what} (now revision {latest.Number}, {article.Status.Label().ToLowerInvariant()}). Nothing of yours was overwritten.",
            article.Id, article.Version, new LatestRevision(latest.Number, latest.Author, latest.CreatedAt, article.Status, article.Version));
    }

    private static string Describe(ArticleEventKind kind, string actor) => kind switch
    {
        ArticleEventKind.Created or ArticleEventKind.Saved or ArticleEventKind.Restored => $"{actor} saved a new revision",
        ArticleEventKind.Submitted => $"{actor} submitted it for review",
        ArticleEventKind.Withdrawn => $"{actor} withdrew it from review",
        ArticleEventKind.ChangesRequested => $"{actor} requested changes",
        ArticleEventKind.Published => $"{actor} published it",
        ArticleEventKind.Unpublished => $"{actor} unpublished it",
        ArticleEventKind.Archived => $"{actor} archived it",
        ArticleEventKind.Unarchived => $"{actor} took it out of the archive",
        _ => $"{actor} changed its translations",
    };

    private static async Task AddRevisionAsync(AppDbContext db, Article article, ArticleDraft draft, KbActor actor, DateTimeOffset now, ArticleEventKind kind, string? comment)
    {
        var number = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number) ?? 0;
        var revision = NewRevision(number + 1, draft, actor.AgentId, now);
        revision.ArticleId = article.Id;
        db.ArticleRevisions.Add(revision);
        article.CurrentRevision = revision;
        if (article.Status == ArticleStatus.InReview)
        {
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.Withdrawn, number, actor, now, "Edited during review"));
        }
        article.Status = ArticleStatus.Draft;
        if (article.PublishedRevisionId is null)
        {
            ApplyLiveFields(article, revision);
        }
        db.ArticleEvents.Add(NewEvent(article, kind, revision.Number, actor, now, comment));
    }

    /// <summary>Slug, category and internal flag are live values: they follow the published revision, or the latest when nothing is live.</summary>
    private static void ApplyLiveFields(Article article, ArticleRevision revision)
    {
        article.Slug = revision.Slug;
        article.CategoryId = revision.CategoryId;
        article.IsInternal = revision.IsInternal;
    }

    private async Task<ArticleResult?> CheckPlacementAsync(AppDbContext db, string language, ArticleDraft draft, int? articleId)
    {
        if (draft.CategoryId is { } categoryId && !await db.ArticleCategories.AnyAsync(c => c.Id == categoryId))
        {
            return ArticleResult.Invalid(L["Error_NoSuchCategory"]);
        }
        var taken = await db.Articles.AnyAsync(a => a.Language == language && a.Id != articleId
            && (a.Slug == draft.Slug || (a.CurrentRevision != null && a.CurrentRevision.Slug == draft.Slug)));
        return taken ? ArticleResult.Invalid(language == "es" ? L["Error_SlugTakenSpanish", draft.Slug] : L["Error_SlugTakenEnglish", draft.Slug]) : null;
    }

    /// <summary>The draft through the shared text policy (title, keywords and note one line each, body multi-line), or why not.</summary>
    private ArticleDraft? Normalize(ArticleDraft draft, out string? error)
    {
        error = null;
        var title = TextInput.Line(draft.Title, "The title", ArticleLimits.MaxTitleLength);
        if (!title.IsValid)
        {
            error = title.Problem == TextProblem.Empty ? L["TitleRequired"] : title.Error;
            return null;
        }
        var keywords = new List<string>();
        foreach (var raw in (draft.Keywords ?? "").Split(','))
        {
            var keyword = TextInput.Line(raw, "A keyword", ArticleLimits.MaxKeywordsLength, required: false);
            if (!keyword.IsValid)
            {
                error = keyword.Error;
                return null;
            }
            if (keyword.Value is { } value && !keywords.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                keywords.Add(value);
            }
        }
        var note = TextInput.Line(draft.Note, "The revision note", ArticleLimits.MaxNoteLength, required: false);
        // The body's length limit and "no content yet" stay with ArticleLimits.Validate.
        var body = TextInput.Lines(draft.Body, "The article", int.MaxValue, required: false);
        if (!note.IsValid || !body.IsValid)
        {
            error = note.Error ?? body.Error;
            return null;
        }
        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? ArticleLimits.Slugify(title.Value) : draft.Slug.Trim();
        return draft with { Title = title.Value!, Slug = slug, Keywords = string.Join(", ", keywords), Body = body.Value ?? "", Note = note.Value };
    }

    private string HasTranslation(string language) =>
        language == "es" ? L["Error_HasSpanishTranslation"] : L["Error_HasEnglishTranslation"];

    private static ArticleRevision NewRevision(int number, ArticleDraft draft, string authorId, DateTimeOffset now) => new()
    {
        Number = number,
        Title = draft.Title,
        Body = draft.Body,
        Keywords = draft.Keywords,
        Slug = draft.Slug,
        CategoryId = draft.CategoryId,
        IsInternal = draft.IsInternal,
        AuthorId = authorId,
        Note = draft.Note,
        CreatedAt = now,
    };

    private static ArticleEvent NewEvent(Article article, ArticleEventKind kind, int? revisionNumber, KbActor actor, DateTimeOffset now, string? comment) => new()
    {
        ArticleId = article.Id,
        Kind = kind,
        RevisionNumber = revisionNumber,
        ActorAgentId = actor.AgentId,
        Comment = comment is { Length: > ArticleLimits.MaxCommentLength } ? comment[..ArticleLimits.MaxCommentLength] : comment,
        CreatedAt = now,
    };

    private void Publish(Article article, ArticleEventKind kind, KbActor actor) =>
        notifier.Publish(new ArticleChanged(article.Id, kind, article.Status, article.PublishedRevisionId is not null,
            article.Language, article.IsInternal, actor.AgentId));
}

public static class ArticleStatusLabels
{
    public static string Label(this ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "In review",
        _ => status.ToString(),
    };
}
