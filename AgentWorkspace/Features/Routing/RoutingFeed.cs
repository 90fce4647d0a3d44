using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Routing;

/// <summary>
/// Routing's reactions, once per committed event (not per screen): a new ticket, or one handed to a team, is routed; an
/// agent who came online or may have freed up (a ticket of theirs was resolved, closed or moved on) gets the oldest
/// waiting tickets they match; an agent's public reply accepts the chat offered to them. Events are handled in order by
/// one loop, so the feed itself never races; the decisions serialize with every other write in their transactions.
/// </summary>
public sealed class RoutingFeed(RoutingEngine engine, PresenceTracker presence, WorkspaceNotifier notifier, ILogger<RoutingFeed> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (engine.Enabled)
        {
            subscription = notifier.Subscribe([Topic.Tickets, Topic.Team], OnEventsAsync, capacity: 4096, Origins.ThisNode);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (batch is [ReloadRequired])
        {
            // Events were lost: whoever is online may have room for what waits.
            foreach (var agentId in presence.ConnectedAgentIds())
            {
                await TryAsync(() => engine.FillAsync(agentId));
            }
            return;
        }
        // In event order (a fill for an agent who came online before a ticket arrived runs before that ticket's routing),
        // each action once per batch: by the time a batch is handled all its events are committed, so once is enough.
        var actions = new List<(int? Ticket, string? Agent)>();
        foreach (var e in batch)
        {
            switch (e)
            {
                case TicketChanged { AssigneeId: null } changed when changed.Created || changed.TeamId != changed.PreviousTeamId:
                    Add(actions, (changed.TicketId, null));
                    AddFill(actions, changed.PreviousAssigneeId);
                    break;
                case TicketChanged changed when changed.AssigneeId != changed.PreviousAssigneeId:
                    // Someone else got it (by hand, or it moved on): the one who had it may have room now.
                    AddFill(actions, changed.PreviousAssigneeId);
                    break;
                case TicketChanged changed:
                    // A status change (resolved, closed) of the assignee's ticket may free a slot; FillAsync checks their room.
                    AddFill(actions, changed.AssigneeId);
                    break;
                case MessageAdded { AuthorKind: AuthorKind.Agent, Visibility: MessageVisibility.Public, AuthorAgentId: { } author } added:
                    await TryAsync(() => engine.RepliedAsync(added.TicketId, author));
                    break;
                case PresenceChanged { Connected: true, Availability: Availability.Online } online:
                    AddFill(actions, online.AgentId);
                    break;
            }
        }
        foreach (var (ticketId, agentId) in actions)
        {
            await TryAsync(() => ticketId is { } id ? engine.AssignAsync(id) : engine.FillAsync(agentId!));
        }
    }

    private static void Add(List<(int? Ticket, string? Agent)> actions, (int? Ticket, string? Agent) action)
    {
        if (!actions.Contains(action))
        {
            actions.Add(action);
        }
    }

    private void AddFill(List<(int? Ticket, string? Agent)> actions, string? agentId)
    {
        // Only agents who could take anything now: the in-memory presence check keeps this off the database otherwise.
        if (agentId is not null && presence.Get(agentId).IsOnline)
        {
            Add(actions, (null, agentId));
        }
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            // One failed decision must not stop routing; the next event for the ticket or the agent tries again.
            logger.LogWarning(ex, "A routing decision failed");
        }
    }
}

/// <summary>A chat's acceptance timer ran out (<see cref="RoutingEngine.AcceptJobKind"/>; key: ticket id, payload: the agent).</summary>
internal sealed class AcceptTimeoutJob(RoutingEngine engine) : IJobHandler
{
    public string Kind => RoutingEngine.AcceptJobKind;

    public async Task HandleAsync(JobRun job, CancellationToken cancellationToken)
    {
        if (int.TryParse(job.Key, out var ticketId) && job.Payload is { Length: > 0 } agentId)
        {
            await engine.AcceptTimedOutAsync(ticketId, agentId);
        }
    }
}
