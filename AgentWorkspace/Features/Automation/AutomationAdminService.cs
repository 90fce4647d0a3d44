using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Automation;

public static class RuleLimits
{
    public const int MaxNameLength = 100;
    public const int MaxConditions = 20;
    public const int MaxActions = 20;
    public const int MaxKeywordsLength = 500;
    public const int PreviewTickets = 100;
}

/// <summary>A rule as the editor holds it while it is being written (Id 0: a new rule).</summary>
public sealed class RuleDraft
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsEnabled { get; set; } = true;
    public RuleTrigger Trigger { get; set; }
    public RuleMatch Match { get; set; }
    public bool StopProcessing { get; set; }
    public List<RuleCondition> Conditions { get; set; } = [];
    public List<RuleActionSpec> Actions { get; set; } = [];

    /// <summary>The version the editor started from: saving over someone else's later save is refused.</summary>
    public long Version { get; set; }

    public static RuleDraft From(AutomationRule rule) => new()
    {
        Id = rule.Id, Name = rule.Name, IsEnabled = rule.IsEnabled, Trigger = rule.Trigger, Match = rule.Match, StopProcessing = rule.StopProcessing,
        Conditions = [.. rule.Conditions], Actions = [.. rule.Actions], Version = rule.Version,
    };
}

public sealed record AutomationResult(bool Succeeded, string? Error = null, int? RuleId = null)
{
    public static AutomationResult Fail(string error) => new(false, error);
}

/// <summary>One ticket the previewed rule matches, and what it would change there (nothing when it already looks so).</summary>
public sealed record RulePreviewRow(int Number, string Subject, IReadOnlyList<string> Changes);

