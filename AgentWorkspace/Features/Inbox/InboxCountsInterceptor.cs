using System.Data.Common;
using System.Runtime.CompilerServices;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// Turns every committed ticket insert or change of status, team, assignee or owner into count deltas, whichever service made
/// it: saved changes are held per context until their transaction commits (dropped on rollback), and handed to
/// <see cref="InboxCounts"/> before the write gate (registered after this interceptor) passes the write turn on.
/// </summary>
public sealed class InboxCountsInterceptor(InboxCounts counts) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<BucketDelta>> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }
        List<BucketDelta>? deltas = null;
        foreach (var entry in context.ChangeTracker.Entries<Ticket>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    (deltas ??= []).Add(new BucketDelta(Current(entry), +1));
                    break;
                case EntityState.Deleted:
                    (deltas ??= []).Add(new BucketDelta(Original(entry), -1));
                    break;
                case EntityState.Modified:
                    var before = Original(entry);
                    var after = Current(entry);
                    if (before != after)
                    {
                        (deltas ??= []).Add(new BucketDelta(before, -1));
                        deltas.Add(new BucketDelta(after, +1));
                    }
                    break;
            }
        }
        if (deltas is not null)
        {
            lock (pending)
            {
                pending.GetOrCreateValue(context).AddRange(deltas);
            }
            // A single-statement save would otherwise skip the transaction, and with it the write gate and TransactionCommitted.
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        List<BucketDelta>? deltas;
        lock (pending)
        {
            if (!pending.TryGetValue(context, out deltas) || deltas.Count == 0)
            {
                return;
            }
            pending.Remove(context);
        }
        counts.Committed(deltas);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            lock (pending)
            {
                pending.Remove(context);
            }
        }
    }

    private static CountBucket Current(EntityEntry<Ticket> entry) =>
        new(entry.Entity.Status, entry.Entity.TeamId, entry.Entity.AssigneeId, entry.Entity.OwnerId);

    private static CountBucket Original(EntityEntry<Ticket> entry) => new(
        entry.Property(t => t.Status).OriginalValue, entry.Property(t => t.TeamId).OriginalValue, entry.Property(t => t.AssigneeId).OriginalValue,
        entry.Property(t => t.OwnerId).OriginalValue);
}
