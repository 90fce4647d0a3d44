using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Sla;

/// <summary>Keeps SLA state in step with tickets (<see cref="TicketFeed"/>): recomputes each changed ticket's clocks.</summary>
public sealed class SlaFeed(SlaEngine engine, WorkspaceNotifier notifier, ILogger<SlaFeed> logger) : TicketFeed(notifier, logger)
{
    protected override string Keeps => "SLA state";

    protected override Task<int> CatchUpStaleAsync(CancellationToken cancellationToken) => engine.ReconcileStaleAsync(cancellationToken);

    protected override Task RefreshAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken) =>
        engine.ReconcileAsync(ticketIds, null, cancellationToken);
}
