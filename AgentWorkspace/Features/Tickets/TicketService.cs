using System.Text;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// Every change to tickets and their conversations goes through here. Each command runs in one write transaction
/// scoped to its ticket (<see cref="WriteScope"/>: on SQLite writers queue behind each other, on PostgreSQL behind
/// writers of the same ticket and undeclared writers, so read-check-write is atomic either way),
/// records who changed what in the ticket's history, and publishes to the notifier only after commit.
/// </summary>
public sealed partial class TicketService(
    IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, NotificationCenter notifications, TimeProvider clock,
    IEnumerable<ICustomerUpdates> customerUpdates)
{
    public Task<CommandResult> ExecuteAsync(AgentScope scope, int ticketId, TicketCommand command) =>
        ExecuteAsync(scope, ticketId, [command]);

    /// <summary>
    /// Applies the commands as one change: all of them or none (the first refusal rolls back the others), one new
    /// version, one event. With <paramref name="expectedVersion"/>, a ticket that changed since that version is a
    /// conflict: checked in the same transaction as the change, so no other write can come in between.
    /// </summary>
    public Task<CommandResult> ExecuteAsync(AgentScope scope, int ticketId, IReadOnlyList<TicketCommand> commands, long? expectedVersion = null) =>
        ExecuteAsync(scope, scope.AgentId, ticketId, commands, expectedVersion, reason: null);

    /// <summary>
    /// As above, with <paramref name="reason"/> on every history line of the change (a macro's "macro: Refund approved"):
    /// the agent did it, and the history says how.
    /// </summary>
    public Task<CommandResult> ExecuteAsync(AgentScope scope, int ticketId, IReadOnlyList<TicketCommand> commands, long? expectedVersion, string reason) =>
        ExecuteAsync(scope, scope.AgentId, ticketId, commands, expectedVersion, reason);

    /// <summary>
    /// A change the workspace makes by itself (an SLA breach action, a timed rule): the same rules, history and live
    /// updates as an agent's change, recorded as the system's with <paramref name="reason"/>.
    /// </summary>
    public Task<CommandResult> ExecuteAsSystemAsync(int ticketId, IReadOnlyList<TicketCommand> commands, string reason) =>
        ExecuteAsync(SystemScope, actorAgentId: null, ticketId, commands, expectedVersion: null, reason);

    /// <summary>
    /// A change an automation rule makes: the system's, every history line carrying the rule (its id, its name as the
    /// reason). <paramref name="storeWith"/> runs in the same transaction and is saved even when the commands change
    /// nothing, so a rule's own bookkeeping (that it fired on this trigger) commits or rolls back with its changes.
    /// </summary>
    public Task<CommandResult> ExecuteAsRuleAsync(int ticketId, IReadOnlyList<TicketCommand> commands, RuleAttribution rule, StoreWithChange? storeWith = null) =>
        ExecuteAsync(SystemScope, actorAgentId: null, ticketId, commands, expectedVersion: null, rule.RuleName, rule, storeWith);

    /// <summary>Sees every ticket; its empty agent id is never stored (the history's actor is null, so System).</summary>
    private static readonly AgentScope SystemScope = new("", IsAdmin: true, []);

    // A deadlock victim (two scoped writers meeting on a shared row) stored nothing: the whole change runs again.
    private Task<CommandResult> ExecuteAsync(
        AgentScope scope, string? actorAgentId, int ticketId, IReadOnlyList<TicketCommand> commands, long? expectedVersion, string? reason,
        RuleAttribution? rule = null, StoreWithChange? storeWith = null) =>
        DatabaseErrors.RetryAsync(() => ExecuteOnceAsync(scope, actorAgentId, ticketId, commands, expectedVersion, reason, rule, storeWith));

    private async Task<CommandResult> ExecuteOnceAsync(
        AgentScope scope, string? actorAgentId, int ticketId, IReadOnlyList<TicketCommand> commands, long? expectedVersion, string? reason,
        RuleAttribution? rule, StoreWithChange? storeWith)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // Everything below reads and writes this ticket's rows only: other tickets' changes may run meanwhile.
        await using var transaction = await db.BeginWriteAsync(WriteScope.Ticket(ticketId));
        var ticket = await db.Tickets.VisibleTo(scope).Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }
        if (expectedVersion is { } expected && ticket.Version != expected)
        {
            return CommandResult.Conflict($"The ticket changed since version {expected}; it is now version {ticket.Version}. Read it again and retry.") with { Version = ticket.Version };
        }
        var now = clock.GetUtcNow();
        var history = new TicketHistory(db, ticket, actorAgentId, now, reason, rule?.RuleId);
        var previousAssignee = ticket.AssigneeId;
        var previousTeam = ticket.TeamId;
        var previousOwner = ticket.OwnerId;
        var previousStatus = ticket.Status;

        foreach (var command in commands)
        {
            // Returning disposes the transaction uncommitted: nothing of the earlier commands is saved either.
            if (await ApplyAsync(db, ticket, command, history) is { } error)
            {
                return error with { Version = ticket.Version };
            }
        }
        if (storeWith is not null)
        {
            await storeWith(db, ticket);
        }
        if (!history.Changed)
        {
            if (storeWith is not null)
            {
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            return CommandResult.Ok(ticket.Id, ticket.Number) with { Version = ticket.Version };
        }
        ticket.UpdatedAt = now;
        if (ticket.Status != previousStatus)
        {
            await QueueCustomerUpdatesAsync(db, ticket, null, previousStatus);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        // Where it was too: inboxes that could see it before must see it leave.
        notifier.Publish(new TicketChanged(ticket.Id, ticket.Number, ticket.TeamId, ticket.AssigneeId, actorAgentId)
        {
            PreviousTeamId = previousTeam,
            PreviousAssigneeId = previousAssignee,
            OwnerId = ticket.OwnerId,
            PreviousOwnerId = previousOwner,
        });
        await NotifyChangeAsync(db, ticket, actorAgentId, history, previousAssignee, previousOwner, previousStatus);
        return CommandResult.Ok(ticket.Id, ticket.Number) with { Version = ticket.Version };
    }

    /// <summary>Customer-facing features (e-mail) queue what the customer should hear of this change, in its transaction.</summary>
    private async Task QueueCustomerUpdatesAsync(AppDbContext db, Ticket ticket, Message? publicReply, TicketStatus statusBefore)
    {
        foreach (var updates in customerUpdates)
        {
            await updates.QueueAsync(db, ticket, publicReply, statusBefore);
        }
    }

    private static async Task<CommandResult?> ApplyAsync(AppDbContext db, Ticket ticket, TicketCommand command, TicketHistory history)
    {
        switch (command)
        {
            case SetStatus(var expected, var value):
                if (ticket.Status != expected)
                    return Conflict("status", ticket.Status.Label());
                return TicketLifecycle.ChangeStatus(ticket, value, history);

            case SetPriority(var expected, var value):
                if (ticket.Priority != expected)
                    return Conflict("priority", ticket.Priority.Label());
                history.Record("Priority", ticket.Priority.Label(), value.Label());
                ticket.Priority = value;
                return null;

            case Assign(var expected, var value):
                if (ticket.AssigneeId != expected)
                    return Conflict("assignee", await AgentNameAsync(db, ticket.AssigneeId) ?? "nobody");
                if (value is not null && !await db.Users.AnyAsync(a => a.Id == value && a.IsActive))
                    return CommandResult.Invalid("That agent does not exist or is deactivated.");
                history.Record("Assignee", await AgentNameAsync(db, ticket.AssigneeId), await AgentNameAsync(db, value));
                ticket.AssigneeId = value;
                if (value is not null)
                {
                    await TicketOwnership.DefaultOwnerAsync(db, ticket, value, history);
                }
                return null;

            case SetTeam(var expected, var value, var handOff):
                if (ticket.TeamId != expected)
                    return Conflict("team", await TeamNameAsync(db, ticket.TeamId) ?? "no team");
                if (value == ticket.TeamId)
                    return null;
                return await MoveToTeamAsync(db, ticket, value, history, handOff: handOff);

            case SetOwner(var expected, var value):
                if (ticket.OwnerId != expected)
                    return Conflict("owner", await AgentNameAsync(db, ticket.OwnerId) ?? "nobody");
                return await TicketOwnership.SetOwnerAsync(db, ticket, value, history);

            case AddFollower(var agentId):
                return await TicketOwnership.AddFollowerAsync(db, ticket, agentId, history);

            case RemoveFollower(var agentId):
                return await TicketOwnership.RemoveFollowerAsync(db, ticket, agentId, history);

            case SetCategory(var expected, var value):
                if (!string.Equals(ticket.Category, expected, StringComparison.Ordinal))
                    return Conflict("category", ticket.Category ?? "none");
                var cleaned = TextInput.Line(value, "The category", MessageLimits.MaxCategoryLength, required: false);
                if (!cleaned.IsValid)
                    return CommandResult.Invalid(cleaned.Error!);
                var category = cleaned.Value;
                history.Record("Category", ticket.Category, category);
                ticket.Category = category;
                return null;

            case AddTag(var raw):
                var tag = NormalizeTag(raw);
                if (tag is null)
                    return CommandResult.Invalid($"A tag is 1 to {MessageLimits.MaxTagLength} letters, digits, '-' or '_'.");
                if (ticket.Tags.All(t => t.Tag != tag))
                {
                    history.Record("Tags", null, "+" + tag);
                    ticket.Tags.Add(new TicketTag { TicketId = ticket.Id, Tag = tag });
                }
                return null;

            case RemoveTag(var raw):
                var existing = ticket.Tags.FirstOrDefault(t => t.Tag == NormalizeTag(raw));
                if (existing is not null)
                {
                    history.Record("Tags", "-" + existing.Tag, null);
                    ticket.Tags.Remove(existing);
                }
                return null;

            case SkipSurvey:
                if (ticket.Status != TicketStatus.Resolved)
                    return CommandResult.Invalid("Only a resolution can go without a survey: resolve the ticket in the same change.");
                history.RecordAlways("Survey", null, "Skipped");
                return null;

            case Escalate(var teamId, var tier, var reason, var handOff):
                if (string.IsNullOrWhiteSpace(reason))
                    return CommandResult.Invalid("Say why the ticket is escalated.");
                if (tier is < 1 or > 3)
                    return CommandResult.Invalid("The tier is 1, 2 or 3.");
                if (teamId == ticket.TeamId && tier <= ticket.Tier)
                    return CommandResult.Invalid("Escalate to another team or a higher tier.");
                if (tier != ticket.Tier)
                {
                    history.Record("Tier", ticket.Tier.ToString(), tier.ToString(), reason.Trim());
                    ticket.Tier = tier;
                }
                if (teamId != ticket.TeamId)
                    return await MoveToTeamAsync(db, ticket, teamId, history, reason.Trim(), handOff);
                // A higher tier in the same team: handing off puts it back in that team's Unassigned view.
                if (handOff)
                    await HandOffAsync(db, ticket, history, reason.Trim());
                return null;

            default:
                return CommandResult.Invalid("Unknown change.");
        }
    }

    private static async Task<CommandResult?> MoveToTeamAsync(
        AppDbContext db, Ticket ticket, int? teamId, TicketHistory history, string? reason = null, bool handOff = false)
    {
        if (teamId is not null && !await db.Teams.AnyAsync(t => t.Id == teamId))
            return CommandResult.Invalid("That team does not exist.");
        history.Record("Team", await TeamNameAsync(db, ticket.TeamId), await TeamNameAsync(db, teamId), reason);
        ticket.TeamId = teamId;
        if (handOff)
        {
            await HandOffAsync(db, ticket, history, reason);
        }
        return null;
    }

    /// <summary>
    /// Hands the ticket to its (new) team's Unassigned view: the assignee is cleared and the team told after commit. The
    /// one who had it becomes the owner when there is none yet, so handing a ticket off never loses sight of it.
    /// </summary>
    private static async Task HandOffAsync(AppDbContext db, Ticket ticket, TicketHistory history, string? reason)
    {
        if (ticket.OwnerId is null && (ticket.AssigneeId ?? history.ActorAgentId) is { Length: > 0 } keeper)
        {
            await TicketOwnership.SetOwnerAsync(db, ticket, keeper, history);
        }
        // "HandOff": the team it went to and the agent who had it (none when it was not assigned).
        history.RecordAlways("HandOff", await AgentNameAsync(db, ticket.AssigneeId), await TeamNameAsync(db, ticket.TeamId) ?? "", reason);
        ticket.AssigneeId = null;
        history.HandedOffTo = ticket.TeamId;
    }

    private static CommandResult Conflict(string field, string current) =>
        CommandResult.Conflict($"Someone else changed the {field} meanwhile (it is now {current}). Review the ticket and try again.");

    /// <summary>A tag as stored (the shared text policy, then lower case with dashes for spaces), or null when it is not one.</summary>
    internal static string? NormalizeTag(string? raw)
    {
        var tag = TextInput.Line(raw, "A tag", MessageLimits.MaxTagLength).Value?.ToLowerInvariant().Replace(' ', '-');
        return tag is not null && tag.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || r.Value is '-' or '_')
            ? tag
            : null;
    }

    internal static async Task<string?> AgentNameAsync(AppDbContext db, string? agentId) =>
        agentId is null ? null : await db.Users.Where(a => a.Id == agentId).Select(a => a.DisplayName).FirstOrDefaultAsync();

    internal static async Task<string?> TeamNameAsync(AppDbContext db, int? teamId) =>
        teamId is null ? null : await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync();
}

