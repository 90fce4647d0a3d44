using System.Globalization;
using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Sla;

/// <summary>A calendar as the admin edits it: times as typed ("09:00", "24:00"), dates from a picker.</summary>
public sealed class CalendarDraft
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? TimeZoneId { get; set; } = "Europe/Madrid";
    public bool IsDefault { get; set; }
    public IReadOnlyList<int> TeamIds { get; set; } = [];
    public Dictionary<DayOfWeek, List<BlockDraft>> Days { get; } = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => new List<BlockDraft>());
    public List<HolidayDraft> Holidays { get; } = [];

    /// <summary>Monday first, as calendars are read in the workspace's markets.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static CalendarDraft New() => From(new BusinessCalendar
    {
        Name = "",
        TimeZoneId = "Europe/Madrid",
        Blocks = [.. Week.Take(5).SelectMany(d => new[] { new OpeningBlock { Day = d, StartMinute = 540, EndMinute = 780 }, new OpeningBlock { Day = d, StartMinute = 840, EndMinute = 1080 } })],
    });

    public static CalendarDraft From(BusinessCalendar calendar)
    {
        var draft = new CalendarDraft { Id = calendar.Id, Name = calendar.Name, TimeZoneId = calendar.TimeZoneId, IsDefault = calendar.IsDefault, TeamIds = [.. calendar.TeamIds] };
        foreach (var block in calendar.Blocks.OrderBy(b => b.StartMinute))
        {
            draft.Days[block.Day].Add(new BlockDraft { Start = SlaFormat.Clock(block.StartMinute), End = SlaFormat.Clock(block.EndMinute) });
        }
        draft.Holidays.AddRange(calendar.Holidays.OrderBy(h => h.Date).Select(h => new HolidayDraft { Date = h.Date.ToDateTime(TimeOnly.MinValue), Name = h.Name }));
        return draft;
    }

    /// <summary>The calendar to save, or the first thing that can't be read (in the admin's language).</summary>
    public (BusinessCalendar? Calendar, string? Error) ToCalendar(IStringLocalizer<SlaStrings> L)
    {
        var blocks = new List<OpeningBlock>();
        foreach (var (day, drafts) in Days)
        {
            foreach (var block in drafts)
            {
                if (SlaFormat.ParseClock(block.Start) is not { } start || SlaFormat.ParseClock(block.End) is not { } end)
                {
                    return (null, L["TimeFormat", SlaFormat.DayName(day), block.Start ?? "", block.End ?? ""]);
                }
                blocks.Add(new OpeningBlock { Day = day, StartMinute = start, EndMinute = end });
            }
        }
        var holidays = new List<Holiday>();
        foreach (var holiday in Holidays)
        {
            if (holiday.Date is not { } date)
            {
                return (null, L["HolidayDateRequired"]);
            }
            holidays.Add(new Holiday { Date = DateOnly.FromDateTime(date), Name = holiday.Name ?? "" });
        }
        return (new BusinessCalendar
        {
            Id = Id, Name = Name, TimeZoneId = TimeZoneId ?? "", IsDefault = IsDefault, TeamIds = [.. TeamIds], Blocks = blocks, Holidays = holidays,
        }, null);
    }
}

public sealed class BlockDraft
{
    public string? Start { get; set; }
    public string? End { get; set; }
}

public sealed class HolidayDraft
{
    public DateTime? Date { get; set; }
    public string? Name { get; set; }
}

/// <summary>How times and durations read on the admin pages.</summary>
public static class SlaFormat
{
    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    /// <summary>"9:00", "09:00" or "24:00" as minutes after midnight; null when it is not such a time.</summary>
    public static int? ParseClock(string? text)
    {
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || parts[1].Length != 2)
        {
            return null;
        }
        var total = (hours * 60) + minutes;
        return minutes < 60 && total <= 1440 ? total : null;
    }

    public static string Duration(int minutes) =>
        minutes % (24 * 60) == 0 && minutes >= 24 * 60 * 2 ? $"{minutes / (24 * 60)} d"
        : minutes >= 60 ? (minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min")
        : $"{minutes} min";

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    public static string ShortDayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}

/// <summary>What the policy editor needs to offer: teams and active agents.</summary>
public sealed record SlaChoices(IReadOnlyList<Components.Option<int>> Teams, IReadOnlyList<Components.Option<string>> Agents);

internal static class PolicyDefaults
{
    public static SlaPolicy New() => new() { Name = "", FirstResponseMinutes = 60, ResolutionMinutes = 8 * 60 };

    public static SlaPolicy Copy(SlaPolicy p) => new()
    {
        Id = p.Id, Name = p.Name, Position = p.Position, IsEnabled = p.IsEnabled,
        Priorities = [.. p.Priorities], Channels = [.. p.Channels], TeamIds = [.. p.TeamIds], VipCustomers = p.VipCustomers,
        FirstResponseMinutes = p.FirstResponseMinutes, FirstResponseBusinessHours = p.FirstResponseBusinessHours,
        NextResponseMinutes = p.NextResponseMinutes, NextResponseBusinessHours = p.NextResponseBusinessHours,
        ResolutionMinutes = p.ResolutionMinutes, ResolutionBusinessHours = p.ResolutionBusinessHours,
        PauseStatuses = [.. p.PauseStatuses], WarningPercent = p.WarningPercent,
        NotifyAssignee = p.NotifyAssignee, NotifyTeam = p.NotifyTeam, NotifyAgentId = p.NotifyAgentId,
        RaisePriority = p.RaisePriority, EscalateTeamId = p.EscalateTeamId, EscalateTier = p.EscalateTier,
    };

    public static readonly IReadOnlyList<TicketStatus> Pausable = SlaPolicyRules.PausableStatuses;
}
