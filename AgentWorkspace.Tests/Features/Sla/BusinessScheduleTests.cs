using AgentWorkspace.Features.Sla;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>Business-time arithmetic with exact expected instants: breaks, nights, weekends, holidays, DST both ways, midnight.</summary>
public sealed class BusinessScheduleTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Mon-Fri 9:00-13:00 and 14:00-18:00, closed on 8 December 2026 (a Tuesday).</summary>
    private static BusinessSchedule Office(string zone = "Europe/Madrid", params DateOnly[] holidays) => new(
        TimeZoneInfo.FindSystemTimeZoneById(zone),
        Weekdays.SelectMany(d => new[] { (d, 9 * 60, 13 * 60), (d, 14 * 60, 18 * 60) }),
        holidays.Length > 0 ? holidays : [new DateOnly(2026, 12, 8)]);

    private static BusinessSchedule AllDay(string zone, params (int Start, int End)[] blocks) => new(
        TimeZoneInfo.FindSystemTimeZoneById(zone),
        Enum.GetValues<DayOfWeek>().SelectMany(d => blocks.Select(b => (d, b.Start, b.End))),
        []);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AddingAcrossTheLunchBreak_SkipsTheBreak()
    {
        // Monday 7 Dec 2026, 12:30 in Madrid (UTC+1): 30 minutes before lunch, 30 after.
        Office().Add(Utc("2026-12-07T11:30:00"), TimeSpan.FromMinutes(60)).ShouldBe(Utc("2026-12-07T13:30:00"));
    }

    [Fact]
    public void TimeThatRunsOutAtTheEndOfABlock_IsDueAtThatEnd_NotAtTheNextOpening()
    {
        Office().Add(Utc("2026-12-07T11:00:00"), TimeSpan.FromMinutes(60)).ShouldBe(Utc("2026-12-07T12:00:00")); // 13:00 local
        Office().Add(Utc("2026-12-07T16:00:00"), TimeSpan.FromMinutes(60)).ShouldBe(Utc("2026-12-07T17:00:00")); // 18:00 local
    }

    [Fact]
    public void AddingOverTheWeekend_ContinuesOnMonday()
    {
        // Friday 11 Dec 17:30 local + 1 h: 30 min on Friday, 30 on Monday 14 Dec from 09:00.
        Office().Add(Utc("2026-12-11T16:30:00"), TimeSpan.FromHours(1)).ShouldBe(Utc("2026-12-14T08:30:00"));
    }

    [Fact]
    public void StartingOutsideOpeningHours_CountsFromTheNextOpening()
    {
        Office().Add(Utc("2026-12-12T09:00:00"), TimeSpan.FromMinutes(30)).ShouldBe(Utc("2026-12-14T08:30:00")); // Saturday
        Office().Add(Utc("2026-12-07T12:30:00"), TimeSpan.FromMinutes(30)).ShouldBe(Utc("2026-12-07T13:30:00")); // at lunch
        Office().Add(Utc("2026-12-07T05:00:00"), TimeSpan.FromMinutes(30)).ShouldBe(Utc("2026-12-07T08:30:00")); // at dawn
    }

    [Fact]
    public void AHoliday_IsClosedAllDay()
    {
        // Monday 7 Dec 17:00 local + 2 h: one hour on Monday, Tuesday 8 is a holiday, one hour on Wednesday.
        Office().Add(Utc("2026-12-07T16:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2026-12-09T09:00:00"));
        Office().Between(Utc("2026-12-07T16:00:00"), Utc("2026-12-09T09:00:00")).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void BusinessTimeBetween_CountsOnlyOpeningHours()
    {
        var office = Office();
        office.Between(Utc("2026-12-07T08:00:00"), Utc("2026-12-07T17:00:00")).ShouldBe(TimeSpan.FromHours(8)); // a whole day
        office.Between(Utc("2026-12-11T16:00:00"), Utc("2026-12-14T09:00:00")).ShouldBe(TimeSpan.FromHours(2)); // Fri 17:00 to Mon 10:00
        office.Between(Utc("2026-12-07T12:05:00"), Utc("2026-12-07T12:55:00")).ShouldBe(TimeSpan.Zero); // all at lunch
        office.Between(Utc("2026-12-07T17:00:00"), Utc("2026-12-07T08:00:00")).ShouldBe(TimeSpan.Zero); // backwards
        // A week: four working days (Tuesday is a holiday) of 8 hours.
        office.Between(Utc("2026-12-07T00:00:00"), Utc("2026-12-14T00:00:00")).ShouldBe(TimeSpan.FromHours(32));
    }

    [Fact]
    public void Subtracting_WalksBackOverBreaksNightsAndHolidays()
    {
        var office = Office();
        office.Subtract(Utc("2026-12-07T13:30:00"), TimeSpan.FromMinutes(60)).ShouldBe(Utc("2026-12-07T11:30:00"));
        office.Subtract(Utc("2026-12-14T08:30:00"), TimeSpan.FromHours(1)).ShouldBe(Utc("2026-12-11T16:30:00"));
        office.Subtract(Utc("2026-12-09T09:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2026-12-07T16:00:00"));
    }

    [Fact]
    public void MadridSpringForward_TheWeekendChangeMovesMondaysOpeningInUtc()
    {
        // Clocks go forward on Sunday 28 March 2027 (02:00 CET -> 03:00 CEST). Friday 17:00 CET + 2 h:
        // Friday 17-18 (16:00-17:00 UTC), then Monday 09:00-10:00 CEST (07:00-08:00 UTC).
        var office = Office("Europe/Madrid", new DateOnly(2000, 1, 1));
        office.Add(Utc("2027-03-26T16:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2027-03-29T08:00:00"));
        office.Between(Utc("2027-03-26T16:00:00"), Utc("2027-03-29T08:00:00")).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void MadridSpringForward_ADayOpenAroundTheClockLasts23Hours_AndABlockInTheGapStartsWhenTheClocksJump()
    {
        var allDay = AllDay("Europe/Madrid", (0, 1440));
        // Sunday 28 March 2027 runs from 23:00 UTC on Saturday to 22:00 UTC on Sunday.
        allDay.Between(Utc("2027-03-27T23:00:00"), Utc("2027-03-28T22:00:00")).ShouldBe(TimeSpan.FromHours(23));
        allDay.Add(Utc("2027-03-28T00:30:00"), TimeSpan.FromHours(1)).ShouldBe(Utc("2027-03-28T01:30:00")); // real time, across the jump

        // 02:00-04:00 local that day: 02:00-03:00 never happens, so one hour, from 03:00 CEST (01:00 UTC).
        var night = AllDay("Europe/Madrid", (2 * 60, 4 * 60));
        night.Between(Utc("2027-03-27T22:00:00"), Utc("2027-03-28T22:00:00")).ShouldBe(TimeSpan.FromHours(1));
        night.Add(Utc("2027-03-27T12:00:00"), TimeSpan.FromMinutes(30)).ShouldBe(Utc("2027-03-28T01:30:00"));
    }

    [Fact]
    public void MadridFallBack_ADayOpenAroundTheClockLasts25Hours_AndTheRepeatedHourCountsTwice()
    {
        // Clocks go back on Sunday 25 October 2026 (03:00 CEST -> 02:00 CET).
        var allDay = AllDay("Europe/Madrid", (0, 1440));
        allDay.Between(Utc("2026-10-24T22:00:00"), Utc("2026-10-25T23:00:00")).ShouldBe(TimeSpan.FromHours(25));

        // 02:00-03:00 local that day happens twice: 00:00-01:00 UTC (CEST) and 01:00-02:00 UTC (CET).
        var repeated = AllDay("Europe/Madrid", (2 * 60, 3 * 60));
        repeated.Between(Utc("2026-10-24T22:00:00"), Utc("2026-10-25T23:00:00")).ShouldBe(TimeSpan.FromHours(2));
        repeated.Add(Utc("2026-10-24T22:00:00"), TimeSpan.FromMinutes(90)).ShouldBe(Utc("2026-10-25T01:30:00"));
    }

    [Fact]
    public void NewYork_BothChanges_GiveTheRealLengthOfTheBlock()
    {
        var earlyHours = AllDay("America/New_York", (0, 3 * 60));
        // Sunday 1 Nov 2026, clocks back at 02:00 EDT: 00:00 EDT (04:00 UTC) to 03:00 EST (08:00 UTC) is 4 hours.
        earlyHours.Between(Utc("2026-11-01T04:00:00"), Utc("2026-11-01T09:00:00")).ShouldBe(TimeSpan.FromHours(4));
        earlyHours.Add(Utc("2026-11-01T04:00:00"), TimeSpan.FromHours(4)).ShouldBe(Utc("2026-11-01T08:00:00"));
        // Sunday 14 Mar 2027, clocks forward at 02:00 EST: 00:00 EST (05:00 UTC) to 03:00 EDT (07:00 UTC) is 2 hours.
        earlyHours.Between(Utc("2027-03-14T05:00:00"), Utc("2027-03-14T10:00:00")).ShouldBe(TimeSpan.FromHours(2));
        earlyHours.Add(Utc("2027-03-14T05:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2027-03-14T07:00:00"));
        // The next day it is 3 hours again, at the new offset: 04:00-07:00 UTC.
        earlyHours.Add(Utc("2027-03-14T07:00:00"), TimeSpan.FromMinutes(1)).ShouldBe(Utc("2027-03-15T04:01:00"));
    }

    [Fact]
    public void MexicoCity_KeptDstUntil2022_AndNotSince()
    {
        var office = Office("America/Mexico_City", new DateOnly(2000, 1, 1));
        // 2022: clocks forward on Sunday 3 April (CST UTC-6 -> CDT UTC-5). Friday 17:00 CST + 2 h -> Monday 10:00 CDT.
        office.Add(Utc("2022-04-01T23:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2022-04-04T15:00:00"));
        // 2026: no DST any more, Monday 10:00 is 16:00 UTC.
        office.Add(Utc("2026-04-03T23:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2026-04-06T16:00:00"));
    }

    [Fact]
    public void ANightShiftAcrossMidnight_IsOneStretch()
    {
        // Monday 22:00-24:00 and Tuesday 00:00-02:00, in Madrid in winter (UTC+1).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var nights = new BusinessSchedule(zone, [(DayOfWeek.Monday, 22 * 60, 1440), (DayOfWeek.Tuesday, 0, 2 * 60)], []);
        nights.Add(Utc("2026-12-07T22:00:00"), TimeSpan.FromHours(2)).ShouldBe(Utc("2026-12-08T00:00:00")); // 23:00 + 2 h = 01:00
        nights.Between(Utc("2026-12-07T20:00:00"), Utc("2026-12-08T02:00:00")).ShouldBe(TimeSpan.FromHours(4));
        // After Tuesday 02:00 the next opening is a week later.
        nights.Add(Utc("2026-12-08T00:30:00"), TimeSpan.FromHours(1)).ShouldBe(Utc("2026-12-14T21:30:00"));
    }

    [Fact]
    public void ACalendarWithoutOpeningHours_NeverReachesATarget()
    {
        var closed = new BusinessSchedule(TimeZoneInfo.Utc, [], []);
        closed.Add(Utc("2026-12-07T10:00:00"), TimeSpan.FromMinutes(1)).ShouldBeNull();
        closed.Between(Utc("2026-12-07T10:00:00"), Utc("2027-12-07T10:00:00")).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AddingThenMeasuring_GivesBackTheAmount_ForManyStartsAndAmounts()
    {
        var random = new Random(13);
        foreach (var zone in new[] { "Europe/Madrid", "America/New_York", "America/Mexico_City" })
        {
            var office = Office(zone);
            for (var i = 0; i < 300; i++)
            {
                // Across 2026 and 2027, so every DST change of those years is crossed by some of them.
                var start = Utc("2026-01-01T00:00:00").AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
                var amount = TimeSpan.FromMinutes(random.Next(0, 60 * 60));
                var due = office.Add(start, amount)!.Value;
                office.Between(start, due).ShouldBe(amount, $"{zone} from {start:o} + {amount}");
                if (amount > TimeSpan.Zero)
                {
                    office.Between(start, due.AddTicks(-1)).ShouldBeLessThan(amount);
                    // The latest start with that much business time before the due instant: never earlier than our start.
                    office.Subtract(due, amount)!.Value.ShouldBeGreaterThanOrEqualTo(start);
                    office.Between(office.Subtract(due, amount)!.Value, due).ShouldBe(amount);
                }
            }
        }
    }

    [Fact]
    public void CalendarHours_AreRealTime()
    {
        WorkingTime.Continuous.Add(Utc("2026-12-11T16:30:00"), TimeSpan.FromHours(1)).ShouldBe(Utc("2026-12-11T17:30:00"));
        WorkingTime.Continuous.Between(Utc("2026-12-11T16:30:00"), Utc("2026-12-14T16:30:00")).ShouldBe(TimeSpan.FromDays(3));
    }
}
