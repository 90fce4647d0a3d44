using System.Globalization;
using AgentWorkspace.Components;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Automation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Routing;

/// <summary>
/// The rule action "route automatically": after the rule's commit, asks <see cref="RoutingEngine"/> to assign the ticket
/// now (online, under capacity, skilled, least loaded), optionally moving it into a chosen team first in routing's own
/// transaction. Routing writes the assignment with its reason; the rule adds a line naming itself and the outcome. A
/// retried firing is harmless: routing only assigns a ticket that is still waiting.
/// </summary>
public sealed class AutoAssignAction(
    IDbContextFactory<AppDbContext> dbFactory, RoutingEngine routing, IStringLocalizer<RoutingStrings> L) : IRuleAction
{
    public const string RuleKind = "auto-assign";

    /// <summary>The value for "in the ticket's own team" (or its default team when it has none).</summary>
    public const string CurrentTeam = "@current";

    public string Kind => RuleKind;
    public int Order => 45;
    public RuleValueKind ValueKind => RuleValueKind.Choice;
    public string Label => L["RuleActionLabel"];

    public async Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return [new(CurrentTeam, L["RuleActionCurrentTeam"]),
            .. teams.Select(t => new Option<string>(t.Id.ToString(CultureInfo.InvariantCulture), L["RuleActionWithinTeam", t.Name]))];
    }

    public async Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default)
    {
        // An empty value is the plain "route automatically" (its own team).
        value = string.IsNullOrWhiteSpace(value) ? CurrentTeam : value;
        return (await ChoicesAsync(cancellationToken)).Any(c => c.Value == value) ? RuleValueCheck.Ok(value) : RuleValueCheck.Fail(L["RuleActionChoose"]);
    }

    public async Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        L["RuleActionDescribed", (await ChoicesAsync(cancellationToken)).FirstOrDefault(c => c.Value == (value ?? CurrentTeam))?.Text ?? L["RuleActionUnknownTeam"]];

    public RulePlan? Plan(RuleTicket ticket, string? value)
    {
        if (ticket.AssigneeId is not null || ticket.Status is Tickets.TicketStatus.Resolved or Tickets.TicketStatus.Closed)
        {
            return null;
        }
        int? team = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        return new RulePlan([], (run, cancellationToken) => RouteAsync(run, team, cancellationToken));
    }

    private async Task RouteAsync(RuleRun run, int? team, CancellationToken cancellationToken)
    {
        var result = await routing.AssignAsync(run.TicketId, team, team is null ? null : run.Rule.RuleName);
        string detail;
        if (result is { Outcome: RoutingOutcome.Assigned, AgentId: { } agentId })
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var name = await db.Users.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken);
            detail = $"{name ?? agentId} ({result.Reason})";
        }
        else
        {
            // Stored in English like every history line: the outcome's name ("NobodyAvailable", "Manual", "Disabled").
            detail = result.Outcome.ToString();
        }
        await run.History.RecordAsync(run.TicketId, run.Rule, AutomationHistory.Routed, detail);
    }
}
