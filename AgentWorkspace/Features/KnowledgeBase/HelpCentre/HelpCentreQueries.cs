using System.Text.RegularExpressions;
using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.KnowledgeBase.HelpCentre;

/// <summary>
/// What a help-centre visitor may read. Deny by default: an article is shown only when <see cref="Article.IsPublic"/>
/// holds (a live revision, not archived, nothing internal); and only the published revision's text leaves here, never
/// a draft, a revision in review, notes or reviewers' comments.
/// </summary>
public sealed partial class HelpCentreQueries(IDbContextFactory<AppDbContext> dbFactory, IArticleSearch search)
{
    private static IQueryable<Article> Live(AppDbContext db) =>
        db.Articles.AsNoTracking().Where(Article.IsPublic);

    public async Task<HelpHome> HomeAsync(string language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var articles = InLanguage(await SummariesAsync(db, Live(db)), language);
        var categories = await CategoriesAsync(db);
        var tops = categories.Where(c => c.ParentId is null)
            .Select(top => new HelpCategoryCard(Name(top, language), top.Slug,
                categories.Where(c => c.ParentId == top.Id).Select(c => new HelpCategoryRef(Name(c, language), c.Slug)).ToList(),
                articles.Count(a => a.CategoryId == top.Id || categories.Any(c => c.Id == a.CategoryId && c.ParentId == top.Id))))
            .Where(c => c.ArticleCount > 0)
            .ToList();
        var popular = articles.OrderByDescending(a => a.Helpful).ThenBy(a => a.Title).Take(6).ToList();
        return new HelpHome(tops, popular);
    }

    public async Task<HelpCategoryPage?> CategoryAsync(string slug, string language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var categories = await CategoriesAsync(db);
        var category = categories.FirstOrDefault(c => c.Slug == slug);
        if (category is null)
        {
            return null;
        }
        var ids = categories.Where(c => c.Id == category.Id || c.ParentId == category.Id).Select(c => c.Id).ToList();
        var articles = InLanguage(await SummariesAsync(db, Live(db).Where(a => a.CategoryId != null && ids.Contains(a.CategoryId.Value))), language);
        var parent = categories.FirstOrDefault(c => c.Id == category.ParentId);
        var sections = categories.Where(c => ids.Contains(c.Id))
            .Select(c => new HelpSection(Name(c, language), c.Slug, articles.Where(a => a.CategoryId == c.Id).OrderBy(a => a.Title).ToList()))
            .Where(s => s.Articles.Count > 0)
            .ToList();
        return new HelpCategoryPage(Name(category, language), category.Slug,
            parent is null ? null : new HelpCategoryRef(Name(parent, language), parent.Slug), sections);
    }

    /// <summary>
    /// The article with this slug in the visitor's language, else in the other one. When a live translation in the
    /// visitor's language exists, <see cref="HelpArticleLookup.RedirectSlug"/> points to it instead.
    /// </summary>
    public async Task<HelpArticleLookup> ArticleAsync(string slug, string language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var candidates = await Live(db).Where(a => a.Slug == slug).Select(a => new { a.Id, a.Language, a.TranslationGroup }).ToListAsync();
        var found = candidates.FirstOrDefault(c => c.Language == language) ?? candidates.FirstOrDefault();
        if (found is null)
        {
            return new HelpArticleLookup(null, null);
        }
        if (found.Language != language)
        {
            var translated = await Live(db).Where(a => a.TranslationGroup == found.TranslationGroup && a.Language == language)
                .Select(a => a.Slug).FirstOrDefaultAsync();
            if (translated is not null)
            {
                return new HelpArticleLookup(null, translated);
            }
        }
        return new HelpArticleLookup(await ReadAsync(db, found.Id, language), null);
    }

    /// <summary>The slug of a live public article, for the stable /help/a/{id} links agents paste into replies.</summary>
    public async Task<string?> SlugOfAsync(int articleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Live(db).Where(a => a.Id == articleId).Select(a => a.Slug).FirstOrDefaultAsync();
    }

