using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Scheduling;

/// <summary>
/// Runs stored jobs when they fall due. Claims them with one conditional UPDATE that leases rows to this runner, so two
/// runners (two app nodes, or an old and a new process) never run a job at the same time, and a completed job is marked
/// done and never runs again. At start it runs whatever fell due while the app was down. Between passes it sleeps until
/// the next due job (or <see cref="SchedulingOptions.MaxIdleSeconds"/>), and a schedule for earlier work wakes it: no
/// polling per second.
/// </summary>
public sealed class JobRunner(
    IDbContextFactory<AppDbContext> dbFactory, IEnumerable<IJobHandler> handlers, JobRunnerSignal signal,
    TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<JobRunner> logger) : BackgroundService
{
    private readonly Dictionary<string, IJobHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly SchedulingOptions settings = options.Value;

    /// <summary>Who holds a lease: unique per runner instance, readable in the table when diagnosing.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = signal.BeginPass();
            DateTimeOffset? next;
            try
            {
                await RunDueAsync(stoppingToken);
                next = await NextDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database was busy or gone for a moment: look again later rather than stop scheduling for good.
                logger.LogWarning(ex, "The job runner could not read or claim jobs; it tries again shortly");
                next = clock.GetUtcNow().AddSeconds(5);
            }
            var now = clock.GetUtcNow();
            var wakeAt = next is { } due && due < now.AddSeconds(settings.MaxIdleSeconds) ? due : now.AddSeconds(settings.MaxIdleSeconds);
            signal.Sleeping(wakeAt);
            var delay = wakeAt - now;
            if (delay <= TimeSpan.Zero)
            {
                continue;
            }
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                await Task.WhenAny(Task.Delay(delay, clock, sleep.Token), woken);
            }
            finally
            {
                await sleep.CancelAsync();
            }
        }
    }

    /// <summary>Claims and runs due jobs until none is left; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        while (true)
        {
            var claimed = await ClaimAsync(cancellationToken);
            foreach (var group in claimed.GroupBy(j => j.Kind, StringComparer.Ordinal))
            {
                var jobs = group.ToList();
                if (jobs.Count > 1 && byKind.GetValueOrDefault(group.Key) is IBatchJobHandler batch && await TryBatchAsync(batch, jobs, cancellationToken))
                {
                    ran += jobs.Count;
                    continue;
                }
                foreach (var job in jobs)
                {
                    await RunAsync(job, cancellationToken);
                    ran++;
                }
            }
            if (claimed.Count < settings.BatchSize)
            {
                return ran;
            }
        }
    }

    /// <summary>
    /// One statement: leases up to a batch of due, unleased (or expired) pending jobs to this runner and returns them.
    /// SQLite runs it under its write lock, so two runners can't claim the same row; the outer WHERE repeats the
    /// conditions so the statement stays correct on databases that don't serialize writers.
    /// </summary>
    private async Task<List<JobRun>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var until = clock.GetUtcNow().AddSeconds(settings.LeaseSeconds).UtcTicks;
        var batch = settings.BatchSize;
        var owner = Owner;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQuery<JobRun>($"""
            UPDATE "ScheduledJobs" SET "LeaseOwner" = {owner}, "LeaseUntil" = {until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "ScheduledJobs"
                WHERE "State" = 'Pending' AND "DueAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {now})
                ORDER BY "DueAt" LIMIT {batch})
              AND "State" = 'Pending' AND "DueAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {now})
            RETURNING "Id", "Kind", "Key", "Payload", "Generation", "Attempts"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Runs the jobs as one batch and completes them all; false (nothing completed) when the batch failed.</summary>
    private async Task<bool> TryBatchAsync(IBatchJobHandler handler, List<JobRun> jobs, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleBatchAsync(jobs, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A batch of {Count} {Kind} jobs failed; running them one by one", jobs.Count, jobs[0].Kind);
            return false;
        }
        foreach (var job in jobs)
        {
            await CompleteAsync(job, null);
        }
        return true;
    }

    private async Task RunAsync(JobRun job, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            if (!byKind.TryGetValue(job.Kind, out var handler))
            {
                throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.");
            }
            await handler.HandleAsync(job, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out and the job runs again on the next start.
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Job {Kind} {Key} failed (attempt {Attempt})", job.Kind, job.Key, job.Attempts);
            error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        }
        await CompleteAsync(job, error);
    }

    /// <summary>Marks a job done (unless rescheduled while it ran), or failed for a retry with back-off.</summary>
    private async Task CompleteAsync(JobRun job, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow().UtcTicks;
        var owner = Owner;
        if (error is null)
        {
            var done = await db.Database.ExecuteSqlAsync($"""
                UPDATE "ScheduledJobs" SET "State" = 'Done', "CompletedAt" = {now}, "LeaseOwner" = NULL, "LeaseUntil" = NULL, "LastError" = NULL
                WHERE "Id" = {job.Id} AND "LeaseOwner" = {owner} AND "Generation" = {job.Generation}
                """, CancellationToken.None);
            if (done == 0)
            {
                // Rescheduled while it ran: the new generation stays pending; only the lease is given back.
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "ScheduledJobs" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL WHERE "Id" = {job.Id} AND "LeaseOwner" = {owner}""",
                    CancellationToken.None);
            }
            return;
        }
        // Retries back off: 10 s, 40 s, 90 s... then the job is marked Failed for someone to look at.
        var retryAt = clock.GetUtcNow().AddSeconds(10 * job.Attempts * job.Attempts).UtcTicks;
        var failed = job.Attempts >= settings.MaxAttempts ? "Failed" : "Pending";
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "ScheduledJobs" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL, "LastError" = {error},
                "DueAt" = CASE WHEN "Generation" = {job.Generation} THEN {retryAt} ELSE "DueAt" END,
                "State" = CASE WHEN "Generation" = {job.Generation} THEN {failed} ELSE "State" END
            WHERE "Id" = {job.Id} AND "LeaseOwner" = {owner}
            """, CancellationToken.None);
    }

    /// <summary>When the next pending job can be claimed: its due time, or the end of the lease that holds it.</summary>
    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticks = await db.Database.SqlQuery<long?>(
            $"SELECT MIN(CASE WHEN \"LeaseUntil\" > \"DueAt\" THEN \"LeaseUntil\" ELSE \"DueAt\" END) AS \"Value\" FROM \"ScheduledJobs\" WHERE \"State\" = 'Pending'")
            .SingleAsync(cancellationToken);
        return ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }
}
