using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>The business hours and SLA policies pages on the real <see cref="SlaAdminService"/>, over a SQLite file.</summary>
public sealed class SlaAdminPagesTests : ComponentTest, IAsyncLifetime
{
    private readonly TempDatabase database = new();

    public SlaAdminPagesTests()
    {
        var configuration = new ConfigurationBuilder().Build();
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddNotifications();
        Services.AddTickets();
        Services.AddScheduling(configuration);
        Services.AddSla(configuration);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        db.Teams.AddRange(new Team { Name = "Billing" }, new Team { Name = "Technical" });
        db.BusinessCalendars.Add(new BusinessCalendar
        {
            Name = "Madrid office", TimeZoneId = "Europe/Madrid", IsDefault = true,
            Blocks = [.. CalendarDraft.Week.Take(5).SelectMany(d => new[] { new OpeningBlock { Day = d, StartMinute = 540, EndMinute = 780 }, new OpeningBlock { Day = d, StartMinute = 840, EndMinute = 1080 } })],
            Holidays = [new Holiday { Date = new DateOnly(2026, 12, 8), Name = "Inmaculada" }],
        });
        db.SlaPolicies.AddRange(
            new SlaPolicy { Name = "Urgent", Position = 1, Priorities = [TicketPriority.Urgent], FirstResponseMinutes = 30, ResolutionMinutes = 240 },
            new SlaPolicy { Name = "VIP", Position = 2, VipCustomers = true, FirstResponseMinutes = 60, ResolutionMinutes = 480 },
            new SlaPolicy { Name = "Everything else", Position = 3, FirstResponseMinutes = 120, NextResponseMinutes = 240, ResolutionMinutes = 960 });
        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    private SlaAdminService Admin => Services.GetRequiredService<SlaAdminService>();

    [Fact]
    public void TheCalendarsPage_ListsEachCalendarsWeekHolidaysAndTeams()
    {
        var page = Render<BusinessCalendarsPage>();

        var row = page.WaitForElement("[data-testid=calendars-grid] tbody tr");
        row.TextContent.ShouldContain("Madrid office");
        row.TextContent.ShouldContain("Default");
        row.QuerySelectorAll(".aw-sla-week li").Select(li => li.TextContent).ShouldBe(
            ["Mon 09:00–13:00, 14:00–18:00", "Tue 09:00–13:00, 14:00–18:00", "Wed 09:00–13:00, 14:00–18:00", "Thu 09:00–13:00, 14:00–18:00", "Fri 09:00–13:00, 14:00–18:00"]);
        row.TextContent.ShouldContain("Every team without its own");
    }

    [Fact]
    public async Task ANewCalendar_WithALunchBreakAHolidayAndATeam_IsSaved()
    {
        var page = Render<BusinessCalendarsPage>();
        page.WaitForElement("[data-testid=new-calendar]").Click();

        page.Find("[data-testid=calendar-name]").Change("Technical desk");
        var friday = page.Find("[data-day=Friday]");
        friday.QuerySelectorAll("[data-testid=remove-block]")[1].Click(); // Friday afternoons off
        page.Find("[data-testid=add-holiday]").Click();
        page.Find("[data-testid=holiday-name]").Change("Company day");
        page.Find("[data-testid=calendar-teams]").QuerySelector("[data-value]")!.ShouldNotBeNull();
        TeamBox(page, "Technical").Change(true);
        page.Find("[data-testid=save-calendar]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=calendars-grid] tbody tr").Count.ShouldBe(2));
        var saved = (await Admin.ListCalendarsAsync()).Single(c => c.Name == "Technical desk");
        saved.TimeZoneId.ShouldBe("Europe/Madrid");
        saved.IsDefault.ShouldBeFalse();
        saved.Blocks.Count.ShouldBe(9);
        saved.Blocks.Where(b => b.Day == DayOfWeek.Friday).Select(b => (b.StartMinute, b.EndMinute)).ShouldBe([(540, 780)]);
        saved.Holidays.Single().Name.ShouldBe("Company day");
        var choices = await Admin.ChoicesAsync();
        saved.TeamIds.ShouldBe([choices.Teams.Single(t => t.Text == "Technical").Value]);
    }

