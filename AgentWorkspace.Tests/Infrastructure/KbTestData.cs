using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.KnowledgeBase.HelpCentre;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>Creates articles through the real <see cref="ArticleService"/>, each test with its own, so tests never depend on each other.</summary>
public sealed class KbTestData(IServiceProvider services)
{
    public ArticleService Articles => services.GetRequiredService<ArticleService>();
    public ArticleQueries Queries => services.GetRequiredService<ArticleQueries>();
    public HelpCentreQueries Help => services.GetRequiredService<HelpCentreQueries>();

    public static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..10]}";

    public static ArticleDraft Draft(string title, string body = "How to do it, step by step.", bool isInternal = false, string keywords = "test", int? categoryId = null, string? note = null) =>
        new(title, "", categoryId, keywords, body, isInternal, note);

    /// <summary>The roles a demo agent has in the database, as their circuit would see them.</summary>
    public async Task<KbActor> ActorAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var agent = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return new KbActor(agent.Id, await users.IsInRoleAsync(agent, Roles.KbEditor), await users.IsInRoleAsync(agent, Roles.KbReviewer));
    }

    /// <summary>A new active agent with these roles and the demo password, for scenarios the demo team can't play (two editors, an editor who reviews).</summary>
    public async Task<(string Email, KbActor Actor)> CreateAgentAsync(string name, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var email = $"{Guid.NewGuid():N}@nimbus.test";
        var agent = new Agent { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(agent, DemoAgents.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(agent, [Roles.Agent, .. roles])).Succeeded.ShouldBeTrue();
        return (email, new KbActor(agent.Id, roles.Contains(Roles.KbEditor), roles.Contains(Roles.KbReviewer)));
    }

    public async Task<(int Id, long Version)> CreateAsync(KbActor editor, ArticleDraft draft, string language = "en", int? translationOf = null)
    {
        var result = await Articles.CreateAsync(editor, new NewArticle(language, draft, translationOf));
        result.Succeeded.ShouldBeTrue(result.Error);
        return (result.ArticleId!.Value, result.Version!.Value);
    }

    /// <summary>Written by Ana, approved by Rita: a live article.</summary>
    public async Task<(int Id, long Version)> PublishedAsync(ArticleDraft draft, string language = "en", int? translationOf = null)
    {
        var ana = await ActorAsync(DemoAgents.AnaEmail);
        var rita = await ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await CreateAsync(ana, draft, language, translationOf);
        var submitted = await Articles.SubmitAsync(ana, id, version);
        submitted.Succeeded.ShouldBeTrue(submitted.Error);
        var approved = await Articles.ApproveAsync(rita, id, submitted.Version!.Value);
        approved.Succeeded.ShouldBeTrue(approved.Error);
        return (id, approved.Version!.Value);
    }

    public async Task<Article> ReadAsync(int articleId)
    {
        await using var db = await DbAsync();
        return await db.Articles.AsNoTracking().Include(a => a.CurrentRevision).Include(a => a.PublishedRevision).SingleAsync(a => a.Id == articleId);
    }

    public async Task<IReadOnlyList<ArticleEvent>> HistoryAsync(int articleId)
    {
        await using var db = await DbAsync();
        return await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == articleId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<int> CategoryIdAsync(string slug)
    {
        await using var db = await DbAsync();
        return await db.ArticleCategories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
    }

    public Task<AppDbContext> DbAsync() => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
