using System.Globalization;
using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Automation;

/// <summary>How triggers and conditions are named to the admin, in their language (the list and the editor share it).</summary>
public sealed class RuleWords(IStringLocalizer<AutomationStrings> L, IReadOnlyList<Option<string>> teams)
{
    public string Trigger(RuleTrigger trigger) => trigger switch
    {
        RuleTrigger.TicketCreated => L["Trigger_TicketCreated"],
        RuleTrigger.CustomerMessage => L["Trigger_CustomerMessage"],
        RuleTrigger.StatusChanged => L["Trigger_StatusChanged"],
        _ => L["Trigger_SlaWarning"],
    };

    public string Field(ConditionField field) => field switch
    {
        ConditionField.Channel => L["Field_Channel"],
        ConditionField.Language => L["Field_Language"],
        ConditionField.Category => L["Field_Category"],
        ConditionField.Tag => L["Field_Tag"],
        ConditionField.Subject => L["Field_Subject"],
        ConditionField.Message => L["Field_Message"],
        ConditionField.SubjectOrMessage => L["Field_SubjectOrMessage"],
        ConditionField.CustomerVip => L["Field_CustomerVip"],
        ConditionField.Company => L["Field_Company"],
        ConditionField.Priority => L["Field_Priority"],
        ConditionField.Status => L["Field_Status"],
        ConditionField.Team => L["Field_Team"],
        _ => L["Field_BusinessHours"],
    };

    public string Operator(ConditionField field, ConditionOperator op) => (field, op) switch
    {
        (ConditionField.Tag, ConditionOperator.Contains) => L["Op_HasTag"],
        (ConditionField.Tag, _) => L["Op_LacksTag"],
        (_, ConditionOperator.Is) => L["Op_Is"],
        (_, ConditionOperator.IsNot) => L["Op_IsNot"],
        (_, ConditionOperator.Contains) => L["Op_Contains"],
        (_, ConditionOperator.NotContains) => L["Op_NotContains"],
        _ => L["Op_AtLeast"],
    };

    /// <summary>The values to choose from, or null when the value is typed (tags, category, company, keywords).</summary>
    public IReadOnlyList<Option<string>>? Choices(ConditionField field) => field switch
    {
        ConditionField.Channel => [.. Enum.GetValues<TicketChannel>().Select(c => new Option<string>(c.ToString(), TicketWords.Channel(c)))],
        ConditionField.Priority => [.. Enum.GetValues<TicketPriority>().Select(p => new Option<string>(p.ToString(), TicketWords.Priority(p)))],
        ConditionField.Status => [.. Enum.GetValues<TicketStatus>().Select(s => new Option<string>(s.ToString(), TicketWords.Status(s)))],
        ConditionField.Language => [new("en", L["Language_en"]), new("es", L["Language_es"])],
        ConditionField.CustomerVip => [new("true", L["Vip_true"]), new("false", L["Vip_false"])],
        ConditionField.BusinessHours => [new("true", L["Hours_true"]), new("false", L["Hours_false"])],
        ConditionField.Team => teams,
        _ => null,
    };

    public bool IsKeywords(ConditionField field) => field is ConditionField.Subject or ConditionField.Message or ConditionField.SubjectOrMessage;

    public string Value(RuleCondition condition) =>
        Choices(condition.Field) is { } choices ? choices.FirstOrDefault(c => c.Value == condition.Value)?.Text ?? L["Unknown"]
        : IsKeywords(condition.Field) ? $"“{condition.Value}”"
        : condition.Value;

    public string Condition(RuleCondition condition) =>
        string.Format(CultureInfo.CurrentCulture, L["ConditionLine"], Field(condition.Field), Operator(condition.Field, condition.Operator), Value(condition));
}
