using System.Globalization;
using AgentWorkspace.Components;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Automation;

/// <summary>Adds an internal note (agents only, never the customer), written as the system's, named after the rule in the history.</summary>
public sealed class AddNoteAction(TicketService tickets, IStringLocalizer<AutomationStrings> L) : IRuleAction
{
    public string Kind => "add-note";
    public int Order => 80;
    public RuleValueKind ValueKind => RuleValueKind.LongText;
    public bool Repeatable => true;
    public string Label => L["ActionAddNote"];

    public Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Option<string>>>([]);

    public Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default)
    {
        var cleaned = MessageLimits.Clean(value);
        return Task.FromResult(cleaned.IsValid ? RuleValueCheck.Ok(cleaned.Value)
            : RuleValueCheck.Fail(cleaned.Problem == TextProblem.TooLong ? L["ErrorValueTooLong", Label, MessageLimits.MaxBodyLength] : L["ErrorValueRequired", Label]));
    }

    public Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        Task.FromResult<string>(L["ActionDescribed", Label, value is { Length: > 80 } ? value[..80] + "…" : value ?? ""]);

    public RulePlan? Plan(RuleTicket ticket, string? value) => value is null ? null : new RulePlan([], async (run, _) =>
    {
        var result = await tickets.AddSystemNoteAsync(run.TicketId, value, run.IdempotencyKey, (db, ticket, message) =>
        {
            AutomationHistory.Add(db, ticket.Id, run.Rule, AutomationHistory.NoteAdded, null, message.CreatedAt);
            return Task.CompletedTask;
        });
        if (!result.Succeeded)
        {
            await run.History.RecordAsync(run.TicketId, run.Rule, AutomationHistory.Failed, result.Error);
        }
    });
}

/// <summary>
/// Tells agents through the bell: one named agent, the ticket's assignee, or every member of the ticket's team, in each
/// recipient's language, naming the rule.
/// </summary>
public sealed class NotifyAction(
    IDbContextFactory<AppDbContext> dbFactory, NotificationCenter notifications, IStringLocalizer<AutomationStrings> L) : IRuleAction
{
    public const string Assignee = "@assignee";
    public const string Team = "@team";

    public string Kind => "notify";
    public int Order => 90;
    public RuleValueKind ValueKind => RuleValueKind.Choice;
    public bool Repeatable => true;
    public string Label => L["ActionNotify"];

    public async Task<IReadOnlyList<Option<string>>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await db.Users.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.DisplayName)
            .Select(a => new Option<string>(a.Id, a.DisplayName)).ToListAsync(cancellationToken);
        return [new(Assignee, L["NotifyAssignee"]), new(Team, L["NotifyTeam"]), .. agents];
    }

    public async Task<RuleValueCheck> CheckAsync(string? value, CancellationToken cancellationToken = default) =>
        (await ChoicesAsync(cancellationToken)).Any(c => c.Value == value) ? RuleValueCheck.Ok(value) : RuleValueCheck.Fail(L["ErrorChoose", Label]);

    public async Task<string> DescribeAsync(string? value, CancellationToken cancellationToken = default) =>
        L["ActionDescribed", Label, (await ChoicesAsync(cancellationToken)).FirstOrDefault(c => c.Value == value)?.Text ?? L["Unknown"]];

    public RulePlan? Plan(RuleTicket ticket, string? value) => value is null ? null : new RulePlan([], (run, cancellationToken) => NotifyAsync(run, value, cancellationToken));

    private async Task NotifyAsync(RuleRun run, string value, CancellationToken cancellationToken)
    {
        List<(string Id, string Name, string? Language)> recipients;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Who is assigned and in which team is read after the rule's own changes: "assign to Ana, notify the assignee" tells Ana.
            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == run.TicketId).Select(t => new { t.AssigneeId, t.TeamId }).FirstAsync(cancellationToken);
            var agents = db.Users.AsNoTracking().Where(a => a.IsActive);
            agents = value switch
            {
                Assignee => agents.Where(a => a.Id == ticket.AssigneeId),
                Team => agents.Where(a => db.TeamMembers.Any(m => m.AgentId == a.Id && m.TeamId == ticket.TeamId)),
                _ => agents.Where(a => a.Id == value),
            };
            recipients = (await agents.OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName, a.Language }).ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.DisplayName, a.Language)).ToList();
        }
        foreach (var (id, _, language) in recipients)
        {
            var culture = CultureInfo.GetCultureInfo(language is "es" ? "es" : "en");
            var title = string.Format(culture, ResourceText<AutomationStrings>.Get("NotificationTitle", culture), run.Rule.RuleName, run.TicketNumber);
            await notifications.NotifyAsync(id, title, run.Subject, $"/tickets/{run.TicketNumber}");
        }
        if (recipients.Count > 0)
        {
            await run.History.RecordAsync(run.TicketId, run.Rule, AutomationHistory.Notified, string.Join(", ", recipients.Select(r => r.Name)));
        }
    }
}
