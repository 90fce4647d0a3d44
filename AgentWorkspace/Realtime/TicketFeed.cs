namespace AgentWorkspace.Realtime;

/// <summary>
/// Keeps something derived from tickets in step with them (SLA state, report facts): follows every committed ticket change
/// and message once (not once per screen) and refreshes those tickets. At start, and whenever its queue overflowed, it
/// catches up every ticket whose derived state is missing or older than the ticket (changes made while the app was down,
/// or events it lost).
/// </summary>
public abstract class TicketFeed(WorkspaceNotifier notifier, ILogger logger) : IHostedService
{
    private IDisposable? subscription;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>The start-up catch-up (tests wait for it).</summary>
    public Task CatchUp { get; private set; } = Task.CompletedTask;

    /// <summary>What the feed keeps, for the log: "SLA state", "report facts".</summary>
    protected abstract string Keeps { get; }

    /// <summary>Brings every stale ticket up to date; returns how many there were.</summary>
    protected abstract Task<int> CatchUpStaleAsync(CancellationToken cancellationToken);

    /// <summary>Refreshes these tickets after their change.</summary>
    protected abstract Task RefreshAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(Topic.Tickets, OnEventsAsync, capacity: 4096, Origins.ThisNode);
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
            var count = await CatchUpStaleAsync(cancellationToken);
            if (count > 0)
            {
                logger.LogInformation("{Keeps} brought up to date for {Count} ticket(s)", Keeps, count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not bring {Keeps} up to date; it is retried on the next start or queue overflow", Keeps);
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
                    // A note may change nothing derived, but it changes the ticket's version: keeping up with it spares
                    // the next start's catch-up.
                    ids.Add(added.TicketId);
                    break;
            }
        }
        if (ids.Count > 0)
        {
            // A failure here is logged by the notifier; the ticket's next change or the next start catches it up.
            await RefreshAsync(ids, stopping.Token);
        }
    }
}