    [Fact]
    public async Task ATimeThatIsNotATime_IsRefusedInSpanish_AndNothingIsSaved()
    {
        UseLanguage("es");
        var page = Render<BusinessCalendarsPage>();
        page.WaitForElement("[data-testid=new-calendar]").Click();
        page.Find("[data-testid=calendar-name]").Change("Oficina de México");

        page.Find("[data-day=Monday]").QuerySelector("[data-testid=block-start]")!.Change("9h");
        page.Find("[data-testid=save-calendar]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=calendar-error]").TextContent.ShouldContain("lunes: «9h» a «13:00» no es un horario como 09:00 a 13:00."));
        (await Admin.ListCalendarsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ThePoliciesPage_ListsPoliciesInOrder_AndMovingOneUpMakesItWinEarlier()
    {
        var page = Render<SlaPoliciesPage>();
        page.WaitForAssertion(() => Names(page).ShouldBe(["Urgent", "VIP", "Everything else"]));
        page.FindAll("[data-testid=policies-grid] tbody tr")[2].TextContent.ShouldContain("First response: 2 h, business hours");

        page.FindAll("[data-testid=move-up]")[2].Click();

        page.WaitForAssertion(() => Names(page).ShouldBe(["Urgent", "Everything else", "VIP"]));
        (await Admin.ListPoliciesAsync()).Select(p => (p.Name, p.Position)).ShouldBe([("Urgent", 1), ("Everything else", 2), ("VIP", 3)]);
    }

    [Fact]
    public async Task APolicyWithoutTargets_IsRefused_AndNothingIsSaved()
    {
        var page = Render<SlaPoliciesPage>();
        page.WaitForElement("[data-testid=new-policy]").Click();
        page.Find("[data-testid=policy-name-input]").Change("Chat");

        foreach (var minutes in page.FindAll("[data-testid=target-minutes]"))
        {
            minutes.Change("");
        }
        page.Find("[data-testid=save-policy]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=policy-error]").TextContent.ShouldBe("Set at least one target."));
        (await Admin.ListPoliciesAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task EditingAPolicy_SavesItsTargetPausesAndBreachActions()
    {
        var page = Render<SlaPoliciesPage>();
        page.WaitForElement("[data-testid=edit-policy]");
        page.FindAll("[data-testid=edit-policy]")[2].Click();

        page.Find("[data-target=FirstResponse] [data-testid=target-minutes]").Change("45");
        page.Find("[data-testid=policy-pauses] input[data-value=OnHold]").Change(true);
        page.Find("[data-testid=policy-raise-priority]").Change(true);
        page.Find("[data-testid=save-policy]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=policies-grid] tbody tr")[2].TextContent.ShouldContain("First response: 45 min, business hours"));
        var saved = (await Admin.ListPoliciesAsync()).Single(p => p.Name == "Everything else");
        saved.FirstResponseMinutes.ShouldBe(45);
        saved.PauseStatuses.ShouldBe([TicketStatus.WaitingOnCustomer, TicketStatus.OnHold]);
        saved.RaisePriority.ShouldBeTrue();
        page.FindAll("[data-testid=policies-grid] tbody tr")[2].TextContent.ShouldContain("Raise the priority one step");
    }

    [Fact]
    public void ThePoliciesPage_SpeaksSpanish()
    {
        UseLanguage("es");
        var page = Render<SlaPoliciesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=policies-grid] tbody tr").Count.ShouldBe(3));
        page.Find("h1").TextContent.ShouldBe("Políticas de SLA");
        var everything = page.FindAll("[data-testid=policies-grid] tbody tr")[2].TextContent;
        everything.ShouldContain("Primera respuesta: 2 h, horario laboral");
        everything.ShouldContain("En pausa mientras: Esperando al cliente");
        page.FindAll("[data-testid=policies-grid] tbody tr")[0].TextContent.ShouldContain("Urgente");
        page.Find("[data-testid=move-up]").GetAttribute("aria-label").ShouldBe("Subir Urgent");
    }

    private static List<string> Names(IRenderedComponent<SlaPoliciesPage> page) =>
        page.FindAll("[data-testid=policy-name]").Select(e => e.TextContent).ToList();

    private static IElement TeamBox(IRenderedComponent<BusinessCalendarsPage> page, string team)
    {
        var choices = page.Find("[data-testid=calendar-teams]");
        var label = choices.QuerySelectorAll("label").First(l => l.TextContent.Contains(team));
        return label.QuerySelector("input")!;
    }
}
