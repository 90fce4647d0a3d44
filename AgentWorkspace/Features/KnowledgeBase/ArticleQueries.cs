using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase;

/// <summary>What agents read about articles: the KB list, one article with its history, the review queue, and the published set.</summary>
public sealed class ArticleQueries(IDbContextFactory<AppDbContext> dbFactory, IArticleSearch search)
{
    public const int ListLimit = 200;

    /// <summary>Category names follow the agent's language (the circuit's culture); Spanish falls back to English when unnamed.</summary>
    private static bool AgentSpeaksSpanish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";

    public async Task<IReadOnlyList<ArticleListRow>> ListAsync(KbListFilter filter, string agentId)
    {
        var spanish = AgentSpeaksSpanish;
        await using var db = await dbFactory.CreateDbContextAsync();
        var articles = db.Articles.AsNoTracking();
        articles = filter.View switch
        {
            KbView.Live => articles.Where(a => a.PublishedRevisionId != null),
            KbView.Drafts => articles.Where(a => a.Status == ArticleStatus.Draft),
            KbView.InReview => articles.Where(a => a.Status == ArticleStatus.InReview),
            KbView.Archived => articles.Where(a => a.Status == ArticleStatus.Archived),
            KbView.WaitingForMyReview => WaitingFor(db, agentId),
            _ => articles,
        };
        if (filter.Language is { } language)
        {
            articles = articles.Where(a => a.Language == language);
        }
        if (filter.CategoryId is { } categoryId)
        {
            articles = articles.Where(a => a.CurrentRevision!.CategoryId == categoryId
                || db.ArticleCategories.Any(c => c.Id == a.CurrentRevision!.CategoryId && c.ParentId == categoryId));
        }
        IReadOnlyList<ArticleSearchHit> hits = [];
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Live text through the search seam, plus titles and keywords of drafts (which are never in that index).
            hits = await search.SearchPublishedAsync(filter.Search, new ArticleSearchOptions(IncludeInternal: true, Take: ListLimit));
            var ids = hits.Select(h => h.ArticleId).ToArray();
            var pattern = $"%{filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            // SQLite's LIKE ignores case (ASCII); PostgreSQL's does not, so there it is ILIKE.
            articles = db.Database.IsPostgres()
                ? articles.Where(a => ids.Contains(a.Id)
                    || EF.Functions.ILike(a.CurrentRevision!.Title, pattern, "\\") || EF.Functions.ILike(a.CurrentRevision!.Keywords!, pattern, "\\"))
                : articles.Where(a => ids.Contains(a.Id)
                    || EF.Functions.Like(a.CurrentRevision!.Title, pattern, "\\") || EF.Functions.Like(a.CurrentRevision!.Keywords, pattern, "\\"));
        }
        var rows = await articles.OrderByDescending(a => a.UpdatedAt).Take(ListLimit)
            .Select(a => new ArticleListRow(a.Id, a.CurrentRevision!.Title, a.Language, a.Status, a.PublishedRevisionId != null,
                a.CurrentRevision.IsInternal,
                db.ArticleCategories.Where(c => c.Id == a.CurrentRevision.CategoryId).Select(c => spanish && c.NameEs != null ? c.NameEs : c.Name).FirstOrDefault(),
                a.UpdatedAt, a.CurrentRevision.Author!.DisplayName, a.HelpfulCount, a.NotHelpfulCount, a.CurrentRevision.Number))
            .ToListAsync();
        if (hits.Count == 0)
        {
            return rows;
        }
        var rank = hits.Select((h, i) => (h.ArticleId, i)).ToDictionary(x => x.ArticleId, x => x.i);
        return rows.OrderBy(r => rank.GetValueOrDefault(r.Id, int.MaxValue)).ToList();
    }

    /// <summary>Articles in review that <paramref name="agentId"/> may approve: they wrote none of the draft.</summary>
    public async Task<int> WaitingForReviewCountAsync(string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await WaitingFor(db, agentId).CountAsync();
    }

    private static IQueryable<Article> WaitingFor(AppDbContext db, string agentId) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.InReview
            && !db.ArticleRevisions.Any(r => r.ArticleId == a.Id && r.AuthorId == agentId
                && r.Number > (db.ArticleRevisions.Where(x => x.ArticleId == a.Id && x.ApprovedAt != null).Max(x => (int?)x.Number) ?? 0)));

    public async Task<ArticleDetails?> GetAsync(int articleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId);
        if (article is null)
        {
            return null;
        }
        var current = (await RevisionAsync(db, articleId, r => r.Id == article.CurrentRevisionId))!;
        var published = article.PublishedRevisionId is { } publishedId ? await RevisionAsync(db, articleId, r => r.Id == publishedId) : null;
        var translations = await db.Articles.AsNoTracking()
            .Where(a => a.TranslationGroup == article.TranslationGroup && a.Id != article.Id)
            .Select(a => new TranslationLink(a.Id, a.Language, a.CurrentRevision!.Title, a.Status, a.PublishedRevisionId != null))
            .ToListAsync();
        var history = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == articleId).OrderByDescending(e => e.Id)
            .Select(e => new HistoryEntry(e.Id, e.Kind, e.RevisionNumber, e.ActorAgent != null ? e.ActorAgent.DisplayName : "System", e.Comment, e.CreatedAt))
            .ToListAsync();
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Title, r.Author!.DisplayName, r.CreatedAt, r.Note, r.ApprovedAt != null))
            .ToListAsync();
        var authors = await ArticleService.AuthorsSinceLastApprovalAsync(db, articleId);
        var lastVerdict = history.FirstOrDefault(h => h.Kind is ArticleEventKind.Submitted or ArticleEventKind.ChangesRequested);
        var openComment = article.Status == ArticleStatus.Draft && lastVerdict is { Kind: ArticleEventKind.ChangesRequested, Comment: { } comment }
            ? new ReviewComment(lastVerdict.ActorName, comment, lastVerdict.At)
            : null;
        return new ArticleDetails(article.Id, article.Version, article.Language, article.Status, article.PublishedRevisionId is not null,
            article.HelpfulCount, article.NotHelpfulCount, article.CreatedAt, article.UpdatedAt, article.PublishedAt,
            current, published, translations, history, revisions, authors, openComment);
    }

    public async Task<RevisionView?> RevisionAsync(int articleId, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await RevisionAsync(db, articleId, r => r.Number == number);
    }

    private static Task<RevisionView?> RevisionAsync(AppDbContext db, int articleId, System.Linq.Expressions.Expression<Func<ArticleRevision, bool>> which) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).Where(which)
            .Select(r => new RevisionView(r.Number, r.Title, r.Slug, r.CategoryId,
                db.ArticleCategories.Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                r.Keywords, r.Body, r.IsInternal, r.AuthorId, r.Author!.DisplayName, r.CreatedAt, r.Note,
                db.Users.Where(u => u.Id == r.ApprovedById).Select(u => u.DisplayName).FirstOrDefault(), r.ApprovedAt))
            .FirstOrDefaultAsync();

    public async Task<IReadOnlyList<CategoryOption>> CategoriesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var all = await db.ArticleCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync();
        var spanish = AgentSpeaksSpanish;
        var names = all.ToDictionary(c => c.Id, c => spanish && c.NameEs is { } es ? es : c.Name);
        return all.Select(c => new CategoryOption(c.Id, c.ParentId is { } parent ? $"{names[parent]} › {names[c.Id]}" : names[c.Id], c.ParentId)).ToList();
    }

    /// <summary>Articles in the other language that have no translation in <paramref name="language"/> yet.</summary>
    public async Task<IReadOnlyList<TranslationLink>> TranslationCandidatesAsync(int articleId, string language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var other = ArticleLimits.OtherLanguage(language);
        return await db.Articles.AsNoTracking()
            .Where(a => a.Language == other && a.Id != articleId && !db.Articles.Any(t => t.TranslationGroup == a.TranslationGroup && t.Language == language))
            .OrderBy(a => a.CurrentRevision!.Title)
            .Select(a => new TranslationLink(a.Id, a.Language, a.CurrentRevision!.Title, a.Status, a.PublishedRevisionId != null))
            .ToListAsync();
    }

    /// <summary>Every live article's published text (internal ones flagged), for a search index such as the suggestion engine's.</summary>
    public async Task<IReadOnlyList<PublishedArticle>> PublishedArticlesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Published(db, db.Articles).ToListAsync(cancellationToken);
    }

    /// <summary>These live articles' published text, in no particular order (missing ids are not live).</summary>
    public async Task<IReadOnlyList<PublishedArticle>> PublishedArticlesAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Published(db, db.Articles.Where(a => articleIds.Contains(a.Id))).ToListAsync(cancellationToken);
    }

    /// <summary>One live article's published text, or null when it is not live (draft only, unpublished, archived): drop it from the index.</summary>
    public async Task<PublishedArticle?> PublishedArticleAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Published(db, db.Articles.Where(a => a.Id == articleId)).FirstOrDefaultAsync(cancellationToken);
    }

    // Every live article is indexed (agents get internal ones too); the ones customers may not see are flagged internal.
    private static IQueryable<PublishedArticle> Published(AppDbContext db, IQueryable<Article> articles) =>
        articles.AsNoTracking()
            .Where(a => a.PublishedRevisionId != null && a.Status != ArticleStatus.Archived)
            .OrderBy(a => a.Id)
            .Select(a => new PublishedArticle(a.Id, a.Language, a.Slug, a.PublishedRevision!.Title, a.PublishedRevision.Keywords,
                a.PublishedRevision.Body, !db.Articles.Where(Article.IsPublic).Any(p => p.Id == a.Id), a.TranslationGroup,
                a.Category != null ? a.Category.Name : null,
                a.PublishedRevision.Number, a.PublishedAt));
}
