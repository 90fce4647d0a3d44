using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Realtime;

/// <summary>
/// The one way a component follows the live backbone: <see cref="Follow(IReadOnlyCollection{Topic}, Func{IReadOnlyList{WorkspaceEvent}, Task{bool}}, int)"/>
/// subscribes to topics; events arrive in batches (a burst while the component is busy becomes one batch) on the
/// component's own dispatcher; the handler says whether anything it shows changed, and only then does the component
/// render. A component renders from live events at most once per <see cref="Pace"/>: the first change after a quiet
/// spell shows at once, and what follows within the pace comes as one batch, so under a burst (a thousand chats in a
/// team's inbox) each open screen costs a bounded number of renders per second instead of one per event.
/// Exceptions go to the circuit's error handling, and every subscription ends with the component.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private bool disposed;

    [Inject] private WorkspaceNotifier Notifier { get; set; } = default!;

    /// <summary>
    /// The shortest time between two live batches of one subscription, and so between the renders they cause. 100 ms
    /// keeps a change that follows another within the 100 ms a screen has to show it, while a screen under a stream of
    /// changes (an inbox sorted by last activity in a busy team) renders at most 10 times a second.
    /// </summary>
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    /// <summary>Follows <paramref name="topics"/> until the component is disposed or the returned subscription is.</summary>
    protected IDisposable Follow(IReadOnlyCollection<Topic> topics, Func<IReadOnlyList<WorkspaceEvent>, Task<bool>> onEvents, int capacity = WorkspaceNotifier.DefaultCapacity)
    {
        var subscription = Notifier.Subscribe(topics, batch => DeliverAsync(batch, onEvents), capacity, pace: Pace);
        subscriptions.Add(subscription);
        return subscription;
    }

    protected IDisposable Follow(Topic topic, Func<IReadOnlyList<WorkspaceEvent>, Task<bool>> onEvents) => Follow([topic], onEvents);

    /// <summary>Stops one subscription early (the page moved to another ticket or article).</summary>
    protected void Unfollow(IDisposable? subscription)
    {
        if (subscription is not null)
        {
            subscription.Dispose();
            subscriptions.Remove(subscription);
        }
    }

    private async Task DeliverAsync(IReadOnlyList<WorkspaceEvent> batch, Func<IReadOnlyList<WorkspaceEvent>, Task<bool>> onEvents)
    {
        if (disposed)
        {
            return;
        }
        try
        {
            await InvokeAsync(async () =>
            {
                if (disposed)
                {
                    return;
                }
                try
                {
                    if (await onEvents(batch))
                    {
                        StateHasChanged();
                    }
                }
                catch (Exception ex)
                {
                    await DispatchExceptionAsync(ex);
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended between the event and its delivery.
        }
    }

    protected virtual void OnDispose()
    {
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
        subscriptions.Clear();
        OnDispose();
        GC.SuppressFinalize(this);
    }
}
