using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// A ticket's service-level clock as last computed: which policy applies, and for each target when it started, falls due,
/// turns at risk, was met or breached. Computed from the ticket's history (<see cref="SlaCalculator"/>) whenever the
/// ticket changes, so instants are exact whenever the computation ran. Due instants are absolute: until the ticket
/// changes again, whether a target is on track, at risk or breached at any moment follows from them alone.
/// </summary>
public sealed class SlaState
{
    public int TicketId { get; set; }

    public int? PolicyId { get; set; }
    public string? PolicyName { get; set; }
    public string? CalendarName { get; set; }

    // What the policy was chosen on, so a later change can say why the policy changed.
    public TicketPriority Priority { get; set; }
    public int? TeamId { get; set; }
    public TicketChannel Channel { get; set; }
    public bool IsVip { get; set; }

    public SlaTarget FirstResponse { get; set; } = new();
    public SlaTarget NextResponse { get; set; } = new();
    public SlaTarget Resolution { get; set; } = new();

    /// <summary>Since when the clock stands still (a pause status), or null while it runs or has stopped.</summary>
    public DateTimeOffset? PausedSince { get; set; }

    /// <summary>Wall-clock seconds spent paused so far.</summary>
    public long PausedSeconds { get; set; }

    /// <summary>The soonest due instant of the targets still running (past when one is breached): the inbox's "due soonest".</summary>
    public DateTimeOffset? NextDueAt { get; set; }
    public SlaTargetKind? NextDueTarget { get; set; }

    /// <summary>The earliest breach of any target (of the current response cycle), or null.</summary>
    public DateTimeOffset? BreachedAt { get; set; }

    /// <summary>The ticket version this was computed from; a different one means the state is stale.</summary>
    public long TicketVersion { get; set; }
    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>How long before its due instant a running target counts as "breaching soon" (besides its own at-risk warning).</summary>
    public static readonly TimeSpan BreachingSoonWindow = TimeSpan.FromHours(4);

    /// <summary>The next target's due instant while its clock runs; null while paused or when none runs.</summary>
    public DateTimeOffset? RunningDueAt => PausedSince is null ? NextDueAt : null;

    /// <summary>The running next target's at-risk instant; null while paused or when none runs.</summary>
    public DateTimeOffset? RunningWarnAt => PausedSince is null && NextDueTarget is { } kind ? Target(kind).WarnAt : null;

    /// <summary>From when the ticket is "breaching soon": its running next target is at risk or due within the window.</summary>
    public DateTimeOffset? AttentionAt => AttentionOf(RunningDueAt, RunningWarnAt);

    /// <summary>The one rule behind <see cref="AttentionAt"/>, for SQL-stored and in-memory copies alike.</summary>
    public static DateTimeOffset? AttentionOf(DateTimeOffset? dueAt, DateTimeOffset? warnAt) =>
        dueAt is not { } due ? null
        : warnAt is { } warn && warn < due - BreachingSoonWindow ? warn
        : due - BreachingSoonWindow;

    public SlaTarget Target(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponse,
        SlaTargetKind.NextResponse => NextResponse,
        _ => Resolution,
    };
}

/// <summary>One target of a ticket's clock.</summary>
public sealed class SlaTarget
{
    /// <summary>The target, or null when the policy sets none of this kind.</summary>
    public int? Minutes { get; set; }
    public bool BusinessHours { get; set; }

    /// <summary>When this target's clock started (the ticket's creation; for next response, the customer's message).</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? WarnAt { get; set; }
    public DateTimeOffset? MetAt { get; set; }

    /// <summary>When the ticket was resolved before this target was met: it no longer counts.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>When the due instant passed unmet (or before it was met).</summary>
    public DateTimeOffset? BreachedAt { get; set; }

    /// <summary>Working time spent when computed: with <see cref="Minutes"/>, what is left while the clock is paused.</summary>
    public long ElapsedSeconds { get; set; }

    /// <summary>When the at-risk warning was recorded (once per cycle).</summary>
    public DateTimeOffset? WarningSentAt { get; set; }

    /// <summary>When the breach was recorded and its actions run (once per breach).</summary>
    public DateTimeOffset? BreachHandledAt { get; set; }
}

internal sealed class SlaStateConfiguration : IEntityTypeConfiguration<SlaState>
{
    public void Configure(EntityTypeBuilder<SlaState> state)
    {
        state.ToTable("SlaStates");
        state.HasKey(s => s.TicketId);
        state.HasOne<Ticket>().WithOne().HasForeignKey<SlaState>(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        state.Property(s => s.PolicyName).HasMaxLength(SlaPolicyRules.MaxNameLength);
        state.Property(s => s.CalendarName).HasMaxLength(BusinessCalendarRules.MaxNameLength);
        state.ComplexProperty(s => s.FirstResponse);
        state.ComplexProperty(s => s.NextResponse);
        state.ComplexProperty(s => s.Resolution);
        state.HasIndex(s => s.NextDueAt);
        state.HasIndex(s => s.BreachedAt);
    }
}