/// <summary>An automation rule acting on a ticket: its id and its name at the time (the history's reason).</summary>
public sealed record RuleAttribution(int RuleId, string RuleName);

/// <summary>More to store in the transaction of a ticket change (see <see cref="TicketService.ExecuteAsRuleAsync"/>).</summary>
public delegate Task StoreWithChange(AppDbContext db, Ticket ticket);

/// <summary>Collects the audit lines of one command.</summary>
internal sealed class TicketHistory(AppDbContext db, Ticket ticket, string? actorAgentId, DateTimeOffset now, string? defaultReason = null, int? ruleId = null)
{
    public bool Changed { get; private set; }

    public DateTimeOffset Now => now;

    public string? ActorAgentId => actorAgentId;

    /// <summary>The team the ticket was handed off to in this change (its members are told after commit).</summary>
    public int? HandedOffTo { get; set; }

    /// <summary>Whether a hand-off happened in this change (possibly to "no team").</summary>
    public bool HandedOff => Events.Any(e => e.Field == "HandOff");

    /// <summary>Agents who started following the ticket in this change.</summary>
    public List<string> NewFollowers { get; } = [];

    private List<TicketEvent> Events { get; } = [];

    public void Record(string field, string? oldValue, string? newValue, string? reason = null)
    {
        if (oldValue == newValue)
        {
            return;
        }
        RecordAlways(field, oldValue, newValue, reason);
    }

    /// <summary>A line even when the values read the same (a hand-off of an unassigned ticket to its own team is still news).</summary>
    public void RecordAlways(string field, string? oldValue, string? newValue, string? reason = null)
    {
        Changed = true;
        var line = new TicketEvent
        {
            TicketId = ticket.Id,
            ActorKind = actorAgentId is null ? AuthorKind.System : AuthorKind.Agent,
            ActorAgentId = actorAgentId,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason ?? defaultReason,
            CreatedAt = now,
            RuleId = ruleId,
        };
        Events.Add(line);
        db.TicketEvents.Add(line);
    }
}
