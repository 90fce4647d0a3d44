namespace AgentWorkspace.Features.Scheduling;

/// <summary>Runs the stored jobs of one kind. Register with <c>services.AddSingleton&lt;IJobHandler, X&gt;()</c>.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>
    /// Does the job's work. A job is claimed by one runner at a time, and a completed one is never run again; but a
    /// process killed between the work and its completion leaves the job to run again when its lease runs out, so
    /// handlers check the current state of what they act on (is the ticket still resolved?) before acting.
    /// An exception retries the job later.
    /// </summary>
    Task HandleAsync(JobRun job, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that can do many jobs of its kind at once, cheaper than one by one (the SLA engine brings 50 tickets up to
/// date in one transaction). If a batch fails, the runner runs its jobs one by one, so one bad job fails alone.
/// </summary>
public interface IBatchJobHandler : IJobHandler
{
    Task HandleBatchAsync(IReadOnlyList<JobRun> jobs, CancellationToken cancellationToken);
}

/// <summary>A claimed job as its handler sees it.</summary>
public sealed record JobRun(long Id, string Kind, string Key, string? Payload, long Generation, int Attempts);
