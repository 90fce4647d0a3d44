using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Reports;

/// <summary>
/// Keeps the report facts up to date (<see cref="TicketFeed"/>): a customer message may reopen the ticket, an agent reply
/// is a response, a status line ends or starts a cycle; each changed ticket's facts are refreshed.
/// </summary>
public sealed class ReportFeed(ReportStore store, WorkspaceNotifier notifier, ILogger<ReportFeed> logger) : TicketFeed(notifier, logger)
{
    protected override string Keeps => "Report facts";

    protected override Task<int> CatchUpStaleAsync(CancellationToken cancellationToken) => store.CatchUpAsync(cancellationToken);

    protected override Task RefreshAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken) =>
        store.RefreshAsync(ticketIds, cancellationToken);
}
