using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// When a team is at work: opening blocks per weekday in the calendar's own time zone (several per day, so a lunch break
/// is simply two blocks), and holidays when it is closed all day. One calendar is the default; a team may have its own.
/// </summary>
public sealed class BusinessCalendar
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>An IANA time zone id such as Europe/Madrid: blocks are wall-clock times there, DST included.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Used for every team that has no calendar of its own, and for tickets without a team.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The teams working to this calendar (a team has at most one).</summary>
    public List<int> TeamIds { get; set; } = [];

    public List<OpeningBlock> Blocks { get; set; } = [];
    public List<Holiday> Holidays { get; set; } = [];
}

/// <summary>Open from <see cref="StartMinute"/> to <see cref="EndMinute"/> (minutes after local midnight; 1440 is the end of the day).</summary>
public sealed class OpeningBlock
{
    public int Id { get; set; }
    public int CalendarId { get; set; }
    public DayOfWeek Day { get; set; }
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }
}

/// <summary>A local date on which the calendar is closed all day.</summary>
public sealed class Holiday
{
    public int Id { get; set; }
    public int CalendarId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> calendar)
    {
        calendar.Property(c => c.Name).HasMaxLength(BusinessCalendarRules.MaxNameLength);
        calendar.Property(c => c.TimeZoneId).HasMaxLength(64);
        calendar.HasIndex(c => c.Name).IsUnique();
        calendar.HasMany(c => c.Blocks).WithOne().HasForeignKey(b => b.CalendarId).OnDelete(DeleteBehavior.Cascade);
        calendar.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpeningBlockConfiguration : IEntityTypeConfiguration<OpeningBlock>
{
    public void Configure(EntityTypeBuilder<OpeningBlock> block) => block.ToTable("OpeningBlocks");
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> holiday)
    {
        holiday.ToTable("BusinessHolidays");
        holiday.Property(h => h.Name).HasMaxLength(BusinessCalendarRules.MaxNameLength);
        holiday.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
    }
}
