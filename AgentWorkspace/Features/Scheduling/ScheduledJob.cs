using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Scheduling;

public enum JobState
{
    Pending,
    Done,
    Cancelled,
    Failed,
}

/// <summary>
/// Work due at an instant, stored so that it survives restarts. One row per (Kind, Key): scheduling the same key again
/// moves the row's due time (and re-arms a done row) instead of adding a second job.
/// </summary>
public sealed class ScheduledJob
{
    public long Id { get; set; }

    /// <summary>Which handler runs it (<see cref="IJobHandler.Kind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about, unique within its kind (e.g. a ticket id).</summary>
    public required string Key { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public string? Payload { get; set; }
    public JobState State { get; set; }

    /// <summary>Bumped on every (re)schedule or cancel: a run of an older generation must not mark the newer one done.</summary>
    public long Generation { get; set; }

    /// <summary>The runner that claimed the job, until <see cref="LeaseUntil"/>; after that anyone may claim it again.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> job)
    {
        job.Property(j => j.Kind).HasMaxLength(64);
        job.Property(j => j.Key).HasMaxLength(200);
        job.Property(j => j.Payload).HasMaxLength(4000);
        job.Property(j => j.LeaseOwner).HasMaxLength(200);
        job.Property(j => j.LastError).HasMaxLength(1000);
        job.HasIndex(j => new { j.Kind, j.Key }).IsUnique();
        // The runner's two questions, "what is due" and "when is the next one", read only pending rows.
        job.HasIndex(j => j.DueAt).HasFilter("State = 'Pending'").HasDatabaseName("IX_ScheduledJobs_PendingDueAt");
    }
}
