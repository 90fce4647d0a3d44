using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Sla;

/// <summary>What a ticket's clock depends on: when it was created, its status changes and its public conversation.</summary>
public sealed record SlaTimeline(DateTimeOffset CreatedAt, IReadOnlyList<StatusChange> StatusChanges, IReadOnlyList<PublicMessage> Messages)
{
    /// <summary>The status after the last change (a ticket starts Open).</summary>
    public TicketStatus Status => StatusChanges.Count > 0 ? StatusChanges[^1].Status : TicketStatus.Open;

    public DateTimeOffset StatusSince => StatusChanges.Count > 0 ? StatusChanges[^1].At : CreatedAt;
}

public readonly record struct StatusChange(DateTimeOffset At, TicketStatus Status);

/// <summary>A public message by the customer or an agent (system lines and internal notes don't count).</summary>
public readonly record struct PublicMessage(DateTimeOffset At, bool FromCustomer);

public sealed record TargetComputation(
    SlaTargetKind Kind, int Minutes, bool BusinessHours, DateTimeOffset StartedAt,
    DateTimeOffset? DueAt, DateTimeOffset? WarnAt, DateTimeOffset? MetAt, DateTimeOffset? StoppedAt, DateTimeOffset? BreachedAt,
    TimeSpan Elapsed, bool Running, bool Paused);

/// <param name="ResumedAt">When the clock last started running again after a pause (null when it is not running, or never paused).</param>
public sealed record SlaComputation(
    IReadOnlyList<TargetComputation> Targets,
    DateTimeOffset? PausedSince, TimeSpan PausedTotal,
    DateTimeOffset? ResumedAt);

/// <summary>
/// Computes a ticket's clock from its timeline, a policy and a calendar, as of an instant. Pure, so the same history
/// always gives the same instants however late the computation runs. The clock runs from creation while the status is
/// neither a pause status of the policy nor Resolved/Closed; a reopened ticket's resolution clock goes on from the time
/// already spent. First response runs until the first public agent reply; next response from each customer message
/// that arrives after an answer until the next public agent reply (only the latest cycle is computed).
/// </summary>
public static class SlaCalculator
{
    private readonly record struct Segment(DateTimeOffset From, DateTimeOffset? To);

    public static SlaComputation Compute(SlaPolicy policy, WorkingTime businessTime, SlaTimeline timeline, DateTimeOffset now)
    {
        var pauses = policy.PauseStatuses.ToHashSet();
        var (segments, pausedSince, pausedTotal, resumedAt, doneSince) = Segments(timeline, pauses, now);

        var targets = new List<TargetComputation>(3);
        var firstReply = timeline.Messages.FirstOrDefault(m => !m.FromCustomer);
        var replied = timeline.Messages.Any(m => !m.FromCustomer);
        Add(SlaTargetKind.FirstResponse, timeline.CreatedAt, replied ? firstReply.At : null);
        if (LatestResponseCycle(timeline.Messages) is { } cycle)
        {
            Add(SlaTargetKind.NextResponse, cycle.Start, cycle.End);
        }
        Add(SlaTargetKind.Resolution, timeline.CreatedAt, doneSince);
        return new SlaComputation(targets, pausedSince, pausedTotal, resumedAt);

        void Add(SlaTargetKind kind, DateTimeOffset start, DateTimeOffset? end)
        {
            if (policy.MinutesFor(kind) is not { } minutes)
            {
                return;
            }
            var business = policy.BusinessHoursFor(kind);
            var working = business ? businessTime : WorkingTime.Continuous;
            var target = TimeSpan.FromMinutes(minutes);
            var (due, elapsed) = Measure(segments, start, end, target, working, now);
            var (warnAt, _) = Measure(segments, start, end, target * policy.WarningPercent / 100.0, working, now);
            // A response is met by the reply; resolution by resolving. A response never given on a resolved ticket stops.
            DateTimeOffset? met = end;
            DateTimeOffset? stopped = null;
            if (kind != SlaTargetKind.Resolution && end is null && doneSince is { } done && done >= start)
            {
                stopped = done;
            }
            var over = met ?? stopped;
            DateTimeOffset? breached = due is { } d && (over is { } o ? d < o : d <= now) ? d : null;
            var clockRuns = segments.Count > 0 && segments[^1].To is null;
            var open = over is null;
            targets.Add(new TargetComputation(
                kind, minutes, business, start, due, warnAt, met, stopped, breached, elapsed,
                Running: open && clockRuns, Paused: open && !clockRuns && pausedSince is not null));
        }
    }

