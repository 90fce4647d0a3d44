using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Scheduling;

/// <summary>
/// Stores due work. Scheduling inside a caller's transaction (<c>Schedule</c>) makes the job as durable as the
/// change that needed it; the caller then calls <see cref="Nudge"/> after its commit so the runner wakes for it.
/// </summary>
public sealed class JobScheduler(IDbContextFactory<AppDbContext> dbFactory, JobRunnerSignal signal, TimeProvider clock)
{
    /// <summary>Creates or moves the job (Kind, Key) in <paramref name="db"/>'s unit of work; the caller saves and commits.</summary>
    /// <param name="loaded">The caller has loaded every job of this kind and key into <paramref name="db"/> (none there means none stored).</param>
    public static async Task ScheduleAsync(AppDbContext db, string kind, string key, DateTimeOffset dueAt, string? payload, DateTimeOffset now, bool loaded = false)
    {
        var job = db.ScheduledJobs.Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
            ?? (loaded ? null : await db.ScheduledJobs.FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key));
        if (job is null)
        {
            db.ScheduledJobs.Add(new ScheduledJob { Kind = kind, Key = key, DueAt = dueAt, Payload = payload, CreatedAt = now });
            return;
        }
        if (job.State == JobState.Pending && job.DueAt == dueAt && job.Payload == payload)
        {
            return;
        }
        job.DueAt = dueAt;
        job.Payload = payload;
        job.State = JobState.Pending;
        job.Generation++;
        job.Attempts = 0;
        job.LastError = null;
        job.CompletedAt = null;
    }

    /// <summary>Cancels the job (Kind, Key) if it is pending, in <paramref name="db"/>'s unit of work.</summary>
    public static async Task CancelAsync(AppDbContext db, string kind, string key, bool loaded = false)
    {
        var job = db.ScheduledJobs.Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
            ?? (loaded ? null : await db.ScheduledJobs.FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key && j.State == JobState.Pending));
        if (job is { State: JobState.Pending })
        {
            job.State = JobState.Cancelled;
            job.Generation++;
        }
    }

    /// <summary>Schedules in a transaction of its own and wakes the runner.</summary>
    public async Task ScheduleAsync(string kind, string key, DateTimeOffset dueAt, string? payload = null)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ScheduleAsync(db, kind, key, dueAt, payload, clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Nudge(dueAt);
    }

    /// <summary>Tells this process's runner that work is due at <paramref name="dueAt"/> (committed already).</summary>
    public void Nudge(DateTimeOffset dueAt) => signal.Wake(dueAt);
}

/// <summary>How a committed schedule reaches the sleeping runner: it wakes only when the new work is due before its planned wake-up.</summary>
public sealed class JobRunnerSignal
{
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // long.MaxValue while the runner is working: any schedule then makes it look again before sleeping.
    private long plannedWakeTicks = long.MaxValue;

    public void Wake(DateTimeOffset dueAt)
    {
        if (dueAt.UtcTicks < Volatile.Read(ref plannedWakeTicks))
        {
            Volatile.Read(ref wake).TrySetResult();
        }
    }

    /// <summary>The runner starts a pass: wake-ups from now on are kept for its next sleep.</summary>
    internal Task BeginPass()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref wake, next);
        Volatile.Write(ref plannedWakeTicks, long.MaxValue);
        return next.Task;
    }

    /// <summary>The runner will sleep until <paramref name="at"/>; only earlier work wakes it.</summary>
    internal void Sleeping(DateTimeOffset at) => Volatile.Write(ref plannedWakeTicks, at.UtcTicks);
}

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How long a claimed job is reserved for its runner; a runner that died leaves it to others after this.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// The longest sleep between two looks at the table, for work that another app node scheduled or a lease that ran
    /// out (this node's own schedules wake it at once).
    /// </summary>
    public int MaxIdleSeconds { get; set; } = 60;

    public int BatchSize { get; set; } = 50;

    /// <summary>A job that fails this many times is marked Failed and left alone.</summary>
    public int MaxAttempts { get; set; } = 5;
}
