using AgentWorkspace.Components;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Automation;

/// <summary>The property actions: each turns into one <see cref="TicketCommand"/> carrying the value the rule saw.</summary>
public abstract class PropertyAction(IStringLocalizer<AutomationStrings> L) : IRuleAction
{
    protected IStringLocalizer<AutomationStrings> L { get; } = L;

    public abstract string Kind { get; }
    public abstract int Order { get; }
    public virtual RuleValueKind ValueKind => RuleValueKind.Choice;
    public virtual bool Repeatable => false;
    public abstract string Label { get; }

    public virtual Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Option<string>>>([]);

    public virtual async Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default) =>
        (await ChoicesAsync(cancellationToken)).Any(c => c.Value == value) ? RuleValueCheck.Ok(value) : RuleValueCheck.Fail(L["ErrorChoose", Label]);

    public virtual async Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        L["ActionDescribed", Label, (await ChoicesAsync(cancellationToken)).FirstOrDefault(c => c.Value == value)?.Text ?? L["Unknown"]];

    public abstract RulePlan? Plan(RuleTicket ticket, string? value);

    protected static RulePlan? Command(bool changes, TicketCommand command) => changes ? new RulePlan([command]) : null;
}

public sealed class SetPriorityAction(IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "set-priority";
    public override int Order => 10;
    public override string Label => L["ActionSetPriority"];

    public override Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Option<string>>>(Enum.GetValues<TicketPriority>().Select(p => new Option<string>(p.ToString(), TicketWords.Priority(p))).ToList());

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        Enum.TryParse<TicketPriority>(value, out var priority) ? Command(ticket.Priority != priority, new SetPriority(ticket.Priority, priority)) : null;
}

public sealed class SetStatusAction(IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "set-status";
    public override int Order => 20;
    public override string Label => L["ActionSetStatus"];

    public override Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Option<string>>>(Enum.GetValues<TicketStatus>().Select(s => new Option<string>(s.ToString(), TicketWords.Status(s))).ToList());

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        Enum.TryParse<TicketStatus>(value, out var status) ? Command(ticket.Status != status, new SetStatus(ticket.Status, status)) : null;
}

public sealed class SetTeamAction(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "set-team";
    public override int Order => 30;
    public override string Label => L["ActionSetTeam"];

    public override async Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return teams.Select(t => new Option<string>(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name)).ToList();
    }

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        int.TryParse(value, out var team) ? Command(ticket.TeamId != team, new SetTeam(ticket.TeamId, team)) : null;
}

/// <summary>Assigns one named agent. Assigning by skills and load is the routing feature's own action kind.</summary>
public sealed class AssignAgentAction(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "assign";
    public override int Order => 40;
    public override string Label => L["ActionAssign"];

    public override async Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.DisplayName)
            .Select(a => new Option<string>(a.Id, a.DisplayName)).ToListAsync(cancellationToken);
    }

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        value is null ? null : Command(ticket.AssigneeId != value, new Assign(ticket.AssigneeId, value));
}

public sealed class SetCategoryAction(IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "set-category";
    public override int Order => 50;
    public override RuleValueKind ValueKind => RuleValueKind.Text;
    public override string Label => L["ActionSetCategory"];

    public override Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default)
    {
        var cleaned = TextInput.Line(value, "The category", MessageLimits.MaxCategoryLength);
        return Task.FromResult(cleaned.IsValid ? RuleValueCheck.Ok(cleaned.Value) : RuleValueCheck.Fail(TextError(cleaned, MessageLimits.MaxCategoryLength)));
    }

    public override Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        Task.FromResult<string>(L["ActionDescribed", Label, value ?? ""]);

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        value is null ? null : Command(!string.Equals(ticket.Category, value, StringComparison.Ordinal), new SetCategory(ticket.Category, value));

    private string TextError(CleanText cleaned, int max) => cleaned.Problem switch
    {
        TextProblem.Empty => L["ErrorValueRequired", Label],
        TextProblem.TooLong => L["ErrorValueTooLong", Label, max],
        _ => L["ErrorValueCharacters", Label],
    };
}

public sealed class AddTagAction(IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "add-tag";
    public override int Order => 60;
    public override RuleValueKind ValueKind => RuleValueKind.Text;
    public override string Label => L["ActionAddTag"];
    public override bool Repeatable => true;

    public override Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default) => Task.FromResult(CheckTag(value, L, Label));

    public override Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        Task.FromResult<string>(L["ActionDescribed", Label, value ?? ""]);

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        TicketService.NormalizeTag(value) is { } tag ? Command(!ticket.Tags.Contains(tag), new AddTag(tag)) : null;

    internal static RuleValueCheck CheckTag(string? value, IStringLocalizer<AutomationStrings> L, string label) =>
        TicketService.NormalizeTag(value) is { } tag ? RuleValueCheck.Ok(tag) : RuleValueCheck.Fail(L["ErrorTag", label, MessageLimits.MaxTagLength]);
}

public sealed class RemoveTagAction(IStringLocalizer<AutomationStrings> L) : PropertyAction(L)
{
    public override string Kind => "remove-tag";
    public override int Order => 70;
    public override RuleValueKind ValueKind => RuleValueKind.Text;
    public override string Label => L["ActionRemoveTag"];
    public override bool Repeatable => true;

    public override Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default) => Task.FromResult(AddTagAction.CheckTag(value, L, Label));

    public override Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        Task.FromResult<string>(L["ActionDescribed", Label, value ?? ""]);

    public override RulePlan? Plan(RuleTicket ticket, string? value) =>
        TicketService.NormalizeTag(value) is { } tag ? Command(ticket.Tags.Contains(tag), new RemoveTag(tag)) : null;
}
