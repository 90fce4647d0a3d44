using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Sla;

/// <summary>The policies (in order) and calendars, read together so one computation sees one consistent set.</summary>
internal sealed class SlaSettings
{
    private readonly IReadOnlyList<SlaPolicy> policies;
    private readonly IReadOnlyList<(BusinessCalendar Calendar, BusinessSchedule Schedule)> calendars;

    private SlaSettings(IReadOnlyList<SlaPolicy> policies, IReadOnlyList<(BusinessCalendar, BusinessSchedule)> calendars)
    {
        this.policies = policies;
        this.calendars = calendars;
    }

    public static async Task<SlaSettings> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var policies = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var calendars = await db.BusinessCalendars.AsNoTracking().Include(c => c.Blocks).Include(c => c.Holidays)
            .AsSplitQuery().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new SlaSettings(policies, calendars.Select(c => (c, BusinessSchedule.For(c))).ToList());
    }

    public SlaPolicy? PolicyFor(TicketPriority priority, TicketChannel channel, int? teamId, bool isVip) =>
        policies.FirstOrDefault(p => p.Matches(priority, channel, teamId, isVip));

    /// <summary>
    /// The team's own calendar, else the default one. With no calendar at all, business hours are every hour (and the
    /// name is null), so a workspace that has set up policies but no calendar still gets due times.
    /// </summary>
    public (string? Name, WorkingTime Time) CalendarFor(int? teamId)
    {
        foreach (var (calendar, schedule) in calendars)
        {
            if (teamId is { } team && calendar.TeamIds.Contains(team))
            {
                return (calendar.Name, schedule);
            }
        }
        var fallback = calendars.FirstOrDefault(c => c.Calendar.IsDefault);
        if (fallback.Calendar is null && calendars.Count > 0)
        {
            fallback = calendars[0];
        }
        return fallback.Calendar is null ? (null, WorkingTime.Continuous) : (fallback.Calendar.Name, fallback.Schedule);
    }
}
