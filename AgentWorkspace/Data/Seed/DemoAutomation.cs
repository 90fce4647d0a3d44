using System.Globalization;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Automation;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// The demo's automation rules, enabled, acting on tickets that come in after seeding (a rule never acts on what
/// happened before it existed): reports of a security problem go to Technical Support as Urgent with the team told,
/// VIP customers' chats are raised to High, and Spanish web-form requests are tagged for the Spanish-speaking agents.
/// </summary>
internal static class DemoAutomation
{
    public static IEnumerable<AutomationRule> Rules(Team technical, DateTimeOffset now)
    {
        AutomationRule Rule(int position, string name, IReadOnlyList<RuleCondition> conditions, IReadOnlyList<RuleActionSpec> actions, bool stop = false) => new()
        {
            Name = name, Position = position, Trigger = RuleTrigger.TicketCreated, StopProcessing = stop,
            ConditionsJson = RuleJson.Write(conditions), ActionsJson = RuleJson.Write(actions), CreatedAt = now, UpdatedAt = now,
        };

        yield return Rule(1, "Security reports are urgent",
            [new(ConditionField.SubjectOrMessage, ConditionOperator.Contains, "hacked, phishing, data breach, hackeado, robo de datos")],
            [
                new("set-priority", "Urgent"), new("set-team", technical.Id.ToString(CultureInfo.InvariantCulture)), new("add-tag", "security"),
                new("notify", NotifyAction.Team),
            ]);
        yield return Rule(2, "VIP chats first",
            [new(ConditionField.CustomerVip, ConditionOperator.Is, "true"), new(ConditionField.Channel, ConditionOperator.Is, "Chat")],
            [new("set-priority", "High"), new("add-tag", "vip")]);
        yield return Rule(3, "Spanish web-form requests",
            [new(ConditionField.Channel, ConditionOperator.Is, "WebForm"), new(ConditionField.Language, ConditionOperator.Is, "es")],
            [new("add-tag", "español")]);
    }
}
