using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;

namespace AgentWorkspace.Tests.Components;

public sealed class BadgeTests : ComponentTest
{
    [Theory]
    [InlineData(TicketStatus.WaitingOnCustomer, "Waiting on customer")]
    [InlineData(TicketStatus.InProgress, "In progress")]
    [InlineData(TicketStatus.Closed, "Closed")]
    public void StatusBadge_ShowsTheHumanLabel(TicketStatus status, string label)
    {
        var html = Render<StatusBadge>(p => p.Add(b => b.Status, status)).Markup;

        html.ShouldContain(label);
        html.ShouldContain($"data-status=\"{status}\"");
    }

    [Fact]
    public void PriorityBadge_MarksUrgentDistinctly()
    {
        var html = Render<PriorityBadge>(p => p.Add(b => b.Priority, TicketPriority.Urgent)).Markup;

        html.ShouldContain("aw-priority-urgent");
        html.ShouldContain("Urgent");
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(5 * 60, "5 min ago")]
    [InlineData(3 * 3600, "3 h ago")]
    [InlineData(2 * 86400, "2 d ago")]
    public void RelativeTime_DescribesAges(int secondsAgo, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        RelativeTime.Describe(now.AddSeconds(-secondsAgo), now).ShouldBe(expected);
    }

    [Fact]
    public void ASpanishSpeakingAgent_SeesStatusesPrioritiesAndAgesInSpanish()
    {
        UseLanguage("es");
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        Render<StatusBadge>(p => p.Add(b => b.Status, TicketStatus.InProgress)).Markup.ShouldContain("En curso");
        Render<PriorityBadge>(p => p.Add(b => b.Priority, TicketPriority.Urgent)).Markup.ShouldContain("Urgente");
        RelativeTime.Describe(now.AddMinutes(-5), now).ShouldBe("hace 5 min");
    }

    [Fact]
    public void EveryStatusPriorityAndChannel_HasAWordInBothLanguages()
    {
        foreach (var language in new[] { "en", "es" })
        {
            UseLanguage(language);
            Enum.GetValues<TicketStatus>().Select(TicketWords.Status).ShouldAllBe(w => !string.IsNullOrWhiteSpace(w));
            Enum.GetValues<TicketPriority>().Select(TicketWords.Priority).ShouldAllBe(w => !string.IsNullOrWhiteSpace(w));
            Enum.GetValues<TicketChannel>().Select(TicketWords.Channel).ShouldAllBe(w => !string.IsNullOrWhiteSpace(w));
        }
    }
}
