using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Sla;

public static class BusinessCalendarRules
{
    public const int MaxNameLength = 100;
    public const int MaxBlocksPerDay = 6;
    public const int MaxHolidays = 200;
}

public static class SlaPolicyRules
{
    public const int MaxNameLength = 100;

    /// <summary>A year: longer than any target anyone means.</summary>
    public const int MaxTargetMinutes = 366 * 24 * 60;

    public static readonly IReadOnlyList<TicketStatus> PausableStatuses = [TicketStatus.WaitingOnCustomer, TicketStatus.OnHold];
}

public sealed record SlaAdminResult(bool Succeeded, string? Error = null, int? Id = null)
{
    public static SlaAdminResult Ok(int id) => new(true, null, id);
    public static SlaAdminResult Fail(string error) => new(false, error);
}

/// <summary>
/// Admin changes to business calendars and SLA policies, checked here (messages in the admin's language). Every saved
/// change recomputes the open tickets' clocks in the background (<see cref="Recomputing"/>), and each ticket whose
/// policy changed says so in its history.
/// </summary>
public sealed class SlaAdminService(
    IDbContextFactory<AppDbContext> dbFactory, SlaEngine engine, TimeProvider clock, IStringLocalizer<SlaStrings> L, ILogger<SlaAdminService> logger)
{
    /// <summary>The recomputation started by the latest change (tests and the page can wait for it).</summary>
    public Task Recomputing { get; private set; } = Task.CompletedTask;

    public async Task<IReadOnlyList<BusinessCalendar>> ListCalendarsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var calendars = await db.BusinessCalendars.AsNoTracking().Include(c => c.Blocks).Include(c => c.Holidays).AsSplitQuery()
            .OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name).ToListAsync();
        foreach (var calendar in calendars)
        {
            calendar.Blocks = calendar.Blocks.OrderBy(b => ((int)b.Day + 6) % 7).ThenBy(b => b.StartMinute).ToList();
            calendar.Holidays = calendar.Holidays.OrderBy(h => h.Date).ToList();
        }
        return calendars;
    }

    public async Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync();
    }

    /// <summary>Teams and active agents, for the editors' choices.</summary>
    public async Task<SlaChoices> ChoicesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Components.Option<int>(t.Id, t.Name)).ToListAsync();
        var agents = await db.Users.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.DisplayName)
            .Select(a => new Components.Option<string>(a.Id, a.DisplayName)).ToListAsync();
        return new SlaChoices(teams, agents);
    }

    /// <summary>Creates (Id 0) or replaces a calendar with <paramref name="input"/>'s name, zone, teams, blocks and holidays.</summary>
    public async Task<SlaAdminResult> SaveCalendarAsync(BusinessCalendar input)
    {
        var name = TextInput.Line(input.Name, "The name", BusinessCalendarRules.MaxNameLength);
        if (!name.IsValid)
            return SlaAdminResult.Fail(name.Problem == TextProblem.TooLong ? L["NameTooLong", BusinessCalendarRules.MaxNameLength] : L["NameRequired"]);
        if (!TryZone(input.TimeZoneId, out _))
            return SlaAdminResult.Fail(L["UnknownTimeZone", input.TimeZoneId ?? ""]);
        foreach (var block in input.Blocks)
        {
            if (block.StartMinute is < 0 or >= 1440 || block.EndMinute is <= 0 or > 1440 || block.EndMinute <= block.StartMinute)
                return SlaAdminResult.Fail(L["BlockOrder"]);
        }
        foreach (var day in input.Blocks.GroupBy(b => b.Day))
        {
            var ordered = day.OrderBy(b => b.StartMinute).ToList();
            if (ordered.Count > BusinessCalendarRules.MaxBlocksPerDay)
                return SlaAdminResult.Fail(L["TooManyBlocks", BusinessCalendarRules.MaxBlocksPerDay]);
            if (ordered.Zip(ordered.Skip(1)).Any(pair => pair.Second.StartMinute < pair.First.EndMinute))
                return SlaAdminResult.Fail(L["BlocksOverlap"]);
        }
        if (input.Holidays.Count > BusinessCalendarRules.MaxHolidays)
            return SlaAdminResult.Fail(L["TooManyHolidays", BusinessCalendarRules.MaxHolidays]);
        var holidays = new List<Holiday>();
        foreach (var holiday in input.Holidays)
        {
            var holidayName = TextInput.Line(holiday.Name, "The holiday", BusinessCalendarRules.MaxNameLength);
            if (!holidayName.IsValid)
                return SlaAdminResult.Fail(L["HolidayNameRequired"]);
            if (holidays.Any(h => h.Date == holiday.Date))
                return SlaAdminResult.Fail(L["HolidayTwice", holiday.Date.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            holidays.Add(new Holiday { Date = holiday.Date, Name = holidayName.Value! });
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.BusinessCalendars.AnyAsync(c => c.Name == name.Value && c.Id != input.Id))
            return SlaAdminResult.Fail(L["CalendarNameTaken", name.Value!]);
        var teamIds = input.TeamIds.Distinct().ToList();
        if (teamIds.Count > 0 && await db.Teams.CountAsync(t => teamIds.Contains(t.Id)) != teamIds.Count)
            return SlaAdminResult.Fail(L["UnknownTeam"]);
        var others = await db.BusinessCalendars.Where(c => c.Id != input.Id).ToListAsync();
        if (others.FirstOrDefault(c => c.TeamIds.Intersect(teamIds).Any()) is { } taken)
            return SlaAdminResult.Fail(L["TeamHasCalendar", taken.Name]);

        var calendar = input.Id == 0 ? null
            : await db.BusinessCalendars.Include(c => c.Blocks).Include(c => c.Holidays).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == input.Id);
        if (input.Id != 0 && calendar is null)
            return SlaAdminResult.Fail(L["CalendarGone"]);
        if (calendar is null)
        {
            calendar = new BusinessCalendar { Name = name.Value!, TimeZoneId = input.TimeZoneId };
            db.BusinessCalendars.Add(calendar);
        }
        // The first calendar is the default; one stays the default until another is made so.
        var isDefault = input.IsDefault || others.All(c => !c.IsDefault) || calendar.IsDefault;
        if (isDefault)
        {
            others.ForEach(c => c.IsDefault = false);
        }
        calendar.Name = name.Value!;
        calendar.TimeZoneId = input.TimeZoneId.Trim();
        calendar.IsDefault = isDefault;
        calendar.TeamIds = teamIds;
        calendar.Blocks = input.Blocks.Select(b => new OpeningBlock { Day = b.Day, StartMinute = b.StartMinute, EndMinute = b.EndMinute }).ToList();
        calendar.Holidays = holidays;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Recompute($"Calendar {calendar.Name} edited");
        return SlaAdminResult.Ok(calendar.Id);
    }

    public async Task<SlaAdminResult> DeleteCalendarAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var calendar = await db.BusinessCalendars.FirstOrDefaultAsync(c => c.Id == id);
        if (calendar is null)
            return SlaAdminResult.Fail(L["CalendarGone"]);
        if (calendar.IsDefault)
            return SlaAdminResult.Fail(L["DefaultCalendarStays"]);
        db.BusinessCalendars.Remove(calendar);
        await db.SaveChangesAsync();
        Recompute($"Calendar {calendar.Name} edited");
        return SlaAdminResult.Ok(id);
    }

    /// <summary>Creates (Id 0, placed last) or replaces a policy's conditions, targets, pauses, warning and breach actions.</summary>
    public async Task<SlaAdminResult> SavePolicyAsync(SlaPolicy input)
    {
        var name = TextInput.Line(input.Name, "The name", SlaPolicyRules.MaxNameLength);
        if (!name.IsValid)
            return SlaAdminResult.Fail(name.Problem == TextProblem.TooLong ? L["NameTooLong", SlaPolicyRules.MaxNameLength] : L["NameRequired"]);
        int?[] targets = [input.FirstResponseMinutes, input.NextResponseMinutes, input.ResolutionMinutes];
        if (targets.All(t => t is null))
            return SlaAdminResult.Fail(L["TargetRequired"]);
        if (targets.Any(t => t is <= 0 or > SlaPolicyRules.MaxTargetMinutes))
            return SlaAdminResult.Fail(L["TargetRange"]);
        if (input.WarningPercent is < 1 or > 99)
            return SlaAdminResult.Fail(L["WarningRange"]);
        if (input.PauseStatuses.Any(s => !SlaPolicyRules.PausableStatuses.Contains(s)))
            return SlaAdminResult.Fail(L["PauseStatusesInvalid"]);
        if (input.EscalateTier is < 1 or > 3)
            return SlaAdminResult.Fail(L["TierRange"]);

        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.SlaPolicies.AnyAsync(p => p.Name == name.Value && p.Id != input.Id))
            return SlaAdminResult.Fail(L["PolicyNameTaken", name.Value!]);
        var teams = input.TeamIds.Append(input.EscalateTeamId ?? input.TeamIds.FirstOrDefault()).Where(t => t != 0).Distinct().ToList();
        if (await db.Teams.CountAsync(t => teams.Contains(t.Id)) != teams.Count)
            return SlaAdminResult.Fail(L["UnknownTeam"]);
        if (input.NotifyAgentId is { } supervisor && !await db.Users.AnyAsync(a => a.Id == supervisor && a.IsActive))
            return SlaAdminResult.Fail(L["UnknownAgent"]);

        var policy = input.Id == 0 ? null : await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == input.Id);
        if (input.Id != 0 && policy is null)
            return SlaAdminResult.Fail(L["PolicyGone"]);
        if (policy is null)
        {
            policy = new SlaPolicy { Name = name.Value!, Position = (await db.SlaPolicies.MaxAsync(p => (int?)p.Position) ?? 0) + 1 };
            db.SlaPolicies.Add(policy);
        }
        policy.Name = name.Value!;
        policy.IsEnabled = input.IsEnabled;
        policy.Priorities = input.Priorities.Distinct().Order().ToList();
        policy.Channels = input.Channels.Distinct().Order().ToList();
        policy.TeamIds = input.TeamIds.Distinct().Order().ToList();
        policy.VipCustomers = input.VipCustomers;
        policy.FirstResponseMinutes = input.FirstResponseMinutes;
        policy.FirstResponseBusinessHours = input.FirstResponseBusinessHours;
        policy.NextResponseMinutes = input.NextResponseMinutes;
        policy.NextResponseBusinessHours = input.NextResponseBusinessHours;
        policy.ResolutionMinutes = input.ResolutionMinutes;
        policy.ResolutionBusinessHours = input.ResolutionBusinessHours;
        policy.PauseStatuses = input.PauseStatuses.Distinct().Order().ToList();
        policy.WarningPercent = input.WarningPercent;
        policy.NotifyAssignee = input.NotifyAssignee;
        policy.NotifyTeam = input.NotifyTeam;
        policy.NotifyAgentId = input.NotifyAgentId;
        policy.RaisePriority = input.RaisePriority;
        policy.EscalateTeamId = input.EscalateTeamId;
        policy.EscalateTier = input.EscalateTier;
        policy.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Recompute($"Policy {policy.Name} edited");
        return SlaAdminResult.Ok(policy.Id);
    }

    /// <summary>Moves a policy one place up (earlier: it wins over the ones after it) or down.</summary>
    public async Task<SlaAdminResult> MovePolicyAsync(int id, bool up)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var policies = await db.SlaPolicies.OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync();
        var index = policies.FindIndex(p => p.Id == id);
        if (index < 0)
            return SlaAdminResult.Fail(L["PolicyGone"]);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= policies.Count)
            return SlaAdminResult.Ok(id);
        (policies[index], policies[other]) = (policies[other], policies[index]);
        for (var i = 0; i < policies.Count; i++)
        {
            policies[i].Position = i + 1;
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Recompute("Policies reordered");
        return SlaAdminResult.Ok(id);
    }

    public async Task<SlaAdminResult> DeletePolicyAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id);
        if (policy is null)
            return SlaAdminResult.Fail(L["PolicyGone"]);
        db.SlaPolicies.Remove(policy);
        await db.SaveChangesAsync();
        Recompute($"Policy {policy.Name} edited");
        return SlaAdminResult.Ok(id);
    }

    /// <summary>Marks a customer VIP (or not) and recomputes their open tickets at once, which records any policy change.</summary>
    public async Task<SlaAdminResult> SetCustomerVipAsync(int customerId, bool isVip)
    {
        List<int> tickets;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var changed = await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsVip, isVip));
            if (changed == 0)
                return SlaAdminResult.Fail(L["CustomerGone"]);
            tickets = await db.Tickets.Where(t => t.CustomerId == customerId && t.Status != TicketStatus.Closed).Select(t => t.Id).ToListAsync();
        }
        await engine.ReconcileAsync(tickets);
        return SlaAdminResult.Ok(customerId);
    }

    public static bool TryZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
            return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Recomputes after the previous recomputation (the reason goes into ticket histories, which are stored in English), in the background: saving stays quick at any number of tickets.</summary>
    private void Recompute(string reason)
    {
        var previous = Recomputing;
        Recomputing = Task.Run(async () =>
        {
            try
            {
                await previous;
                await engine.RecomputeAllAsync(reason);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Recomputing SLA state after an admin change failed; tickets catch up on their next change");
            }
        });
    }
}
