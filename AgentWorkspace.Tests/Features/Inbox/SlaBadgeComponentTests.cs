using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The inbox row's SLA badge: its state in a word and an icon (not colour alone) and the time left or overdue.</summary>
public sealed class SlaBadgeComponentTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private IRenderedComponent<SlaBadge> RenderBadge(InboxSla sla) => Render<SlaBadge>(p => p.Add(b => b.Sla, sla).Add(b => b.Now, Now));

    public static TheoryData<string, string, string, string> States => new()
    {
        // Due in 2 h 10 m, warned at 2 h before due: on track.
        { "on track", "OnTrack", "On track", "2 h 10 m left" },
        { "at risk", "AtRisk", "At risk", "50 m left" },
        { "breached", "Breached", "Breached", "overdue 35 m" },
        { "paused", "Paused", "Paused", "" },
    };

    private static InboxSla Sla(string state) => state switch
    {
        "on track" => new(Now.AddMinutes(130), Now.AddMinutes(10), SlaTargetKind.FirstResponse, false),
        "at risk" => new(Now.AddMinutes(50), Now.AddMinutes(-10), SlaTargetKind.Resolution, false),
        "breached" => new(Now.AddMinutes(-35), Now.AddMinutes(-60), SlaTargetKind.NextResponse, false),
        _ => new(null, null, null, true),
    };

    [Theory]
    [MemberData(nameof(States))]
    public void EachState_IsSaidInWordsWithAnIcon_AndTheTime(string state, string status, string word, string time)
    {
        var badge = RenderBadge(Sla(state)).Find("[data-testid=sla-badge]");

        badge.GetAttribute("data-sla").ShouldBe(status);
        badge.QuerySelector(".aw-sla-word")!.TextContent.ShouldBe(word);
        badge.QuerySelector("svg[aria-hidden=true]").ShouldNotBeNull();
        (badge.QuerySelector(".aw-sla-time")?.TextContent ?? "").ShouldBe(time);
    }

    [Fact]
    public void ATicketWithoutARunningTarget_ShowsADashWithAHiddenLabel()
    {
        var badge = RenderBadge(InboxSla.None).Find("[data-testid=sla-badge]");

        badge.GetAttribute("data-sla").ShouldBe("None");
        badge.QuerySelector(".aw-visually-hidden")!.TextContent.ShouldBe("No SLA target running");
    }

    [Fact]
    public void InSpanish_TheStateAndTheTimeAreSpanish()
    {
        UseLanguage("es");

        var onTrack = RenderBadge(Sla("on track")).Find("[data-testid=sla-badge]");
        var breached = RenderBadge(Sla("breached")).Find("[data-testid=sla-badge]");

        onTrack.QuerySelector(".aw-sla-word")!.TextContent.ShouldBe("A tiempo");
        onTrack.QuerySelector(".aw-sla-time")!.TextContent.ShouldBe("quedan 2 h 10 min");
        onTrack.GetAttribute("title")!.ShouldStartWith("Primera respuesta: vence el");
        breached.QuerySelector(".aw-sla-word")!.TextContent.ShouldBe("Incumplido");
        breached.QuerySelector(".aw-sla-time")!.TextContent.ShouldBe("vencido hace 35 min");
    }

    [Fact]
    public void LongSpans_AreDaysAndHours()
    {
        var badge = RenderBadge(new(Now.AddHours(50).AddMinutes(5), null, SlaTargetKind.Resolution, false)).Find(".aw-sla-time");

        badge.TextContent.ShouldBe("2 d 2 h left");
    }
}
