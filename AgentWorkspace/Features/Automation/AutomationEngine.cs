using System.Text.Json;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Automation;

/// <summary>One thing that happened to a ticket that rules may react to; <see cref="Key"/> identifies it for good.</summary>
public sealed record RuleTriggerEvent(RuleTrigger Trigger, int TicketId, string Key, DateTimeOffset At, long? MessageId = null);

/// <summary>
/// Runs the enabled rules of a trigger on a ticket, in order. Each rule sees the ticket as the rules before it left it;
/// its ticket changes and the record that it fired on this trigger commit together (so a trigger read twice fires a
/// rule once), then its notes and notifications run. A rule may stop the rules after it. A per-ticket cap stops runaway
/// firing and says so in the ticket's history once per hour.
/// </summary>
public sealed class AutomationEngine(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, IEnumerable<IRuleAction> actions, AutomationHistory history,
    IOptions<AutomationOptions> options, TimeProvider clock, ILogger<AutomationEngine> logger)
{
    private static readonly TimeSpan CapWindow = TimeSpan.FromHours(1);
    private readonly Dictionary<string, IRuleAction> actionsByKind = actions.ToDictionary(a => a.Kind, StringComparer.Ordinal);

    public async Task RunAsync(RuleTriggerEvent trigger, CancellationToken cancellationToken = default)
    {
        List<AutomationRule> rules;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // A rule never acts on what happened before it existed (an old trigger read late after it was created).
            rules = await db.Set<AutomationRule>().AsNoTracking()
                .Where(r => r.IsEnabled && r.Trigger == trigger.Trigger && r.CreatedAt <= trigger.At)
                .OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        }
        foreach (var rule in rules)
        {
            var fired = await RunRuleAsync(rule, trigger, cancellationToken);
            if (fired && rule.StopProcessing)
            {
                break;
            }
        }
    }

    /// <summary>Whether the rule fired (now, or already before a restart).</summary>
    private async Task<bool> RunRuleAsync(AutomationRule rule, RuleTriggerEvent trigger, CancellationToken cancellationToken)
    {
        var attribution = new RuleAttribution(rule.Id, rule.Name);
        // A conflict means someone changed the ticket between reading and writing: read it again and decide again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            RuleTicket? ticket;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (await db.Set<AutomationFiring>().AnyAsync(f => f.RuleId == rule.Id && f.TriggerKey == trigger.Key, cancellationToken))
                {
                    return true;
                }
                ticket = await RuleTickets.LoadAsync(db, trigger.TicketId, trigger.At, trigger.MessageId,
                    openingMessage: trigger.Trigger == RuleTrigger.TicketCreated, cancellationToken);
                if (ticket is null || !Matches(rule, ticket))
                {
                    return false;
                }
                if (await CappedAsync(db, rule, attribution, trigger, cancellationToken))
                {
                    return false;
                }
            }
            var plans = Plan(rule, ticket);
            var commands = plans.SelectMany(p => p.Commands).ToList();
            var firing = new AutomationFiring { RuleId = rule.Id, TicketId = ticket.Id, TriggerKey = trigger.Key, FiredAt = clock.GetUtcNow() };
            CommandResult result;
            try
            {
                result = await tickets.ExecuteAsRuleAsync(ticket.Id, commands, attribution, (db, _) =>
                {
                    db.Set<AutomationFiring>().Add(firing);
                    return Task.CompletedTask;
                });
            }
            catch (DbUpdateException)
            {
                if (await AlreadyFiredAsync(rule.Id, trigger.Key, cancellationToken))
                {
                    // Another runner (a second app node) fired it on this trigger first; its changes stand, once.
                    return true;
                }
                throw;
            }
            if (result.Outcome == CommandOutcome.Conflict)
            {
                continue;
            }
            if (!result.Succeeded)
            {
                // A rule that can't apply (its team was deleted since) is recorded, not retried for ever.
                logger.LogWarning("Rule {Rule} could not change ticket {TicketId}: {Error}", rule.Name, ticket.Id, result.Error);
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                db.Set<AutomationFiring>().Add(firing);
                AutomationHistory.Add(db, ticket.Id, attribution, AutomationHistory.Failed, result.Error, firing.FiredAt);
                await db.SaveChangesAsync(cancellationToken);
            }
            var index = 0;
            foreach (var plan in plans)
            {
                index++;
                if (plan.Effect is null)
                {
                    continue;
                }
                try
                {
                    await plan.Effect(new RuleRun(attribution, ticket.Id, ticket.Number, ticket.Subject, $"rule-{rule.Id}-{trigger.Key}-{index}", history), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "An action of rule {Rule} failed on ticket {TicketId}", rule.Name, ticket.Id);
                }
            }
            return true;
        }
        logger.LogWarning("Rule {Rule} gave up on ticket {TicketId}: it kept changing under it", rule.Name, trigger.TicketId);
        return false;
    }

    private bool Matches(AutomationRule rule, RuleTicket ticket)
    {
        try
        {
            return RuleMatcher.Matches(rule.Match, rule.Conditions, ticket);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Rule {Rule} has conditions that can't be read; it is skipped", rule.Name);
            return false;
        }
    }

    /// <summary>What the rule's actions would do to the ticket as it is (nothing for unknown kinds: a feature removed since).</summary>
    internal List<RulePlan> Plan(AutomationRule rule, RuleTicket ticket) =>
        Plan(rule.Actions, ticket).Select(p => p.Plan).ToList();

    internal List<(RuleActionSpec Spec, IRuleAction Action, RulePlan Plan)> Plan(IReadOnlyList<RuleActionSpec> specs, RuleTicket ticket)
    {
        var plans = new List<(RuleActionSpec, IRuleAction, RulePlan)>();
        foreach (var spec in specs)
        {
            if (actionsByKind.TryGetValue(spec.Kind, out var action) && action.Plan(ticket, spec.Value) is { } plan)
            {
                plans.Add((spec, action, plan));
            }
        }
        return plans;
    }

    private async Task<bool> CappedAsync(AppDbContext db, AutomationRule rule, RuleAttribution attribution, RuleTriggerEvent trigger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - CapWindow;
        var recent = await db.Set<AutomationFiring>().CountAsync(f => f.TicketId == trigger.TicketId && f.FiredAt > since, cancellationToken);
        if (recent < options.Value.MaxFiringsPerTicketPerHour)
        {
            return false;
        }
        var told = await db.TicketEvents.AnyAsync(e => e.TicketId == trigger.TicketId && e.Field == AutomationHistory.Field
            && e.OldValue == AutomationHistory.LimitReached && e.CreatedAt > since, cancellationToken);
        if (!told)
        {
            AutomationHistory.Add(db, trigger.TicketId, attribution, AutomationHistory.LimitReached,
                options.Value.MaxFiringsPerTicketPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Rule {Rule} not run on ticket {TicketId}: {Max} rule firings in the last hour", rule.Name, trigger.TicketId, options.Value.MaxFiringsPerTicketPerHour);
        return true;
    }

    private async Task<bool> AlreadyFiredAsync(int ruleId, string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<AutomationFiring>().AnyAsync(f => f.RuleId == ruleId && f.TriggerKey == key, cancellationToken);
    }
}
