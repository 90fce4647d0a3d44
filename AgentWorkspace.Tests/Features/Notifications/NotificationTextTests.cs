using AgentWorkspace.Features.Notifications;

namespace AgentWorkspace.Tests.Features.Notifications;

/// <summary>Notifications are written in the recipient's language, nested texts (an SLA target's name) included.</summary>
public sealed class NotificationTextTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 30, 0, TimeSpan.Zero);

    public static TheoryData<NotificationText> EveryText() =>
    [
        NotificationText.TicketAssigned("Ana García", 1001),
        NotificationText.Mentioned("Ana García", 1001),
        NotificationText.ReviewRequested("Ana García", "Refunds"),
        NotificationText.ArticlePublished("Rita Okafor", "Refunds"),
        NotificationText.ChangesRequested("Rita Okafor", "Refunds"),
        NotificationText.SlaAtRisk(1001, NotificationText.SlaTarget("FirstResponse"), At),
        NotificationText.SlaAtRisk(1001, NotificationText.SlaTarget("NextResponse"), null),
        NotificationText.SlaBreached(1001, NotificationText.SlaTarget("Resolution"), "Urgent"),
        NotificationText.WaitingReminder(1001, onHold: false, At),
        NotificationText.WaitingReminder(1001, onHold: true, At),
    ];

    [Theory]
    [MemberData(nameof(EveryText))]
    public void EveryNotification_HasItsWordsInBothLanguages(NotificationText text)
    {
        var english = text.In("en");
        var spanish = text.In("es");

        english.ShouldNotBeNullOrWhiteSpace();
        spanish.ShouldNotBe(english);
        spanish.ShouldNotContain("SlaTarget_");
    }

    [Fact]
    public void AnSlaBreach_ReadsNaturallyInSpanish_WithTheTargetNamedInSpanish()
    {
        NotificationText.SlaBreached(1001, NotificationText.SlaTarget("FirstResponse"), "Urgente").In("es")
            .ShouldBe("SLA incumplido en el ticket #1001: primera respuesta (Urgente)");
        NotificationText.SlaAtRisk(1001, NotificationText.SlaTarget("Resolution"), At).In("en")
            .ShouldBe("#1001 is at risk: resolution due 2026-12-01 15:30 UTC");
    }

    [Fact]
    public void AnAgentWhoHasNotChosen_GetsEnglish() =>
        NotificationText.Mentioned("Ana García", 7).In(null).ShouldBe("Ana García mentioned you on #7");
}
