using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// Keeps SLA state in step with tickets: follows every committed ticket change and message once (not once per screen)
/// and recomputes those tickets. At start, and whenever its queue overflowed, it recomputes every ticket whose state is
/// missing or older than the ticket (changes made while the app was down, or events it lost).
/// </summary>
public sealed class SlaFeed(SlaEngine engine, WorkspaceNotifier notifier, ILogger<SlaFeed> logger) : IHostedService
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
            var count = await engine.ReconcileStaleAsync(cancellationToken);
            if (count > 0)
            {
                logger.LogInformation("SLA state brought up to date for {Count} ticket(s)", count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not bring SLA state up to date; it is retried on the next start or queue overflow");
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
                    // A note changes no clock, but it changes the ticket's version: keeping up avoids a needless catch-up later.
                    ids.Add(added.TicketId);
                    break;
            }
        }
        if (ids.Count > 0)
        {
            // A failure here is logged by the notifier; the ticket's next change or the next start catches it up.
            await engine.ReconcileAsync(ids, null, stopping.Token);
        }
    }
}
