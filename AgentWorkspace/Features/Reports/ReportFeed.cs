using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Reports;

/// <summary>
/// Keeps the report facts up to date: follows every committed ticket change and message once (not once per screen) and
/// refreshes those tickets' facts. At start, and whenever its queue overflowed, it catches up every ticket whose facts are
/// missing or older than the ticket. Like <see cref="Sla.SlaFeed"/>.
/// </summary>
public sealed class ReportFeed(ReportStore store, WorkspaceNotifier notifier, ILogger<ReportFeed> logger) : IHostedService
{
    private IDisposable? subscription;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>The start-up catch-up (tests wait for it).</summary>
    public Task CatchUp { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(Topic.Tickets, OnEventsAsync, capacity: 4096);
        CatchUp = Task.Run(() => CatchUpAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        await stopping.CancelAsync();
        try
        {
            await CatchUp.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await store.CatchUpAsync(cancellationToken);
            if (count > 0)
            {
                logger.LogInformation("Report facts brought up to date for {Count} ticket(s)", count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not bring the report facts up to date; retried on the next start or queue overflow");
        }
    }

    private async Task OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (batch is [ReloadRequired])
        {
            await CatchUpAsync(stopping.Token);
            return;
        }
        var ids = new HashSet<int>();
        foreach (var e in batch)
        {
            switch (e)
            {
                case TicketChanged changed:
                    ids.Add(changed.TicketId);
                    break;
                case MessageAdded added:
                    // A customer message may reopen the ticket, an agent reply is a response; a note only moves the
                    // ticket's version, and keeping up with it spares the next start's catch-up.
                    ids.Add(added.TicketId);
                    break;
            }
        }
        if (ids.Count > 0)
        {
            // A failure is logged by the notifier; the ticket's next change or the next start catches it up.
            await store.RefreshAsync(ids, stopping.Token);
        }
    }
}
