using System.Collections.Immutable;

namespace AgentWorkspace.Realtime;

/// <summary>
/// The one in-process event bus agents' components subscribe to. Services publish only after their
/// database commit succeeded, so a subscriber never sees a change that could still roll back.
/// Subscribers get every event and pick what concerns them; a failing subscriber is logged and
/// never stops delivery to the others.
/// </summary>
public sealed class WorkspaceNotifier(ILogger<WorkspaceNotifier> logger)
{
    private ImmutableArray<Func<WorkspaceEvent, Task>> subscribers = [];

    public IDisposable Subscribe(Func<WorkspaceEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(handler));
        return new Subscription(this, handler);
    }

    public Task PublishAsync(WorkspaceEvent workspaceEvent)
    {
        var current = subscribers;
        if (current.IsEmpty)
        {
            return Task.CompletedTask;
        }
        var deliveries = new Task[current.Length];
        for (var i = 0; i < current.Length; i++)
        {
            deliveries[i] = DeliverAsync(current[i], workspaceEvent);
        }
        return Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(Func<WorkspaceEvent, Task> handler, WorkspaceEvent workspaceEvent)
    {
        try
        {
            await handler(workspaceEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber failed to handle {Event}", workspaceEvent.GetType().Name);
        }
    }

    private void Unsubscribe(Func<WorkspaceEvent, Task> handler) =>
        ImmutableInterlocked.Update(ref subscribers, list => list.Remove(handler));

    private sealed class Subscription(WorkspaceNotifier notifier, Func<WorkspaceEvent, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                notifier.Unsubscribe(handler);
            }
        }
    }
}
