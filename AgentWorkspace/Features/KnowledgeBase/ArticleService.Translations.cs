using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>Translations: an English and a Spanish article about the same thing share a translation group.</summary>
public sealed partial class ArticleService
{
    /// <summary>Links the article with its translation in the other language (they then share a translation group).</summary>
    public async Task<ArticleResult> LinkTranslationAsync(KbActor actor, int articleId, long expectedVersion, int translationId)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsLink"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, async (db, article, now) =>
        {
            var other = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == translationId);
            if (other is null || other.Language == article.Language)
            {
                return Refuse(L["Error_TranslationIsOther"]);
            }
            if (await db.Articles.AnyAsync(a => a.TranslationGroup == other.TranslationGroup && a.Language == article.Language && a.Id != article.Id))
            {
                return Refuse(HasTranslation(article.Language));
            }
            article.TranslationGroup = other.TranslationGroup;
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.TranslationLinked, null, actor, now, $"{ArticleLimits.LanguageName(other.Language)}: {other.Slug}"));
            return ArticleEventKind.TranslationLinked;
        });
    }

    public async Task<ArticleResult> UnlinkTranslationAsync(KbActor actor, int articleId, long expectedVersion)
    {
        if (!actor.CanEdit)
        {
            return ArticleResult.Forbidden(L["Error_OnlyEditorsUnlink"]);
        }
        return await RunAsync(actor, articleId, expectedVersion, (db, article, now) =>
        {
            article.TranslationGroup = Guid.NewGuid();
            db.ArticleEvents.Add(NewEvent(article, ArticleEventKind.TranslationUnlinked, null, actor, now, null));
            return Task.FromResult<Step>(ArticleEventKind.TranslationUnlinked);
        });
    }
}