    /// <summary>When the clock ran: one segment per stretch of running statuses, the last one open while it runs now.</summary>
    private static (List<Segment> Segments, DateTimeOffset? PausedSince, TimeSpan PausedTotal, DateTimeOffset? ResumedAt, DateTimeOffset? DoneSince)
        Segments(SlaTimeline timeline, HashSet<TicketStatus> pauses, DateTimeOffset now)
    {
        var segments = new List<Segment>();
        DateTimeOffset? runningSince = timeline.CreatedAt;
        DateTimeOffset? pausedSince = null;
        DateTimeOffset? doneSince = null;
        DateTimeOffset? resumedAt = null;
        var pausedTotal = TimeSpan.Zero;
        var status = TicketStatus.Open;
        foreach (var change in timeline.StatusChanges)
        {
            var at = change.At < timeline.CreatedAt ? timeline.CreatedAt : change.At;
            var wasPaused = pausedSince is not null;
            if (pausedSince is { } p)
            {
                pausedTotal += at - p;
                pausedSince = null;
            }
            status = change.Status;
            var done = status is TicketStatus.Resolved or TicketStatus.Closed;
            var runs = !done && !pauses.Contains(status);
            if (runs && runningSince is null)
            {
                runningSince = at;
                resumedAt = wasPaused ? at : null;
            }
            else if (!runs && runningSince is { } since)
            {
                segments.Add(new Segment(since, at));
                runningSince = null;
            }
            if (!runs && !done)
            {
                pausedSince = at;
            }
            doneSince = done ? doneSince ?? at : null;
        }
        if (runningSince is { } open)
        {
            segments.Add(new Segment(open, null));
        }
        else
        {
            resumedAt = null;
        }
        if (pausedSince is { } stillPaused && now > stillPaused)
        {
            pausedTotal += now - stillPaused;
        }
        return (segments, pausedSince, pausedTotal, resumedAt, doneSince);
    }

    /// <summary>
    /// Working time spent on the target from <paramref name="start"/> to <paramref name="end"/> (or now), and the instant
    /// the target is reached: in a past segment, or in the running one as if it ran on; null while paused short of it.
    /// </summary>
    private static (DateTimeOffset? Due, TimeSpan Elapsed) Measure(
        List<Segment> segments, DateTimeOffset start, DateTimeOffset? end, TimeSpan target, WorkingTime working, DateTimeOffset now)
    {
        var spent = TimeSpan.Zero;
        DateTimeOffset? due = null;
        foreach (var segment in segments)
        {
            var from = segment.From > start ? segment.From : start;
            var to = segment.To is { } t ? (end is { } e && e < t ? e : t) : end;
            if (to is null)
            {
                due ??= working.Add(from, target - spent);
                spent += working.Between(from, now);
                continue;
            }
            if (to <= from)
            {
                continue;
            }
            var length = working.Between(from, to.Value);
            if (due is null && spent + length >= target)
            {
                due = working.Add(from, target - spent);
            }
            spent += length;
        }
        return (due, spent);
    }

    private static (DateTimeOffset Start, DateTimeOffset? End)? LatestResponseCycle(IReadOnlyList<PublicMessage> messages)
    {
        var answered = false;
        DateTimeOffset? waitingSince = null;
        (DateTimeOffset, DateTimeOffset?)? latest = null;
        foreach (var message in messages)
        {
            if (!message.FromCustomer)
            {
                if (answered && waitingSince is { } since)
                {
                    latest = (since, message.At);
                }
                answered = true;
                waitingSince = null;
            }
            else if (answered && waitingSince is null)
            {
                waitingSince = message.At;
            }
        }
        return waitingSince is { } open ? (open, null) : latest;
    }
}
