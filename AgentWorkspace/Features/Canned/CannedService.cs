using System.Text;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Canned;

/// <summary>What an agent edits: <see cref="Id"/> 0 for a new response.</summary>
public sealed record CannedDraft(int Id, string? Shortcut, string? Title, string? BodyEn, string? BodyEs, Sharing Sharing, int? TeamId);

/// <summary>A response filled in for one ticket: the text to insert, its language, and the variables that had no value.</summary>
public sealed record RenderedReply(int CannedResponseId, string Text, string Language, bool IsFallbackLanguage, IReadOnlyList<string> Missing);

/// <summary>
/// Canned responses: who sees which (<see cref="SharingVisibility"/>), saving them through the text policy and the
/// variable check, and filling them in for a ticket. <see cref="RenderForTicketAsync(int, int, string?, Uri?)"/> needs
/// no composer, so automation (rules, macros) sends the same text an agent would insert.
/// </summary>
public sealed class CannedService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CannedResponse>> ListAsync(SharingActor actor, string? search = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var visible = await db.CannedResponses.AsNoTracking().VisibleTo(actor).Include(c => c.Team).ToListAsync();
        return string.IsNullOrWhiteSpace(search)
            ? visible.OrderBy(c => c.Sharing).ThenBy(c => c.Shortcut, StringComparer.Ordinal).ToList()
            : CannedSearch.Rank(visible, search);
    }

    public async Task<CannedResponse?> FindAsync(SharingActor actor, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.CannedResponses.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == id);
    }

    public async Task<SaveResult> SaveAsync(SharingActor actor, CannedDraft draft)
    {
        var shortcut = TextInput.Line(draft.Shortcut, "The shortcut", CannedResponse.MaxShortcutLength);
        if (!shortcut.IsValid)
            return SaveResult.Refused(Refusal.Text(shortcut, "FieldShortcut", CannedResponse.MaxShortcutLength));
        var key = shortcut.Value!.TrimStart('/').ToLowerInvariant();
        if (key.Length == 0 || !key.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || r.Value is '-' or '_'))
            return SaveResult.Refused("ShortcutCharacters");
        var title = TextInput.Line(draft.Title, "The title", CannedResponse.MaxTitleLength);
        if (!title.IsValid)
            return SaveResult.Refused(Refusal.Text(title, "FieldTitle", CannedResponse.MaxTitleLength));
        var bodyEn = TextInput.Lines(draft.BodyEn, "The English text", CannedResponse.MaxBodyLength, required: false);
        if (!bodyEn.IsValid)
            return SaveResult.Refused(Refusal.Text(bodyEn, "FieldBodyEn", CannedResponse.MaxBodyLength));
        var bodyEs = TextInput.Lines(draft.BodyEs, "The Spanish text", CannedResponse.MaxBodyLength, required: false);
        if (!bodyEs.IsValid)
            return SaveResult.Refused(Refusal.Text(bodyEs, "FieldBodyEs", CannedResponse.MaxBodyLength));
        if (bodyEn.Value is null && bodyEs.Value is null)
            return SaveResult.Refused("NeedsOneLanguage");
        foreach (var body in new[] { bodyEn.Value, bodyEs.Value }.OfType<string>())
        {
            var (variables, problems) = CannedTemplate.Parse(body);
            if (problems.Count > 0)
                return SaveResult.Refused(problems[0]);
            if (await MissingArticleAsync(variables) is { } missingArticle)
                return SaveResult.Refused("NoSuchArticle", missingArticle);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await SharingProblemAsync(db, actor, draft.Sharing, draft.TeamId) is { } sharingProblem)
            return SaveResult.Refused(sharingProblem);
        var now = clock.GetUtcNow();
        CannedResponse? response;
        if (draft.Id == 0)
        {
            response = new CannedResponse { Shortcut = key, Title = title.Value!, CreatedAt = now, OwnerId = actor.AgentId };
            db.CannedResponses.Add(response);
        }
        else
        {
            response = await db.CannedResponses.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == draft.Id);
            if (response is null)
                return SaveResult.Refused("NotFound");
            if (!actor.CanManage(response))
                return SaveResult.Refused("NotYours");
        }
        response.Shortcut = key;
        response.Title = title.Value!;
        response.BodyEn = bodyEn.Value;
        response.BodyEs = bodyEs.Value;
        response.Sharing = draft.Sharing;
        response.TeamId = draft.Sharing == Sharing.Team ? draft.TeamId : null;
        if (draft.Sharing == Sharing.Personal)
        {
            // Made personal by its author's hand: it is theirs from now on.
            response.OwnerId = actor.AgentId;
        }
        response.UpdatedAt = now;
        await db.SaveChangesAsync();
        return SaveResult.Ok(response.Id);
    }

    public async Task<SaveResult> DeleteAsync(SharingActor actor, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var response = await db.CannedResponses.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == id);
        if (response is null)
            return SaveResult.Refused("NotFound");
        if (!actor.CanManage(response))
            return SaveResult.Refused("NotYours");
        db.CannedResponses.Remove(response);
        await db.SaveChangesAsync();
        return SaveResult.Ok(id);
    }

    /// <summary>Counts one use (an insert into a composer); returns the new count, null when the agent can't see it.</summary>
    public async Task<int?> RecordUseAsync(SharingActor actor, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var updated = await db.CannedResponses.VisibleTo(actor).Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsageCount, c => c.UsageCount + 1));
        return updated == 0 ? null : await db.CannedResponses.Where(c => c.Id == id).Select(c => c.UsageCount).FirstAsync();
    }

    /// <summary>Fills in a response the agent may use for a ticket they may see; null when either is not theirs to use.</summary>
    public async Task<RenderedReply?> RenderForTicketAsync(SharingActor actor, AgentScope scope, int cannedResponseId, int ticketId, Uri? baseUri = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var response = await db.CannedResponses.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == cannedResponseId);
        var visible = await db.Tickets.VisibleTo(scope).AnyAsync(t => t.Id == ticketId);
        return response is null || !visible ? null : await RenderAsync(db, response, ticketId, actor.AgentId, baseUri);
    }

    /// <summary>
    /// Fills in a response for a ticket without an agent at a composer (rules, automation): in the ticket's language (the
    /// other version when that one is missing), agent variables from <paramref name="agentId"/> or else the ticket's
    /// assignee. Links use <paramref name="baseUri"/>, or stay site-relative (/help/a/123) without one.
    /// </summary>
    public async Task<RenderedReply?> RenderForTicketAsync(int cannedResponseId, int ticketId, string? agentId = null, Uri? baseUri = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var response = await db.CannedResponses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cannedResponseId);
        return response is null ? null : await RenderAsync(db, response, ticketId, agentId, baseUri);
    }

    /// <summary>Fills in every given response for one ticket (the composer's picker previews them as the agent moves).</summary>
    public async Task<RenderedReply?> RenderAsync(CannedResponse response, int ticketId, string? agentId, Uri? baseUri = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await RenderAsync(db, response, ticketId, agentId, baseUri);
    }

    private static async Task<RenderedReply?> RenderAsync(AppDbContext db, CannedResponse response, int ticketId, string? agentId, Uri? baseUri)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Number, t.Subject, t.Language, Customer = t.Customer.Name, Team = t.Team != null ? t.Team.Name : null, t.AssigneeId })
            .FirstOrDefaultAsync();
        if (ticket is null)
        {
            return null;
        }
        var (body, language) = response.BodyFor(ticket.Language);
        var (variables, _) = CannedTemplate.Parse(body);
        var agent = agentId ?? ticket.AssigneeId;
        var agentName = agent is null ? null : await db.Users.Where(a => a.Id == agent).Select(a => a.DisplayName).FirstOrDefaultAsync();
        var articles = await ArticleLinksAsync(db, variables.Where(v => v.ArticleId is not null).Select(v => v.ArticleId!.Value).ToList(),
            ticket.Language, baseUri);
        var missing = new List<string>();
        var text = CannedTemplate.Render(body, new TemplateValues(ticket.Customer, ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ticket.Subject, agentName, ticket.Team, articles), missing);
        return new RenderedReply(response.Id, text, language, language != ticket.Language, missing);
    }

    /// <summary>
    /// Help-centre links for the articles that are published for customers (<see cref="Article.IsPublic"/>): the
    /// translation in the ticket's language when it is live, else the article itself. Unpublished ones get no link.
    /// </summary>
    private static async Task<Dictionary<int, (string Title, string Url)>> ArticleLinksAsync(AppDbContext db, List<int> ids, string language, Uri? baseUri)
    {
        var links = new Dictionary<int, (string, string)>();
        if (ids.Count == 0)
        {
            return links;
        }
        var asked = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.TranslationGroup }).ToListAsync();
        var groups = asked.Select(a => a.TranslationGroup).Distinct().ToList();
        var live = await db.Articles.AsNoTracking().Where(Article.IsPublic).Where(a => groups.Contains(a.TranslationGroup))
            .Select(a => new { a.Id, a.Language, a.TranslationGroup, a.PublishedRevision!.Title }).ToListAsync();
        foreach (var article in asked)
        {
            var choice = live.FirstOrDefault(l => l.TranslationGroup == article.TranslationGroup && l.Language == language)
                ?? live.FirstOrDefault(l => l.Id == article.Id);
            if (choice is not null)
            {
                var path = $"help/a/{choice.Id}";
                links[article.Id] = (choice.Title, baseUri is null ? "/" + path : new Uri(baseUri, path).ToString());
            }
        }
        return links;
    }

    private async Task<int?> MissingArticleAsync(IReadOnlyList<TemplateVariable> variables)
    {
        var ids = variables.Where(v => v.ArticleId is not null).Select(v => v.ArticleId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var found = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        return ids.Except(found).Cast<int?>().FirstOrDefault();
    }

    /// <summary>The one check of where an agent may put a response or macro: shared and team ones are managers' (admins, supervisors).</summary>
    internal static async Task<Refusal?> SharingProblemAsync(AppDbContext db, SharingActor actor, Sharing sharing, int? teamId)
    {
        if (sharing != Sharing.Personal && !actor.IsManager)
            return new Refusal("OnlyManagersShare");
        if (sharing == Sharing.Team && (teamId is null || !await db.Teams.AnyAsync(t => t.Id == teamId)))
            return new Refusal("ChooseTeam");
        return null;
    }
}
