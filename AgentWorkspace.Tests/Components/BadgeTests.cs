using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Components;

public sealed class BadgeTests
{
    [Theory]
    [InlineData(TicketStatus.WaitingOnCustomer, "Waiting on customer")]
    [InlineData(TicketStatus.InProgress, "In progress")]
    [InlineData(TicketStatus.Closed, "Closed")]
    public async Task StatusBadge_ShowsTheHumanLabel(TicketStatus status, string label)
    {
        var html = await ComponentRenderer.RenderAsync<StatusBadge>(new Dictionary<string, object?> { [nameof(StatusBadge.Status)] = status });

        html.ShouldContain(label);
        html.ShouldContain($"data-status=\"{status}\"");
    }

    [Fact]
    public async Task PriorityBadge_MarksUrgentDistinctly()
    {
        var html = await ComponentRenderer.RenderAsync<PriorityBadge>(new Dictionary<string, object?> { [nameof(PriorityBadge.Priority)] = TicketPriority.Urgent });

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
}
