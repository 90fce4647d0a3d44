using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>A rule's canned reply is stored as an agent message without an agent: it must not pass for anyone's response.</summary>
public sealed class AutomaticReplyMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnAutomaticReply_IsNotAPublicAgentReply_ButAnAgentsReplyIs()
    {
        ReportMetrics.IsPublicAgentReply(new HistoryMessage(2, AuthorKind.Agent, MessageVisibility.Public, null, At)).ShouldBeFalse();
        ReportMetrics.IsPublicAgentReply(new HistoryMessage(3, AuthorKind.Agent, MessageVisibility.Public, "agent-1", At)).ShouldBeTrue();
        ReportMetrics.IsPublicAgentReply(new HistoryMessage(4, AuthorKind.Agent, MessageVisibility.Internal, "agent-1", At)).ShouldBeFalse();
    }
}
