namespace AgentWorkspace.Features.Sla;

/// <summary>A clock that only runs at certain times: business hours, or every hour of the day (calendar hours).</summary>
public abstract class WorkingTime
{
    /// <summary>Every hour of every day counts.</summary>
    public static readonly WorkingTime Continuous = new ContinuousTime();

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has passed since <paramref name="start"/>; null when
    /// it never does (a calendar with no opening hours). A zero amount is <paramref name="start"/> itself. An amount
    /// that runs out exactly at the end of an opening block is due at that end, not at the next opening.
    /// </summary>
    public abstract DateTimeOffset? Add(DateTimeOffset start, TimeSpan amount);

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public abstract TimeSpan Between(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The instant <paramref name="amount"/> of working time before <paramref name="end"/>; null when there is none.</summary>
    public abstract DateTimeOffset? Subtract(DateTimeOffset end, TimeSpan amount);

    private sealed class ContinuousTime : WorkingTime
    {
        public override DateTimeOffset? Add(DateTimeOffset start, TimeSpan amount) => start + amount;

        public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => to > from ? to - from : TimeSpan.Zero;

        public override DateTimeOffset? Subtract(DateTimeOffset end, TimeSpan amount) => end - amount;
    }
}