    public async Task<IReadOnlyList<HelpArticleSummary>> SearchAsync(string query, string language)
    {
        var hits = await search.SearchPublishedAsync(query, new ArticleSearchOptions(IncludeInternal: false, Take: 40));
        if (hits.Count == 0)
        {
            return [];
        }
        var ids = hits.Select(h => h.ArticleId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        // The search seam could be replaced; what it returns is filtered again here.
        var found = await SummariesAsync(db, Live(db).Where(a => ids.Contains(a.Id)));
        var rank = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return found.OrderBy(a => a.Language == language ? 0 : 1).ThenBy(a => rank[a.Id])
            .DistinctBy(a => a.TranslationGroup)
            .OrderBy(a => rank[a.Id])
            .Take(20)
            .ToList();
    }

    private static async Task<HelpArticle?> ReadAsync(AppDbContext db, int articleId, string language)
    {
        var article = await Live(db).Where(a => a.Id == articleId)
            .Select(a => new { a.Id, a.Slug, a.Language, a.TranslationGroup, a.CategoryId, a.PublishedAt, a.PublishedRevision!.Title, a.PublishedRevision.Body })
            .FirstOrDefaultAsync();
        if (article is null)
        {
            return null;
        }
        var translations = await Live(db).Where(a => a.TranslationGroup == article.TranslationGroup && a.Id != article.Id)
            .Select(a => new HelpTranslation(a.Language, a.Slug)).ToListAsync();
        var categories = await CategoriesAsync(db);
        var category = categories.FirstOrDefault(c => c.Id == article.CategoryId);
        var parent = categories.FirstOrDefault(c => c.Id == category?.ParentId);
        return new HelpArticle(article.Id, article.Slug, article.Language, article.Title, article.Body, article.PublishedAt,
            category is null ? null : new HelpCategoryRef(Name(category, language), category.Slug),
            parent is null ? null : new HelpCategoryRef(Name(parent, language), parent.Slug),
            translations);
    }

    private static async Task<List<HelpArticleSummary>> SummariesAsync(AppDbContext db, IQueryable<Article> articles)
    {
        var rows = await articles
            .Select(a => new { a.Id, a.Slug, a.Language, a.TranslationGroup, a.CategoryId, a.HelpfulCount, a.PublishedRevision!.Title, Start = a.PublishedRevision.Body.Substring(0, 600) })
            .ToListAsync();
        return rows.Select(r => new HelpArticleSummary(r.Id, r.Slug, r.Language, r.TranslationGroup, r.CategoryId, r.Title, Lead(r.Start), r.HelpfulCount)).ToList();
    }

    /// <summary>One article per translation group: the visitor's language when it exists, else the other one.</summary>
    private static List<HelpArticleSummary> InLanguage(IEnumerable<HelpArticleSummary> articles, string language) =>
        articles.GroupBy(a => a.TranslationGroup)
            .Select(g => g.FirstOrDefault(a => a.Language == language) ?? g.First())
            .ToList();

    private static Task<List<ArticleCategory>> CategoriesAsync(AppDbContext db) =>
        db.ArticleCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync();

    private static string Name(ArticleCategory category, string language) =>
        language == "es" && !string.IsNullOrWhiteSpace(category.NameEs) ? category.NameEs : category.Name;

    /// <summary>The opening words of a Markdown body as plain text (rendered as text, so nothing in it is markup).</summary>
    internal static string Lead(string markdown)
    {
        var firstParagraph = markdown.Split("\n\n", 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var text = MarkdownSyntax().Replace(Markdig.Markdown.ToPlainText(firstParagraph), " ");
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length <= 180)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', 180);
        return text[..(cut > 100 ? cut : 180)] + "…";
    }

    [GeneratedRegex(@"[#>*_`|]+")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public sealed record HelpCategoryRef(string Name, string Slug);

public sealed record HelpCategoryCard(string Name, string Slug, IReadOnlyList<HelpCategoryRef> Subcategories, int ArticleCount);

public sealed record HelpHome(IReadOnlyList<HelpCategoryCard> Categories, IReadOnlyList<HelpArticleSummary> Popular);

public sealed record HelpSection(string Name, string Slug, IReadOnlyList<HelpArticleSummary> Articles);

public sealed record HelpCategoryPage(string Name, string Slug, HelpCategoryRef? Parent, IReadOnlyList<HelpSection> Sections);

public sealed record HelpArticleSummary(int Id, string Slug, string Language, Guid TranslationGroup, int? CategoryId, string Title, string Lead, int Helpful);

public sealed record HelpTranslation(string Language, string Slug);

public sealed record HelpArticle(
    int Id, string Slug, string Language, string Title, string Body, DateTimeOffset? PublishedAt,
    HelpCategoryRef? Category, HelpCategoryRef? ParentCategory, IReadOnlyList<HelpTranslation> Translations);

public sealed record HelpArticleLookup(HelpArticle? Article, string? RedirectSlug);
