using AgentWorkspace.Components;
using AgentWorkspace.Features.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentWorkspace.Features.Automation;

/// <summary>
/// Writes a rule: trigger, conditions (each field offers only its own tests and values), actions (every registered
/// <see cref="IRuleAction"/> kind), and a dry-run preview against recent tickets before saving. The service checks
/// everything on save; the editor only keeps the rows consistent as fields and kinds change.
/// </summary>
public sealed partial class RuleEditor
{
    private readonly Dictionary<string, IReadOnlyList<Option<string>>> actionChoices = [];
    private IReadOnlyList<RulePreviewRow>? preview;
    private string? error;
    private bool busy;

    [Parameter, EditorRequired] public RuleDraft Draft { get; set; } = default!;
    [Parameter] public IReadOnlyList<Option<string>> Teams { get; set; } = [];
    [Parameter] public EventCallback<string> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private RuleWords Words => new(L, Teams);

    protected override async Task OnInitializedAsync()
    {
        foreach (var action in Admin.ActionKinds.Where(a => a.ValueKind == RuleValueKind.Choice))
        {
            actionChoices[action.Kind] = await action.ChoicesAsync();
        }
    }

    private string MatchName(RuleMatch match) => match == RuleMatch.All ? L["Match_All"] : L["Match_Any"];

    private void AddCondition() => Draft.Conditions.Add(Fresh(ConditionField.Channel));

    private void SetField(int index, ConditionField field) => Draft.Conditions[index] = Fresh(field);

    /// <summary>A condition on the field with its first test and, where there is a list, its first value.</summary>
    private RuleCondition Fresh(ConditionField field) =>
        new(field, RuleMatcher.OperatorsFor(field)[0], Words.Choices(field)?.FirstOrDefault()?.Value ?? "");

    private async Task AddActionAsync()
    {
        var kind = Admin.ActionKinds.FirstOrDefault(a => Draft.Actions.All(s => s.Kind != a.Kind)) ?? Admin.ActionKinds[0];
        Draft.Actions.Add(await FreshAsync(kind.Kind));
    }

    private async Task SetKind(int index, string kind) => Draft.Actions[index] = await FreshAsync(kind);

    private async Task<RuleActionSpec> FreshAsync(string kind)
    {
        if (Admin.ActionKind(kind) is { ValueKind: RuleValueKind.Choice } action)
        {
            if (!actionChoices.TryGetValue(kind, out var choices))
            {
                actionChoices[kind] = choices = await action.ChoicesAsync();
            }
            return new RuleActionSpec(kind, choices.FirstOrDefault()?.Value);
        }
        return new RuleActionSpec(kind);
    }

    private async Task SaveAsync()
    {
        busy = true;
        try
        {
            var agentId = AuthenticationState is null ? null : (await AuthenticationState).User.AgentId();
            var result = await Admin.SaveAsync(Draft, agentId);
            error = result.Error;
            if (result.Succeeded)
            {
                await OnSaved.InvokeAsync(Draft.Name.Trim());
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PreviewAsync()
    {
        busy = true;
        try
        {
            error = null;
            preview = await Admin.PreviewAsync(Draft);
        }
        finally
        {
            busy = false;
        }
    }
}
