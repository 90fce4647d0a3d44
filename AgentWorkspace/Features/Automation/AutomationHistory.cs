using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Automation;

/// <summary>
/// The lines rules write in a ticket's history besides property changes (those are TicketService's, marked with the
/// rule): a note added, agents notified, the firing cap reached. Stored in English like every history line (field
/// "Automation", what happened in <see cref="TicketEvent.OldValue"/>, names in <see cref="TicketEvent.NewValue"/>, the
/// rule's name as the reason); <see cref="AutomationHistoryText"/> tells them in the agent's language.
/// </summary>
public sealed class AutomationHistory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string Field = "Automation";
    public const string NoteAdded = "Note";
    public const string Notified = "Notified";
    public const string LimitReached = "Limit";
    public const string Failed = "Failed";

    /// <summary>A public reply the rule sent (the canned response's title as the detail).</summary>
    public const string Replied = "Replied";

    /// <summary>The rule asked routing to assign the ticket (who, and routing's reason or outcome, as the detail).</summary>
    public const string Routed = "Routed";

    public async Task RecordAsync(int ticketId, RuleAttribution rule, string what, string? detail)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        Add(db, ticketId, rule, what, detail, clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public static void Add(AppDbContext db, int ticketId, RuleAttribution rule, string what, string? detail, DateTimeOffset at) =>
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId,
            ActorKind = AuthorKind.System,
            Field = Field,
            OldValue = what,
            NewValue = detail is { Length: > 300 } ? detail[..299] + "…" : detail,
            Reason = rule.RuleName,
            RuleId = rule.RuleId,
            CreatedAt = at,
        });
}
