using System.Globalization;
using AgentWorkspace.Components;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Canned;

/// <summary>
/// The rule action "send a canned reply": fills in a canned response for the ticket (its language, its customer) and
/// sends it as a public reply, after the rule's commit, once (the firing's key is the message's client id). Only shared
/// responses may be chosen: a rule runs with no agent, and team or personal ones belong to someone.
/// </summary>
public sealed class CannedReplyAction(
    IDbContextFactory<AppDbContext> dbFactory, CannedService canned, TicketService tickets, IStringLocalizer<CannedStrings> L) : IRuleAction
{
    public const string RuleKind = "canned-reply";

    public string Kind => RuleKind;
    public int Order => 85;
    public RuleValueKind ValueKind => RuleValueKind.Choice;
    public bool Repeatable => false;
    public string Label => L["RuleActionLabel"];

    public async Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var shared = await db.CannedResponses.AsNoTracking().Where(c => c.Sharing == Sharing.Shared).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken);
        return shared.Select(c => new Option<string>(c.Id.ToString(CultureInfo.InvariantCulture), c.Title)).ToList();
    }

    public async Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default) =>
        (await ChoicesAsync(cancellationToken)).Any(c => c.Value == value) ? RuleValueCheck.Ok(value) : RuleValueCheck.Fail(L["RuleActionSharedOnly"]);

    public async Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        L["RuleActionDescribed", (await ChoicesAsync(cancellationToken)).FirstOrDefault(c => c.Value == value)?.Text ?? L["RuleActionUnknown"]];

    public RulePlan? Plan(RuleTicket ticket, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ticket.Status != TicketStatus.Closed
            ? new RulePlan([], (run, cancellationToken) => SendAsync(run, id, cancellationToken))
            : null;

    private async Task SendAsync(RuleRun run, int cannedId, CancellationToken cancellationToken)
    {
        string? title;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Checked again when it fires: the response may have been deleted or made personal since the rule was saved.
            title = await db.CannedResponses.AsNoTracking().Where(c => c.Id == cannedId && c.Sharing == Sharing.Shared)
                .Select(c => c.Title).FirstOrDefaultAsync(cancellationToken);
        }
        var rendered = title is null ? null : await canned.RenderForTicketAsync(cannedId, run.TicketId);
        if (rendered is null)
        {
            await run.History.RecordAsync(run.TicketId, run.Rule, AutomationHistory.Failed, "canned response not found or not shared");
            return;
        }
        var result = await tickets.AddAutomaticReplyAsync(run.TicketId, rendered.Text, run.IdempotencyKey, (db, ticket, message) =>
        {
            AutomationHistory.Add(db, ticket.Id, run.Rule, AutomationHistory.Replied, title, message.CreatedAt);
            return Task.CompletedTask;
        });
        if (!result.Succeeded)
        {
            await run.History.RecordAsync(run.TicketId, run.Rule, AutomationHistory.Failed, result.Error);
        }
    }
}
