using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Macros;

/// <summary>What an agent edits: <see cref="Id"/> 0 for a new macro. Tags are typed separated by commas or spaces.</summary>
public sealed record MacroDraft(
    int Id, string? Name, TicketStatus? Status, TicketPriority? Priority, string? AddTags, string? RemoveTags, int? MoveToTeamId,
    MacroAssignee Assign, string? AssigneeId, int? CannedResponseId, Sharing Sharing, int? TeamId);

/// <summary>One change a macro would make, from what to what: Status and Priority values are enum names, others as shown.</summary>
public sealed record PlannedChange(string Field, string? From, string? To);

/// <summary>
/// What a macro will do to one ticket as it is now (<see cref="Version"/>): the changes that are not already so, and
/// the reply it will put into the composer. Applying it refuses when the ticket is no longer at that version.
/// </summary>
public sealed record MacroPlan(int MacroId, string MacroName, long Version, IReadOnlyList<PlannedChange> Changes, RenderedReply? Reply, string? ReplyTitle)
{
    internal IReadOnlyList<TicketCommand> Commands { get; init; } = [];
}

public sealed record MacroResult(CommandOutcome Outcome, string? Error, MacroPlan? Applied)
{
    public bool Succeeded => Outcome == CommandOutcome.Ok;
}

/// <summary>
/// Macros: saved like canned responses (same sharing rules), previewed against a ticket, and applied through
/// <see cref="TicketService"/>'s atomic command with the ticket's expected version, so a macro is one change with one
/// history reason ("macro: Name"), all of it or nothing, and never overwrites what someone changed after the preview.
/// </summary>
public sealed class MacroService(IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, CannedService canned, TimeProvider clock)
{
    public async Task<IReadOnlyList<Macro>> ListAsync(SharingActor actor, string? search = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var macros = await db.Macros.AsNoTracking().VisibleTo(actor)
            .Include(m => m.Team).Include(m => m.MoveToTeam).Include(m => m.CannedResponse).ToListAsync();
        var q = search?.Trim();
        return macros
            .Where(m => string.IsNullOrEmpty(q) || m.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Sharing).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<SaveResult> SaveAsync(SharingActor actor, MacroDraft draft)
    {
        var name = TextInput.Line(draft.Name, "The name", Macro.MaxNameLength);
        if (!name.IsValid)
            return SaveResult.Refused(Refusal.Text(name, "FieldName", Macro.MaxNameLength));
        var add = Tags(draft.AddTags);
        var remove = Tags(draft.RemoveTags);
        if ((add.Problem ?? remove.Problem) is { } tagProblem)
            return SaveResult.Refused(tagProblem);
        if (add.Tags.Intersect(remove.Tags).FirstOrDefault() is { } both)
            return SaveResult.Refused("TagAddedAndRemoved", both);

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await CannedService.SharingProblemAsync(db, actor, draft.Sharing, draft.TeamId) is { } sharingProblem)
            return SaveResult.Refused(sharingProblem);
        if (draft.MoveToTeamId is { } moveTo && !await db.Teams.AnyAsync(t => t.Id == moveTo))
            return SaveResult.Refused("ChooseTeam");
        if (draft.Assign == MacroAssignee.Agent && (draft.AssigneeId is null || !await db.Users.AnyAsync(a => a.Id == draft.AssigneeId && a.IsActive)))
            return SaveResult.Refused("ChooseAgent");
        if (draft.CannedResponseId is { } cannedId)
        {
            var response = await db.CannedResponses.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == cannedId);
            if (response is null)
                return SaveResult.Refused("NotFound");
            // Whoever may use the macro must be able to use its reply: a shared macro with a personal reply would
            // show someone else's private text.
            if (!ReachesAsFarAs(response, draft.Sharing, draft.TeamId))
                return SaveResult.Refused("ReplyLessShared");
        }

