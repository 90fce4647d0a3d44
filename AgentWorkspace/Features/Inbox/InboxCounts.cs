using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>Tickets that count alike in every view: same status, team, assignee and owner.</summary>
public readonly record struct CountBucket(TicketStatus Status, int? TeamId, string? AssigneeId, string? OwnerId = null);

/// <summary>How many tickets entered (+) or left (-) a bucket in one committed change.</summary>
public readonly record struct BucketDelta(CountBucket Bucket, int Change);

/// <summary>View counts moved: <paramref name="Version"/> orders them against a screen's snapshot.</summary>
public sealed record InboxCountsChanged(long Version, IReadOnlyList<BucketDelta> Deltas) : WorkspaceEvent
{
    /// <summary>Only the screens of agents who can see one of the buckets.</summary>
    public override IReadOnlyList<Topic> Topics => field ??= InboxTopics.Of([.. Deltas.Select(d => (d.Bucket.TeamId, d.Bucket.AssigneeId, d.Bucket.OwnerId))]);

    /// <summary>Each node derives it for its own screens from the events that cross.</summary>
    public override bool CrossesNodes => false;
}

/// <summary>
/// Exact view counts for every agent without counting rows: tickets per (status, team, assignee, owner), read once and then
/// kept up to date from each committed change (<see cref="InboxCountsInterceptor"/> hands the deltas over before the
/// write turn passes on, so the counts move in commit order). Every view of every agent is a sum over these few
/// buckets; a screen takes a snapshot once and then applies the published deltas, so a change costs each screen a
/// handful of comparisons and no query.
/// </summary>
/// <remarks>
/// The database is reached through <paramref name="services"/> on first use: the context factory's own options include
/// the interceptor that feeds these counts, so asking for the factory in the constructor would be a cycle.
/// </remarks>
public sealed class InboxCounts(IServiceProvider services, WorkspaceNotifier notifier)
{
    private readonly Lock sync = new();
    private readonly SemaphoreSlim loading = new(1, 1);
    private Dictionary<CountBucket, int>? buckets;
    private long version;

    /// <summary>Every view count of <paramref name="scope"/> (key: view name or "Team:{id}") and the version they reflect.</summary>
    public async Task<(IReadOnlyDictionary<string, int> Counts, long Version)> SnapshotAsync(AgentScope scope, IReadOnlyList<int> teamViews)
    {
        await EnsureLoadedAsync();
        lock (sync)
        {
            var counts = Keys(teamViews).ToDictionary(k => k.Key, _ => 0);
            foreach (var (bucket, count) in buckets!)
            {
                Add(counts, scope, teamViews, bucket, count);
            }
            return (counts, version);
        }
    }

    /// <summary>Applies published deltas to a screen's counts; false when none of its counts moved.</summary>
    public static bool Apply(Dictionary<string, int> counts, AgentScope scope, IReadOnlyList<int> teamViews, IReadOnlyList<BucketDelta> deltas)
    {
        var moved = false;
        foreach (var delta in deltas)
        {
            moved |= Add(counts, scope, teamViews, delta.Bucket, delta.Change);
        }
        return moved;
    }

    /// <summary>Called by the interceptor with one transaction's deltas, while that transaction still holds the write turn.</summary>
    internal void Committed(IReadOnlyList<BucketDelta> deltas)
    {
        long at;
        lock (sync)
        {
            if (buckets is null)
            {
                return; // not read yet: the first read will include this commit
            }
            foreach (var (bucket, change) in deltas)
            {
                var value = buckets.GetValueOrDefault(bucket) + change;
                if (value == 0)
                    buckets.Remove(bucket);
                else
                    buckets[bucket] = value;
            }
            at = ++version;
        }
        notifier.Publish(new InboxCountsChanged(at, deltas));
    }

    private async Task EnsureLoadedAsync()
    {
        if (Volatile.Read(ref buckets) is not null)
        {
            return;
        }
        await loading.WaitAsync();
        try
        {
            if (buckets is not null)
            {
                return;
            }
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            // A transaction takes the write turn, so no commit lands between this read and the switch to deltas.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = await db.Tickets.AsNoTracking()
                .GroupBy(t => new { t.Status, t.TeamId, t.AssigneeId, t.OwnerId })
                .Select(g => new { g.Key.Status, g.Key.TeamId, g.Key.AssigneeId, g.Key.OwnerId, Count = g.Count() })
                .ToListAsync();
            lock (sync)
            {
                buckets = rows.ToDictionary(r => new CountBucket(r.Status, r.TeamId, r.AssigneeId, r.OwnerId), r => r.Count);
            }
            await transaction.CommitAsync();
        }
        finally
        {
            loading.Release();
        }
    }

    // "Breaching soon" depends on time as well as on buckets: screens count it themselves (InboxQuery.CountBreachingSoonAsync).
    private static IEnumerable<(string Key, InboxView View, int? TeamId)> Keys(IReadOnlyList<int> teamViews) =>
        Enum.GetValues<InboxView>().Where(v => v is not (InboxView.Team or InboxView.BreachingSoon)).Select(v => (v.ToString(), v, (int?)null))
            .Concat(teamViews.Select(t => ($"Team:{t}", InboxView.Team, (int?)t)));

    private static bool Add(Dictionary<string, int> counts, AgentScope scope, IReadOnlyList<int> teamViews, CountBucket bucket, int change)
    {
        if (!scope.InQueues(bucket.TeamId, bucket.AssigneeId, bucket.OwnerId))
        {
            return false;
        }
        var moved = false;
        foreach (var (key, view, teamId) in Keys(teamViews))
        {
            if (InboxMatcher.InView(view, teamId, scope.AgentId, bucket.Status, bucket.TeamId, bucket.AssigneeId, bucket.OwnerId))
            {
                counts[key] = counts.GetValueOrDefault(key) + change;
                moved = true;
            }
        }
        return moved;
    }
}
