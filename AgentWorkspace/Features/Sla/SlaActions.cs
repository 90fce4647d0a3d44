using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Sla;

/// <summary>A warning or breach to act on, as the policy said at the time it was recorded.</summary>
public sealed record SlaAction(
    int TicketId, int Number, string Subject, string? AssigneeId, int? TeamId, TicketPriority Priority, int Tier,
    SlaTargetKind Target, bool IsWarning, SlaPolicy Policy, DateTimeOffset? DueAt);

/// <summary>
/// What a warning or a breach does. Ticket changes go through <see cref="TicketService"/> as the system's, so they are
/// checked, recorded and shown live like any agent's change; each carries the value it expects (priority, team), so a
/// breach acted on twice after a crash does not raise the priority twice. Notifications go through the bell.
/// </summary>
public sealed class SlaActions(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, NotificationCenter notifications, ILogger<SlaActions> logger)
{
    public async Task RunAsync(SlaAction action, CancellationToken cancellationToken = default)
    {
        try
        {
            if (action.IsWarning)
            {
                await WarnAsync(action);
            }
            else
            {
                await BreachAsync(action, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The breach is recorded in the history either way; one failed action must not stop the others.
            logger.LogWarning(ex, "SLA action for #{Number} ({Target}) failed", action.Number, action.Target);
        }
    }

    private async Task WarnAsync(SlaAction action)
    {
        if (action.AssigneeId is { } assignee)
        {
            await notifications.NotifyAsync(assignee,
                NotificationText.SlaAtRisk(action.Number, NotificationText.SlaTarget(action.Target.ToString()), action.DueAt), action.Subject, Link(action));
        }
    }

    private async Task BreachAsync(SlaAction action, CancellationToken cancellationToken)
    {
        var policy = action.Policy;
        var title = NotificationText.SlaBreached(action.Number, NotificationText.SlaTarget(action.Target.ToString()), policy.Name);
        var told = new HashSet<string>();
        if (policy.NotifyAssignee && action.AssigneeId is { } assignee && told.Add(assignee))
        {
            await notifications.NotifyAsync(assignee, title, action.Subject, Link(action));
        }
        if (policy.NotifyTeam && action.TeamId is { } teamId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var members = await db.TeamMembers.Where(m => m.TeamId == teamId && m.Agent.IsActive).Select(m => m.AgentId).ToListAsync(cancellationToken);
            foreach (var member in members.Where(told.Add))
            {
                await notifications.NotifyAsync(member, title, action.Subject, Link(action));
            }
        }
        if (policy.NotifyAgentId is { } supervisor && told.Add(supervisor))
        {
            await notifications.NotifyAsync(supervisor, title, action.Subject, Link(action));
        }

        var reason = $"SLA {SlaHistory.Label(action.Target)} breached ({policy.Name})";
        if (policy.RaisePriority && action.Priority < TicketPriority.Urgent)
        {
            await RunCommandAsync(action, new SetPriority(action.Priority, action.Priority + 1), reason);
        }
        if (policy.EscalateTeamId is not null || policy.EscalateTier is not null)
        {
            var team = policy.EscalateTeamId ?? action.TeamId;
            var tier = Math.Max(action.Tier, policy.EscalateTier ?? action.Tier);
            if (team != action.TeamId || tier > action.Tier)
            {
                // To another team it is a hand-off (the agent's hand-off, TicketService's rule): the assignee is cleared, so the
                // ticket waits in the target team's Unassigned view and its members are told; the owner keeps it in sight.
                // A higher tier within the same team keeps the assignee.
                await RunCommandAsync(action, new Escalate(team, tier, reason, HandOff: team != action.TeamId), reason);
            }
        }
    }

    private async Task RunCommandAsync(SlaAction action, TicketCommand command, string reason)
    {
        var result = await tickets.ExecuteAsSystemAsync(action.TicketId, [command], reason);
        if (!result.Succeeded)
        {
            // Someone changed it meanwhile (or an earlier run already did it): their value stands.
            logger.LogInformation("SLA action {Command} on #{Number} not applied: {Error}", command.GetType().Name, action.Number, result.Error);
        }
    }

    private static string Link(SlaAction action) => $"/tickets/{action.Number}";
}
