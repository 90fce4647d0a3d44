using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Data.Seed;

/// <summary>One article as written in the seed files. Translations share a <paramref name="Pair"/> key.</summary>
internal sealed record ArticleSeed(
    string Language,
    string Slug,
    string Category,
    ArticleStatus Status,
    int AgeDays,
    RevisionSeed[] Revisions,
    string? Pair = null,
    bool IsInternal = false,
    bool ByAdmin = false);

/// <summary>One revision; the last one in the array is the current one.</summary>
internal sealed record RevisionSeed(string Title, string Keywords, string Body, string? Note = null);

/// <summary>The help centre: a two-level category tree and about thirty articles in English and Spanish.</summary>
internal static class DemoKnowledgeBase
{
    // Slug, English name, Spanish name, parent slug.
    private static readonly (string Slug, string Name, string NameEs, string? Parent)[] Categories =
    [
        ("getting-started", "Getting started", "Primeros pasos", null),
        ("store-setup", "Store setup", "Configurar la tienda", "getting-started"),
        ("domains", "Domains", "Dominios", "getting-started"),
        ("orders-shipping", "Orders & shipping", "Pedidos y envíos", null),
        ("orders-returns", "Orders & returns", "Pedidos y devoluciones", "orders-shipping"),
        ("shipping-taxes", "Shipping & taxes", "Envíos e impuestos", "orders-shipping"),
        ("payments-billing", "Payments & billing", "Pagos y facturación", null),
        ("payments-payouts", "Payments & payouts", "Cobros y liquidaciones", "payments-billing"),
        ("plans-invoices", "Plans & invoices", "Planes y facturas", "payments-billing"),
        ("account-security", "Account & security", "Cuenta y seguridad", null),
        ("login-2fa", "Sign-in & two-factor", "Acceso y verificación en dos pasos", "account-security"),
        ("apps-api", "Apps & API", "Apps y API", "account-security"),
    ];

    public static IEnumerable<ArticleSeed> AllArticles => SeedContent.Articles;

    public static async Task SeedAsync(AppDbContext db, DemoAgents agents, DateTimeOffset now, Random random, CancellationToken cancellationToken)
    {
        var categories = new Dictionary<string, ArticleCategory>();
        var sortOrder = 0;
        foreach (var (slug, name, nameEs, parent) in Categories)
        {
            categories[slug] = new ArticleCategory
            {
                Slug = slug,
                Name = name,
                NameEs = nameEs,
                Parent = parent is null ? null : categories[parent],
                SortOrder = sortOrder++,
            };
        }
        db.ArticleCategories.AddRange(categories.Values);

        var groups = new Dictionary<string, Guid>();
        var articles = new List<(Article Article, ArticleSeed Seed)>();
        foreach (var seed in AllArticles)
        {
            var group = seed.Pair is null ? NewGuid(random) : groups.TryGetValue(seed.Pair, out var g) ? g : groups[seed.Pair] = NewGuid(random);
            var article = new Article
            {
                Slug = seed.Slug,
                Language = seed.Language,
                TranslationGroup = group,
                Category = categories[seed.Category],
                Status = seed.Status,
                IsInternal = seed.IsInternal,
            };
            AddRevisions(article, seed, agents, now, random);
            articles.Add((article, seed));
        }
        db.Articles.AddRange(articles.Select(a => a.Article));
        // Revisions need the article's id and the article points back at revisions, so this takes two saves.
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (article, _) in articles)
        {
            var current = article.Revisions[^1];
            article.CurrentRevisionId = current.Id;
            // An archived article keeps its approval history but nothing stays live.
            article.PublishedRevisionId = article.Status == ArticleStatus.Published ? current.Id : null;
            foreach (var revision in article.Revisions)
            {
                revision.Slug = article.Slug;
                revision.CategoryId = article.CategoryId;
                revision.IsInternal = article.IsInternal;
            }
            db.ArticleEvents.AddRange(History(article, agents));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The history the seeded revisions and statuses imply: saves, a submission, Rita's approval, an archiving.</summary>
    private static IEnumerable<ArticleEvent> History(Article article, DemoAgents agents)
    {
        ArticleEvent Event(ArticleEventKind kind, ArticleRevision revision, string? actor, DateTimeOffset at, string? comment = null) => new()
        {
            ArticleId = article.Id,
            Kind = kind,
            RevisionNumber = revision.Number,
            ActorAgentId = actor,
            Comment = comment,
            CreatedAt = at,
        };

        foreach (var revision in article.Revisions)
        {
            yield return Event(revision.Number == 1 ? ArticleEventKind.Created : ArticleEventKind.Saved, revision, revision.AuthorId, revision.CreatedAt, revision.Note);
        }
        var last = article.Revisions[^1];
        if (article.Status != ArticleStatus.Draft)
        {
            yield return Event(ArticleEventKind.Submitted, last, last.AuthorId, last.CreatedAt.AddMinutes(30));
        }
        if (last.ApprovedAt is { } approvedAt)
        {
            yield return Event(ArticleEventKind.Published, last, last.ApprovedById, approvedAt);
        }
        if (article.Status == ArticleStatus.Archived)
        {
            yield return Event(ArticleEventKind.Archived, last, agents.Rita.Id, article.UpdatedAt, "Replaced by the new checkout.");
        }
    }

    private static void AddRevisions(Article article, ArticleSeed seed, DemoAgents agents, DateTimeOffset now, Random random)
    {
        var author = seed.ByAdmin ? agents.Admin : agents.Ana;
        var approved = seed.Status is ArticleStatus.Published or ArticleStatus.Archived;
        var created = now.AddDays(-seed.AgeDays).AddMinutes(-random.Next(0, 600));
        article.CreatedAt = created;

        for (var i = 0; i < seed.Revisions.Length; i++)
        {
            var r = seed.Revisions[i];
            // Later revisions land between the first one and a couple of days ago.
            var at = i == 0 ? created : now.AddDays(-Math.Max(2, seed.AgeDays * (seed.Revisions.Length - i) / (seed.Revisions.Length + 1)));
            var revision = new ArticleRevision
            {
                Number = i + 1,
                Title = r.Title,
                Body = r.Body,
                Keywords = r.Keywords,
                AuthorId = author.Id,
                Note = r.Note,
                CreatedAt = at,
            };
            if (approved)
            {
                revision.ApprovedById = agents.Rita.Id;
                revision.ApprovedAt = at.AddHours(random.Next(2, 30));
            }
            article.Revisions.Add(revision);
        }

        var last = article.Revisions[^1];
        article.UpdatedAt = last.ApprovedAt ?? last.CreatedAt;
        if (approved)
        {
            article.PublishedAt = last.ApprovedAt;
        }
        if (seed.Status == ArticleStatus.Archived)
        {
            article.UpdatedAt = now.AddDays(-random.Next(3, 15));
        }
        if (seed.Status == ArticleStatus.Published && !seed.IsInternal)
        {
            article.HelpfulCount = random.Next(4, 140);
            article.NotHelpfulCount = random.Next(0, 14);
        }
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
