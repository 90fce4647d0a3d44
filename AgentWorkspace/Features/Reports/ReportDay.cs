using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Reports;

/// <summary>
/// The kept-up per-day aggregate that long reports read instead of one row per cycle: for one UTC day and one group
/// (a team, a channel, an agent, or all of them: see <see cref="DayKeys.Of"/>), the counts every report shows and a
/// duration histogram per duration metric and clock (<see cref="DayTotals"/>, in <see cref="Data"/>). Resolution-side
/// figures count in the day of the resolution, creation-side ones (created, created and since resolved, the volume
/// breakdowns) in the day of the creation. <see cref="ReportStore"/> keeps it by applying each change's difference
/// (old facts out, new facts in); the rebuild adds every fact day by day with the same code.
/// </summary>
public sealed class ReportDay
{
    /// <summary>
    /// True for the roll-up of a whole UTC calendar month (starting at <see cref="Day"/>): a long period reads its whole
    /// months from these and only the days around them from the day rows, so a year is ~12 rows per group, not 365.
    /// </summary>
    public bool Month { get; set; }

    /// <summary>UTC ticks of the day's (or month's) midnight.</summary>
    public long Day { get; set; }

    /// <summary><see cref="DayKeys.AllTeams"/> (-1) for every team, 0 for tickets without a team.</summary>
    public int TeamId { get; set; }

    /// <summary>
    /// The channel's name, <see cref="DayKeys.All"/>, or a priority (<see cref="DayKeys.PriorityFacet"/>: that priority's
    /// cycles in all channels, with all teams, each team and each agent).
    /// </summary>
    public string Channel { get; set; } = DayKeys.All;

    /// <summary>The agent the cycles count for, "" for none, or <see cref="DayKeys.All"/>.</summary>
    public string AgentId { get; set; } = DayKeys.All;

    public int Created { get; set; }
    public int CreatedResolved { get; set; }
    public int Resolved { get; set; }
    public int ZeroReply { get; set; }
    public int FirstContact { get; set; }
    public int ReopenedCycles { get; set; }

    /// <summary>The histograms and the volume breakdowns (<see cref="DayTotals.Write"/>).</summary>
    public byte[] Data { get; set; } = [];
}

/// <summary>The groups a cycle counts in (a cube over team × channel, agent alone or by team, priority alone, by team or by agent).</summary>
public static class DayKeys
{
    public const int AllTeams = -1;
    public const string All = "*";
    public const long DayTicks = TimeSpan.TicksPerDay;

    public static long DayOf(long utcTicks) => utcTicks - utcTicks % DayTicks;

    public static long MonthOf(long utcTicks)
    {
        var day = new DateTime(DayOf(utcTicks), DateTimeKind.Utc);
        return new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    }

    public static long NextMonth(long monthTicks) => new DateTime(monthTicks, DateTimeKind.Utc).AddMonths(1).Ticks;

    /// <summary>A priority in the <see cref="ReportDay.Channel"/> key ("p:2"): the priority filter's rows (all teams and channels).</summary>
    public static string PriorityFacet(Tickets.TicketPriority priority) => "p:" + ((int)priority).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static (int Team, string Channel, string Agent)[] Of(int team, string channel, string agent, Tickets.TicketPriority priority) =>
    [
        (team, channel, All), (team, All, All), (AllTeams, channel, All), (AllTeams, All, All), (AllTeams, All, agent), (team, All, agent),
        (AllTeams, PriorityFacet(priority), All), (team, PriorityFacet(priority), All), (AllTeams, PriorityFacet(priority), agent),
    ];
}

internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> d)
    {
        // One group's days are contiguous: a report reads a range of one key (or the agents or teams of one key).
        d.HasKey(x => new { x.Month, x.TeamId, x.Channel, x.AgentId, x.Day });
        d.Property(x => x.Channel).HasMaxLength(32);
        d.Property(x => x.AgentId).HasMaxLength(450);
        d.HasIndex(x => x.Day);
    }
}
