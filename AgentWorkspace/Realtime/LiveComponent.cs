using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Realtime;

/// <summary>
/// The one way a component follows the live backbone: <see cref="Follow(IReadOnlyCollection{Topic}, Func{IReadOnlyList{WorkspaceEvent}, Task{bool}}, int)"/>
/// subscribes to topics; events arrive in batches (a burst while the component is busy becomes one batch) on the
/// component's own dispatcher; the handler says whether anything it shows changed, and only then does the component
/// render. Exceptions go to the circuit's error handling, and every subscription ends with the component.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private bool disposed;

    [Inject] private WorkspaceNotifier Notifier { get; set; } = default!;

    /// <summary>Follows <paramref name="topics"/> until the component is disposed or the returned subscription is.</summary>
    protected IDisposable Follow(IReadOnlyCollection<Topic> topics, Func<IReadOnlyList<WorkspaceEvent>, Task<bool>> onEvents, int capacity = WorkspaceNotifier.DefaultCapacity)
    {
        var subscription = Notifier.Subscribe(topics, batch => DeliverAsync(batch, onEvents), capacity);
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