/// <summary>
/// Creates, edits, orders, switches and deletes rules, and previews one against recent tickets. Everything a rule is
/// made of is checked here (names through the shared text policy, teams and agents that exist, each action's value by
/// its own <see cref="IRuleAction"/>); errors are in the admin's language.
/// </summary>
public sealed class AutomationAdminService(
    IDbContextFactory<AppDbContext> dbFactory, IEnumerable<IRuleAction> actions, AutomationEngine engine, TimeProvider clock,
    IStringLocalizer<AutomationStrings> L)
{
    public IReadOnlyList<IRuleAction> ActionKinds { get; } = [.. actions.OrderBy(a => a.Order)];

    public IRuleAction? ActionKind(string kind) => ActionKinds.FirstOrDefault(a => a.Kind == kind);

    public async Task<List<AutomationRule>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<AutomationRule>().AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync();
    }

    public async Task<AutomationRule?> FindAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<AutomationRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
    }

    public async Task<AutomationResult> SaveAsync(RuleDraft draft, string? agentId)
    {
        var name = TextInput.Line(draft.Name, "The name", RuleLimits.MaxNameLength);
        if (!name.IsValid)
        {
            return AutomationResult.Fail(name.Problem switch
            {
                TextProblem.Empty => L["ErrorNameRequired"],
                TextProblem.TooLong => L["ErrorNameTooLong", RuleLimits.MaxNameLength],
                _ => L["ErrorNameCharacters"],
            });
        }
        var checkedConditions = await CheckConditionsAsync(draft.Conditions);
        if (checkedConditions.Error is { } conditionError)
        {
            return AutomationResult.Fail(conditionError);
        }
        var checkedActions = await CheckActionsAsync(draft.Actions);
        if (checkedActions.Error is { } actionError)
        {
            return AutomationResult.Fail(actionError);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var others = await db.Set<AutomationRule>().Where(r => r.Id != draft.Id).Select(r => r.Name).ToListAsync();
        if (others.Any(n => string.Equals(n, name.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return AutomationResult.Fail(L["ErrorNameTaken", name.Value!]);
        }
        var now = clock.GetUtcNow();
        AutomationRule? rule;
        if (draft.Id == 0)
        {
            var last = await db.Set<AutomationRule>().MaxAsync(r => (int?)r.Position) ?? 0;
            rule = new AutomationRule { Name = name.Value!, Position = last + 1, CreatedAt = now };
            db.Add(rule);
        }
        else
        {
            rule = await db.Set<AutomationRule>().FirstOrDefaultAsync(r => r.Id == draft.Id);
            if (rule is null)
            {
                return AutomationResult.Fail(L["ErrorRuleGone"]);
            }
            if (rule.Version != draft.Version)
            {
                return AutomationResult.Fail(L["ErrorRuleChanged", rule.Name]);
            }
            rule.Name = name.Value!;
        }
        rule.IsEnabled = draft.IsEnabled;
        rule.Trigger = draft.Trigger;
        rule.Match = draft.Match;
        rule.StopProcessing = draft.StopProcessing;
        rule.ConditionsJson = RuleJson.Write(checkedConditions.Value!);
        rule.ActionsJson = RuleJson.Write(checkedActions.Value!);
        rule.UpdatedAt = now;
        rule.UpdatedById = agentId;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return AutomationResult.Fail(L["ErrorRuleChanged", rule.Name]);
        }
        await transaction.CommitAsync();
        return new AutomationResult(true, null, rule.Id);
    }

    public async Task<AutomationResult> SetEnabledAsync(int id, bool enabled)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var changed = await db.Set<AutomationRule>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, enabled).SetProperty(r => r.Version, r => r.Version + 1).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()));
        return changed == 1 ? new(true, null, id) : AutomationResult.Fail(L["ErrorRuleGone"]);
    }

    /// <summary>Swaps the rule with its neighbour above or below (positions are renumbered 1..n so gaps never confuse the order).</summary>
    public async Task<AutomationResult> MoveAsync(int id, bool up)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rules = await db.Set<AutomationRule>().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync();
        var index = rules.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return AutomationResult.Fail(L["ErrorRuleGone"]);
        }
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < rules.Count)
        {
            (rules[index], rules[other]) = (rules[other], rules[index]);
        }
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Position = i + 1;
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new(true, null, id);
    }

    public async Task<AutomationResult> DeleteAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var deleted = await db.Set<AutomationRule>().Where(r => r.Id == id).ExecuteDeleteAsync();
        // The history lines it wrote stay (they carry its name); its firing records only guard re-runs of a rule that is gone.
        await db.Set<AutomationFiring>().Where(f => f.RuleId == id).ExecuteDeleteAsync();
        return deleted == 1 ? new(true, null, id) : AutomationResult.Fail(L["ErrorRuleGone"]);
    }

    /// <summary>
    /// Which of the last <see cref="RuleLimits.PreviewTickets"/> tickets the rule (saved or not) matches as they are now,
    /// and what it would change on each: the live engine's matcher and action plans, with nothing written. The message
    /// looked at is the opening one for "ticket created", the latest customer message otherwise; business hours are
    /// judged at the ticket's creation.
    /// </summary>
    public async Task<IReadOnlyList<RulePreviewRow>> PreviewAsync(RuleDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recent = db.Tickets.OrderByDescending(t => t.Id).Take(RuleLimits.PreviewTickets);
        var tickets = await RuleTickets.LoadManyAsync(db, recent, createdAt => createdAt, cancellationToken,
            openingMessage: draft.Trigger == RuleTrigger.TicketCreated);
        var descriptions = new Dictionary<RuleActionSpec, string>();
        var rows = new List<RulePreviewRow>();
        foreach (var ticket in tickets.OrderByDescending(t => t.Number))
        {
            if (!RuleMatcher.Matches(draft.Match, draft.Conditions, ticket))
            {
                continue;
            }
            var changes = new List<string>();
            foreach (var (spec, action, _) in engine.Plan(draft.Actions, ticket))
            {
                if (!descriptions.TryGetValue(spec, out var text))
                {
                    descriptions[spec] = text = await action.DescribeAsync(spec.Value, cancellationToken);
                }
                changes.Add(text);
            }
            rows.Add(new RulePreviewRow(ticket.Number, ticket.Subject, changes));
        }
        return rows;
    }

    private async Task<(List<RuleCondition>? Value, string? Error)> CheckConditionsAsync(IReadOnlyList<RuleCondition> conditions)
    {
        if (conditions.Count > RuleLimits.MaxConditions)
        {
            return (null, L["ErrorTooManyConditions", RuleLimits.MaxConditions]);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var teams = await db.Teams.Select(t => t.Id).ToListAsync();
        var cleaned = new List<RuleCondition>();
        foreach (var condition in conditions)
        {
            if (!RuleMatcher.OperatorsFor(condition.Field).Contains(condition.Operator))
            {
                return (null, L["ErrorOperator"]);
            }
            var value = (condition.Value ?? "").Trim();
            string? stored = condition.Field switch
            {
                ConditionField.Channel => Enum.TryParse<TicketChannel>(value, out var c) && Enum.IsDefined(c) ? c.ToString() : null,
                ConditionField.Priority => Enum.TryParse<TicketPriority>(value, out var p) && Enum.IsDefined(p) ? p.ToString() : null,
                ConditionField.Status => Enum.TryParse<TicketStatus>(value, out var s) && Enum.IsDefined(s) ? s.ToString() : null,
                ConditionField.Language => value is "en" or "es" ? value : null,
                ConditionField.Team => int.TryParse(value, out var team) && teams.Contains(team) ? value : null,
                ConditionField.CustomerVip or ConditionField.BusinessHours => bool.TryParse(value, out var flag) ? (flag ? "true" : "false") : null,
                ConditionField.Tag => TicketService.NormalizeTag(value),
                ConditionField.Category => TextInput.Line(value, "The category", MessageLimits.MaxCategoryLength).Value,
                ConditionField.Company => TextInput.Line(value, "The company", 200).Value,
                ConditionField.Subject or ConditionField.Message or ConditionField.SubjectOrMessage =>
                    TextInput.Line(value, "The keywords", RuleLimits.MaxKeywordsLength).Value is { } words && RuleMatcher.Phrases(words).Count > 0 ? words : null,
                _ => null,
            };
            if (stored is null)
            {
                return (null, condition.Field switch
                {
                    ConditionField.Team => L["ErrorUnknownTeam"],
                    ConditionField.Tag => L["ErrorConditionTag", MessageLimits.MaxTagLength],
                    ConditionField.Subject or ConditionField.Message or ConditionField.SubjectOrMessage => L["ErrorKeywords", RuleLimits.MaxKeywordsLength],
                    _ => L["ErrorConditionValue"],
                });
            }
            cleaned.Add(condition with { Value = stored });
        }
        return (cleaned, null);
    }

    private async Task<(List<RuleActionSpec>? Value, string? Error)> CheckActionsAsync(IReadOnlyList<RuleActionSpec> specs)
    {
        if (specs.Count == 0)
        {
            return (null, L["ErrorNoActions"]);
        }
        if (specs.Count > RuleLimits.MaxActions)
        {
            return (null, L["ErrorTooManyActions", RuleLimits.MaxActions]);
        }
        var cleaned = new List<RuleActionSpec>();
        foreach (var spec in specs)
        {
            if (ActionKind(spec.Kind) is not { } action)
            {
                return (null, L["ErrorUnknownAction"]);
            }
            if (!action.Repeatable && cleaned.Any(c => c.Kind == spec.Kind))
            {
                return (null, L["ErrorActionTwice", action.Label]);
            }
            var check = await action.CheckAsync(spec.Value);
            if (!check.IsValid)
            {
                return (null, check.Error);
            }
            cleaned.Add(spec with { Value = check.Value });
        }
        return (cleaned, null);
    }
}
