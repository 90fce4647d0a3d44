using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Reports;

/// <summary>
/// One row per ticket, derived from its history by <see cref="FactBuilder"/> (never edited by hand): the ticket's
/// current dimensions, which every report filters and groups by, and its ticket-level moments.
/// </summary>
public sealed class ReportTicket
{
    public int TicketId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public TicketChannel Channel { get; set; }
    public TicketPriority Priority { get; set; }
    public int? TeamId { get; set; }
    public string? Category { get; set; }
    public string Language { get; set; } = "en";

    /// <summary>The first time anyone was assigned (history's first "Assignee" line with a new value).</summary>
    public DateTimeOffset? FirstAssignedAt { get; set; }

    /// <summary>The ticket version the facts were computed from: the catch-up recomputes tickets that moved on.</summary>
    public long TicketVersion { get; set; }

    /// <summary>The ticket's tags, sorted, separated by spaces (a tag has none): the per-day volume by tag counts these.</summary>
    public string Tags { get; set; } = "";

    public IReadOnlyList<string> TagList => Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// One resolution cycle of a ticket: from creation (cycle 0) or a reopen to the next resolution. Durations are stored in
/// both clocks (calendar seconds and business seconds on the team's calendar) and only for resolved cycles, so a fact
/// never depends on when it was computed: the live upkeep and a rebuild give the same rows.
/// </summary>
public sealed class ReportCycle
{
    public int TicketId { get; set; }
    public int Cycle { get; set; }

    // The ticket's current dimensions, copied so every report filters and groups cycles without a join.
    public TicketChannel Channel { get; set; }
    public TicketPriority Priority { get; set; }
    public int? TeamId { get; set; }
    public string? Category { get; set; }
    public string Language { get; set; } = "en";

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }

    /// <summary>Seconds from the resolution to the reopen (first-contact resolution asks whether it was within a week).</summary>
    public long? ReopenedAfterSeconds { get; set; }

    /// <summary>
    /// The agent the cycle counts for: who resolved it, else the last agent who replied publicly in it; for the cycle still
    /// running, the ticket's current assignee.
    /// </summary>
    public string? AgentId { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }
    public int PublicReplies { get; set; }

    public long? FirstResponseSeconds { get; set; }
    public long? FirstResponseBusinessSeconds { get; set; }
    public long? ResolutionSeconds { get; set; }
    public long? ResolutionBusinessSeconds { get; set; }
    public long? WaitSeconds { get; set; }
    public long? WaitBusinessSeconds { get; set; }
    public long? OnHoldSeconds { get; set; }
    public long? OnHoldBusinessSeconds { get; set; }

    /// <summary>
    /// Handle time: for each public reply in the cycle, the time from its author's latest opening of the ticket (after
    /// their previous reply) to the reply, summed; null when no reply of the cycle followed a recorded opening.
    /// </summary>
    public long? HandleSeconds { get; set; }
    public long? HandleBusinessSeconds { get; set; }

    /// <summary>Cycle 0 only: creation to the first assignment.</summary>
    public long? QueueWaitSeconds { get; set; }
    public long? QueueWaitBusinessSeconds { get; set; }
}

/// <summary>An escalation: a raise of the tier, or a move to another team with a reason (escalate, SLA breach action).</summary>
public sealed class ReportEscalation
{
    public int TicketId { get; set; }
    public int Seq { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The tier after the escalation.</summary>
    public int Tier { get; set; }
}

/// <summary>
/// The kept-up series aggregate: counts per UTC hour and (current) team and channel, with rows for all teams
/// (<see cref="DayKeys.AllTeams"/>) and all channels (<see cref="DayKeys.All"/>), so a series of any team/channel
/// filter reads one row per hour. Hours, not days, so any viewer's whole-hour time zone gets exact day buckets from it
/// (other zones take the facts of the hours their midnights cut); <see cref="ReportStore"/> recounts exactly the hours a
/// change touched.
/// </summary>
public sealed class ReportHour
{
    /// <summary>UTC ticks of the hour's start.</summary>
    public long Hour { get; set; }

    /// <summary>0 for tickets without a team (a key column can't be null), -1 for all teams.</summary>
    public int TeamId { get; set; }

    /// <summary>The channel's name, "*" for all, or a priority, tag or category facet (all teams; see <see cref="DayKeys"/>).</summary>
    public string Channel { get; set; } = DayKeys.All;
    public int Created { get; set; }
    public int Resolved { get; set; }
    public int Reopened { get; set; }
}

/// <summary>An agent opened a ticket's page (recorded for handle time: from opening a ticket to replying on it).</summary>
public sealed class TicketOpen
{
    public long Id { get; set; }
    public required string AgentId { get; set; }
    public int TicketId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

internal sealed class TicketOpenConfiguration : IEntityTypeConfiguration<TicketOpen>
{
    public void Configure(EntityTypeBuilder<TicketOpen> open)
    {
        open.HasIndex(o => new { o.TicketId, o.OpenedAt });
        open.HasOne<Agents.Agent>().WithMany().HasForeignKey(o => o.AgentId).OnDelete(DeleteBehavior.Cascade);
        open.HasOne<Ticket>().WithMany().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportTicketConfiguration : IEntityTypeConfiguration<ReportTicket>
{
    public void Configure(EntityTypeBuilder<ReportTicket> t)
    {
        t.HasKey(x => x.TicketId);
        t.Property(x => x.TicketId).ValueGeneratedNever();
        t.Property(x => x.Category).HasMaxLength(100);
        t.Property(x => x.Language).HasMaxLength(8);
        t.HasIndex(x => new { x.CreatedAt, x.TicketId });
        t.HasOne<Ticket>().WithOne().HasForeignKey<ReportTicket>(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportCycleConfiguration : IEntityTypeConfiguration<ReportCycle>
{
    public void Configure(EntityTypeBuilder<ReportCycle> c)
    {
        c.HasKey(x => new { x.TicketId, x.Cycle });
        // Every duration report is "cycles resolved in the range"; the backlog is "cycles started before and not resolved by".
        c.HasIndex(x => new { x.ResolvedAt, x.TicketId });
        c.HasIndex(x => new { x.StartedAt, x.TicketId });
        c.HasIndex(x => new { x.ReopenedAt, x.TicketId });
        // An agent's report reads that agent's cycles only.
        c.HasIndex(x => new { x.AgentId, x.ResolvedAt });
        c.HasIndex(x => new { x.AgentId, x.StartedAt });
        c.Property(x => x.Category).HasMaxLength(100);
        c.Property(x => x.Language).HasMaxLength(8);
        c.Property(x => x.AgentId).HasMaxLength(450);
        c.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportEscalationConfiguration : IEntityTypeConfiguration<ReportEscalation>
{
    public void Configure(EntityTypeBuilder<ReportEscalation> e)
    {
        e.HasKey(x => new { x.TicketId, x.Seq });
        e.HasIndex(x => new { x.At, x.TicketId });
        e.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportHourConfiguration : IEntityTypeConfiguration<ReportHour>
{
    public void Configure(EntityTypeBuilder<ReportHour> h)
    {
        h.HasKey(x => new { x.Hour, x.TeamId, x.Channel });
        h.Property(x => x.Channel).HasMaxLength(DayKeys.MaxChannelKey);
        // A series reads one key's hours (and sums the hours before it for the backlog): covering, so no row lookups.
        h.HasIndex(x => new { x.TeamId, x.Channel, x.Hour, x.Created, x.Resolved, x.Reopened });
    }
}
