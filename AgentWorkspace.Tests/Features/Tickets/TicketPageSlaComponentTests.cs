using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>
/// The ticket header's SLA targets: every target with its state and remaining business time, and what the browser needs
/// to count down by itself (due instants, the calendar's openings, the localized formats).
/// </summary>
public sealed class TicketPageSlaComponentTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static SlaTargetView Target(SlaTargetKind kind, SlaStatus status, DateTimeOffset? due, TimeSpan? remaining, DateTimeOffset? met = null) =>
        new(kind, 240, true, status, Now.AddHours(-1), due, due?.AddMinutes(-60), met, status == SlaStatus.Breached ? due : null, TimeSpan.FromMinutes(60), remaining);

    private static SlaTimers Timers(params SlaTargetView[] targets) => new(
        new TicketSla(1, "Standard", "Office", SlaStatus.OnTrack, targets.FirstOrDefault(), targets, null),
        Now,
        [(Now, Now.AddHours(8)), (Now.AddDays(1), Now.AddDays(1).AddHours(8))]);

    private IRenderedComponent<TicketPageSla> RenderTimers(SlaTimers? timers) => Render<TicketPageSla>(p => p.Add(c => c.Timers, timers));

    [Fact]
    public void EveryTarget_ShowsItsStateAndRemainingBusinessTime()
    {
        var header = RenderTimers(Timers(
            Target(SlaTargetKind.FirstResponse, SlaStatus.Met, Now.AddHours(2), null, met: Now.AddMinutes(-30)),
            Target(SlaTargetKind.NextResponse, SlaStatus.Breached, Now.AddMinutes(-35), TimeSpan.FromMinutes(-35)),
            Target(SlaTargetKind.Resolution, SlaStatus.OnTrack, Now.AddHours(26), TimeSpan.FromMinutes(130))));

        var targets = header.FindAll("[data-testid=sla-target]");
        targets.Select(t => t.GetAttribute("data-target")).ShouldBe(["FirstResponse", "NextResponse", "Resolution"]);
        targets.Select(t => t.GetAttribute("data-sla")).ShouldBe(["Met", "Breached", "OnTrack"]);
        targets[1].QuerySelector(".aw-sla-target-word")!.TextContent.ShouldBe("Breached");
        targets[1].QuerySelector("[data-testid=sla-remaining]")!.TextContent.ShouldBe("overdue 35 m");
        targets[2].QuerySelector("[data-testid=sla-remaining]")!.TextContent.ShouldBe("2 h 10 m left");
        // A met target doesn't tick; running ones carry their due instant and count on business hours.
        targets[0].HasAttribute("data-due").ShouldBeFalse();
        targets[2].GetAttribute("data-due").ShouldBe(Now.AddHours(26).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        targets[2].GetAttribute("data-business").ShouldBe("true");
    }

    [Fact]
    public void TheBrowserGetsTheOpeningsAndTheFormats_AndTheTickerIsStarted()
    {
        var module = JSInterop.SetupModule("./Features/Tickets/TicketPageSla.razor.js");
        module.SetupModule("tick", _ => true);
        var header = RenderTimers(Timers(Target(SlaTargetKind.Resolution, SlaStatus.OnTrack, Now.AddHours(26), TimeSpan.FromMinutes(130))));

        var box = header.Find("[data-testid=sla-timers]");
        box.GetAttribute("data-openings").ShouldBe(
            $"{Now.ToUnixTimeMilliseconds()}-{Now.AddHours(8).ToUnixTimeMilliseconds()} {Now.AddDays(1).ToUnixTimeMilliseconds()}-{Now.AddDays(1).AddHours(8).ToUnixTimeMilliseconds()}");
        box.GetAttribute("data-left").ShouldBe("{0} left");
        box.GetAttribute("data-hours").ShouldBe("{0} h {1} m");
        module.VerifyInvoke("tick", calledTimes: 1);
    }

    [Fact]
    public void APausedTarget_SaysWhatIsLeftWhenItResumes_AndDoesNotTick()
    {
        var header = RenderTimers(Timers(Target(SlaTargetKind.Resolution, SlaStatus.Paused, null, TimeSpan.FromMinutes(180))));

        var target = header.Find("[data-testid=sla-target]");
        target.HasAttribute("data-due").ShouldBeFalse();
        target.QuerySelector("[data-testid=sla-remaining]")!.TextContent.ShouldBe("3 h 0 m left when it resumes");
    }

    [Fact]
    public void InSpanish_TargetsStatesAndTimesAreSpanish()
    {
        UseLanguage("es");

        var header = RenderTimers(Timers(
            Target(SlaTargetKind.FirstResponse, SlaStatus.AtRisk, Now.AddMinutes(50), TimeSpan.FromMinutes(50)),
            Target(SlaTargetKind.Resolution, SlaStatus.Breached, Now.AddMinutes(-90), TimeSpan.FromMinutes(-90))));

        var targets = header.FindAll("[data-testid=sla-target]");
        targets[0].QuerySelector(".aw-sla-target-name")!.TextContent.ShouldBe("Primera respuesta");
        targets[0].QuerySelector(".aw-sla-target-word")!.TextContent.ShouldBe("En riesgo");
        targets[0].QuerySelector("[data-testid=sla-remaining]")!.TextContent.ShouldBe("quedan 50 min");
        targets[1].QuerySelector("[data-testid=sla-remaining]")!.TextContent.ShouldBe("vencido hace 1 h 30 min");
        header.Find("[data-testid=sla-timers]").GetAttribute("data-overdue").ShouldBe("vencido hace {0}");
    }

    [Fact]
    public void WithoutAPolicy_NothingIsShown()
    {
        RenderTimers(null).FindAll("[data-testid=sla-timers]").ShouldBeEmpty();
    }
}
