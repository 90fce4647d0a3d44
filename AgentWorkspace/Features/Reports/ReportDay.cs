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
    /// The channel's name, <see cref="DayKeys.All"/>, or a facet: a priority (<see cref="DayKeys.PriorityFacet"/>), a tag
    /// (<see cref="DayKeys.TagFacet"/>) or a category (<see cref="DayKeys.CategoryFacet"/>): that value's cycles in all
    /// channels, with all teams, each team and each agent.
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

/// <summary>
/// The groups a cycle counts in: a cube over team × channel × agent (without "each team, all channels, each agent" for
/// channel: every agent row is there with all teams and with the agent's team), and each facet (priority, every tag of
/// the ticket, its category) alone, by team or by agent.
/// </summary>
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

    /// <summary>A tag in the <see cref="ReportDay.Channel"/> key ("t:refund"): the tag filter's rows.</summary>
    public static string TagFacet(string tag) => "t:" + tag;

    /// <summary>A category in the <see cref="ReportDay.Channel"/> key ("k:billing"): the category filter's rows.</summary>
    public static string CategoryFacet(string category) => "k:" + category;

    /// <summary>The longest key: a category facet (tags are shorter).</summary>
    public const int MaxChannelKey = Tickets.MessageLimits.MaxCategoryLength + 2;

    public static List<(int Team, string Channel, string Agent)> Of(
        int team, string channel, string agent, Tickets.TicketPriority priority, string? category, IReadOnlyList<string> tags)
    {
        List<(int, string, string)> keys =
        [
            (team, channel, All), (team, All, All), (AllTeams, channel, All), (AllTeams, All, All), (AllTeams, All, agent), (team, All, agent),
            (AllTeams, channel, agent), (team, channel, agent),
        ];
        void Facet(string facet) => keys.AddRange([(AllTeams, facet, All), (team, facet, All), (AllTeams, facet, agent)]);
        Facet(PriorityFacet(priority));
        if (!string.IsNullOrEmpty(category))
        {
            Facet(CategoryFacet(category));
        }
        foreach (var tag in tags)
        {
            Facet(TagFacet(tag));
        }
        return keys;
    }
}

internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> d)
    {
        // One group's days are contiguous: a report reads a range of one key (or the agents or teams of one key).
        d.HasKey(x => new { x.Month, x.TeamId, x.Channel, x.AgentId, x.Day });
        d.Property(x => x.Channel).HasMaxLength(DayKeys.MaxChannelKey);
        d.Property(x => x.AgentId).HasMaxLength(450);
        d.HasIndex(x => x.Day);
    }
}