        var now = clock.GetUtcNow();
        Macro? macro;
        if (draft.Id == 0)
        {
            macro = new Macro { Name = name.Value!, CreatedAt = now, OwnerId = actor.AgentId };
            db.Macros.Add(macro);
        }
        else
        {
            macro = await db.Macros.VisibleTo(actor).FirstOrDefaultAsync(m => m.Id == draft.Id);
            if (macro is null)
                return SaveResult.Refused("NotFound");
            if (!actor.CanManage(macro))
                return SaveResult.Refused("NotYours");
        }
        macro.Name = name.Value!;
        macro.Status = draft.Status;
        macro.Priority = draft.Priority;
        macro.AddTags = string.Join(' ', add.Tags);
        macro.RemoveTags = string.Join(' ', remove.Tags);
        macro.MoveToTeamId = draft.MoveToTeamId;
        macro.Assign = draft.Assign;
        macro.AssigneeId = draft.Assign == MacroAssignee.Agent ? draft.AssigneeId : null;
        macro.CannedResponseId = draft.CannedResponseId;
        macro.Sharing = draft.Sharing;
        macro.TeamId = draft.Sharing == Sharing.Team ? draft.TeamId : null;
        if (draft.Sharing == Sharing.Personal)
        {
            macro.OwnerId = actor.AgentId;
        }
        macro.UpdatedAt = now;
        await db.SaveChangesAsync();
        return SaveResult.Ok(macro.Id);
    }

    public async Task<SaveResult> DeleteAsync(SharingActor actor, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var macro = await db.Macros.VisibleTo(actor).FirstOrDefaultAsync(m => m.Id == id);
        if (macro is null)
            return SaveResult.Refused("NotFound");
        if (!actor.CanManage(macro))
            return SaveResult.Refused("NotYours");
        db.Macros.Remove(macro);
        await db.SaveChangesAsync();
        return SaveResult.Ok(id);
    }

    /// <summary>What the macro would do to the ticket as it is now; null when the agent can't use the macro or see the ticket.</summary>
    public async Task<MacroPlan?> PreviewAsync(SharingActor actor, AgentScope scope, int macroId, int ticketId, Uri? baseUri = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var macro = await db.Macros.AsNoTracking().VisibleTo(actor).Include(m => m.CannedResponse).FirstOrDefaultAsync(m => m.Id == macroId);
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(scope).Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == ticketId);
        if (macro is null || ticket is null)
        {
            return null;
        }
        var changes = new List<PlannedChange>();
        var commands = new List<TicketCommand>();
        if (macro.MoveToTeamId is { } team && team != ticket.TeamId)
        {
            changes.Add(new("Team", await TicketService.TeamNameAsync(db, ticket.TeamId), await TicketService.TeamNameAsync(db, team)));
            commands.Add(new SetTeam(ticket.TeamId, team));
        }
        var assignee = macro.Assign switch
        {
            MacroAssignee.Me => scope.AgentId,
            MacroAssignee.Agent => macro.AssigneeId,
            _ => null,
        };
        if (macro.Assign != MacroAssignee.Keep && assignee != ticket.AssigneeId)
        {
            changes.Add(new("Assignee", await TicketService.AgentNameAsync(db, ticket.AssigneeId), await TicketService.AgentNameAsync(db, assignee)));
            commands.Add(new Assign(ticket.AssigneeId, assignee));
        }
        if (macro.Status is { } status && status != ticket.Status)
        {
            changes.Add(new("Status", ticket.Status.ToString(), status.ToString()));
            commands.Add(new SetStatus(ticket.Status, status));
        }
        if (macro.Priority is { } priority && priority != ticket.Priority)
        {
            changes.Add(new("Priority", ticket.Priority.ToString(), priority.ToString()));
            commands.Add(new SetPriority(ticket.Priority, priority));
        }
        foreach (var tag in macro.TagsToAdd.Where(t => ticket.Tags.All(x => x.Tag != t)))
        {
            changes.Add(new("TagAdded", null, tag));
            commands.Add(new AddTag(tag));
        }
        foreach (var tag in macro.TagsToRemove.Where(t => ticket.Tags.Any(x => x.Tag == t)))
        {
            changes.Add(new("TagRemoved", tag, null));
            commands.Add(new RemoveTag(tag));
        }
        var reply = macro.CannedResponse is { } response && actor.CanSee(response)
            ? await canned.RenderAsync(response, ticket.Id, scope.AgentId, baseUri)
            : null;
        return new MacroPlan(macro.Id, macro.Name, ticket.Version, changes, reply, reply is null ? null : macro.CannedResponse!.Title) { Commands = commands };
    }

    /// <summary>
    /// Applies the macro if the ticket is still at <paramref name="expectedVersion"/> (the version its preview was made
    /// from): every change in one transaction through <see cref="TicketService"/>, or none of them.
    /// </summary>
    public async Task<MacroResult> ApplyAsync(SharingActor actor, AgentScope scope, int macroId, int ticketId, long expectedVersion, Uri? baseUri = null)
    {
        var plan = await PreviewAsync(actor, scope, macroId, ticketId, baseUri);
        if (plan is null)
        {
            return new MacroResult(CommandOutcome.NotFound, "There is no such macro or ticket, or it is not visible to you.", null);
        }
        if (plan.Version != expectedVersion)
        {
            return new MacroResult(CommandOutcome.Conflict, $"The ticket changed since version {expectedVersion}; nothing was applied.", null);
        }
        // The plan's commands carry the values it was made from; ExecuteAsync checks them and the version again inside its
        // transaction, so a change that lands between this read and that write is a conflict too, not a lost update.
        var result = await tickets.ExecuteAsync(scope, ticketId, plan.Commands, expectedVersion, Macro.ReasonPrefix + plan.MacroName);
        if (!result.Succeeded)
        {
            return new MacroResult(result.Outcome, result.Error, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Macros.Where(m => m.Id == macroId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UsageCount, m => m.UsageCount + 1));
        if (plan.Reply is { } reply)
        {
            // The reply goes into the composer: one use of that canned response, as when an agent inserts it with "/".
            await canned.RecordUseAsync(actor, reply.CannedResponseId);
        }
        return new MacroResult(CommandOutcome.Ok, null, plan);
    }

    private static bool ReachesAsFarAs(CannedResponse response, Sharing sharing, int? teamId) => response.Sharing switch
    {
        Sharing.Shared => true,
        Sharing.Team => sharing == Sharing.Personal || (sharing == Sharing.Team && teamId == response.TeamId),
        _ => sharing == Sharing.Personal,
    };

    private static (List<string> Tags, Refusal? Problem) Tags(string? typed)
    {
        var tags = new List<string>();
        foreach (var raw in (typed ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TicketService.NormalizeTag(raw) is not { } tag)
                return (tags, new Refusal("BadTag", raw, MessageLimits.MaxTagLength));
            if (!tags.Contains(tag))
                tags.Add(tag);
        }
        return tags.Count > Macro.MaxTags ? (tags, new Refusal("TooManyTags", Macro.MaxTags)) : (tags, null);
    }
}
