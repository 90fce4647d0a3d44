using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>Which tickets a policy's conditions take: every condition must hold; an empty one holds for all.</summary>
public sealed class SlaPolicyTests
{
    private static SlaPolicy Policy(Action<SlaPolicy>? conditions = null)
    {
        var policy = new SlaPolicy { Name = "p", FirstResponseMinutes = 60 };
        conditions?.Invoke(policy);
        return policy;
    }

    [Fact]
    public void APolicyWithoutConditions_TakesEveryTicket_UnlessDisabled()
    {
        Policy().Matches(TicketPriority.Low, TicketChannel.Phone, null, isVip: false).ShouldBeTrue();
        Policy(p => p.IsEnabled = false).Matches(TicketPriority.Low, TicketChannel.Phone, null, isVip: false).ShouldBeFalse();
    }

    [Fact]
    public void EachCondition_MustHold()
    {
        var policy = Policy(p =>
        {
            p.Priorities = [TicketPriority.High, TicketPriority.Urgent];
            p.Channels = [TicketChannel.Chat];
            p.TeamIds = [7];
            p.VipCustomers = true;
        });

        policy.Matches(TicketPriority.Urgent, TicketChannel.Chat, 7, isVip: true).ShouldBeTrue();
        policy.Matches(TicketPriority.Normal, TicketChannel.Chat, 7, isVip: true).ShouldBeFalse();
        policy.Matches(TicketPriority.Urgent, TicketChannel.Email, 7, isVip: true).ShouldBeFalse();
        policy.Matches(TicketPriority.Urgent, TicketChannel.Chat, 8, isVip: true).ShouldBeFalse();
        policy.Matches(TicketPriority.Urgent, TicketChannel.Chat, null, isVip: true).ShouldBeFalse(); // no team is not team 7
        policy.Matches(TicketPriority.Urgent, TicketChannel.Chat, 7, isVip: false).ShouldBeFalse();
    }

    [Fact]
    public void TheVipCondition_CanAlsoExcludeVips()
    {
        var others = Policy(p => p.VipCustomers = false);

        others.Matches(TicketPriority.Normal, TicketChannel.Email, null, isVip: false).ShouldBeTrue();
        others.Matches(TicketPriority.Normal, TicketChannel.Email, null, isVip: true).ShouldBeFalse();
    }
}
