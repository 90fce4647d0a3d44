using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>Each condition on its own, on a ticket held in memory (the matcher is pure: the engine and the preview share it).</summary>
public sealed class RuleMatcherTests
{
    private static readonly RuleTicket Ticket = new(
        1, 1001, "Problema con mi factura", "Hola, me cobraron dos veces. ¿Podéis hacer un reembolso? Gracias", TicketStatus.Open, TicketPriority.High,
        TicketChannel.WebForm, "Billing", "es", 7, null, new HashSet<string> { "vip", "card" }, CustomerIsVip: true, Company: "Acmé Corp", InBusinessHours: false);

    [Theory]
    [InlineData(ConditionField.Channel, ConditionOperator.Is, "WebForm", true)]
    [InlineData(ConditionField.Channel, ConditionOperator.IsNot, "WebForm", false)]
    [InlineData(ConditionField.Channel, ConditionOperator.Is, "Email", false)]
    [InlineData(ConditionField.Language, ConditionOperator.Is, "es", true)]
    [InlineData(ConditionField.Language, ConditionOperator.IsNot, "en", true)]
    [InlineData(ConditionField.Category, ConditionOperator.Is, "billing", true)]
    [InlineData(ConditionField.Category, ConditionOperator.IsNot, "Billing", false)]
    [InlineData(ConditionField.Tag, ConditionOperator.Contains, "VIP", true)]
    [InlineData(ConditionField.Tag, ConditionOperator.NotContains, "vip", false)]
    [InlineData(ConditionField.Tag, ConditionOperator.NotContains, "urgent", true)]
    [InlineData(ConditionField.Subject, ConditionOperator.Contains, "FACTURA", true)]
    [InlineData(ConditionField.Subject, ConditionOperator.Contains, "reembolso", false)]
    [InlineData(ConditionField.Message, ConditionOperator.Contains, "refund, reembolsó", true)]
    [InlineData(ConditionField.Message, ConditionOperator.Contains, "cobraron dos veces", true)]
    [InlineData(ConditionField.Message, ConditionOperator.Contains, "dos cobraron", false)]
    [InlineData(ConditionField.Message, ConditionOperator.Contains, "reembol", false)]
    [InlineData(ConditionField.Message, ConditionOperator.NotContains, "reembolso", false)]
    [InlineData(ConditionField.SubjectOrMessage, ConditionOperator.Contains, "factura", true)]
    [InlineData(ConditionField.SubjectOrMessage, ConditionOperator.NotContains, "factura", false)]
    [InlineData(ConditionField.SubjectOrMessage, ConditionOperator.NotContains, "password", true)]
    [InlineData(ConditionField.CustomerVip, ConditionOperator.Is, "true", true)]
    [InlineData(ConditionField.CustomerVip, ConditionOperator.Is, "false", false)]
    [InlineData(ConditionField.Company, ConditionOperator.Is, "ACME corp", true)]
    [InlineData(ConditionField.Company, ConditionOperator.IsNot, "Acme", true)]
    [InlineData(ConditionField.Priority, ConditionOperator.Is, "High", true)]
    [InlineData(ConditionField.Priority, ConditionOperator.AtLeast, "Normal", true)]
    [InlineData(ConditionField.Priority, ConditionOperator.AtLeast, "Urgent", false)]
    [InlineData(ConditionField.Status, ConditionOperator.Is, "Open", true)]
    [InlineData(ConditionField.Team, ConditionOperator.Is, "7", true)]
    [InlineData(ConditionField.Team, ConditionOperator.IsNot, "7", false)]
    [InlineData(ConditionField.BusinessHours, ConditionOperator.Is, "false", true)]
    [InlineData(ConditionField.BusinessHours, ConditionOperator.Is, "true", false)]
    public void EachCondition_HoldsOrNot(ConditionField field, ConditionOperator op, string value, bool holds) =>
        RuleMatcher.Holds(new RuleCondition(field, op, value), Ticket).ShouldBe(holds);

    [Fact]
    public void AllNeedsEveryCondition_AnyNeedsOne_AndNoConditionsMatchEveryTicket()
    {
        RuleCondition yes = new(ConditionField.Language, ConditionOperator.Is, "es"), no = new(ConditionField.Language, ConditionOperator.Is, "en");

        RuleMatcher.Matches(RuleMatch.All, [yes, no], Ticket).ShouldBeFalse();
        RuleMatcher.Matches(RuleMatch.Any, [yes, no], Ticket).ShouldBeTrue();
        RuleMatcher.Matches(RuleMatch.Any, [no], Ticket).ShouldBeFalse();
        RuleMatcher.Matches(RuleMatch.All, [], Ticket).ShouldBeTrue();
    }

    [Fact]
    public void AnOperatorAFieldDoesNotOffer_NeverHolds() =>
        RuleMatcher.Holds(new RuleCondition(ConditionField.Channel, ConditionOperator.AtLeast, "WebForm"), Ticket).ShouldBeFalse();
}
