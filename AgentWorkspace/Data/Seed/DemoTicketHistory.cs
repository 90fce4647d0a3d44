using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// The audit trail of a demo ticket, derived from its conversation: created, routed, assigned, tagged,
/// re-prioritised, escalated, and every status change an agent (or the system) made along the way.
/// </summary>
internal sealed class DemoTicketHistory(TicketPlan plan, IReadOnlyList<(ScriptLine Line, DateTimeOffset At)> steps, Random random, DateTimeOffset now)
{
    private readonly List<TicketEvent> events = [];

    public List<TicketEvent> Build(DateTimeOffset? resolvedAt, DateTimeOffset? closedAt, out bool escalated)
    {
        var spanish = plan.Script.Language == "es";
        var created = steps[0].At;
        var firstTouch = steps.FirstOrDefault(s => s.Line.Speaker is Speaker.Agent or Speaker.Note);
        var touched = firstTouch.Line is not null;
        var assignee = plan.Assignee;

        // A phone ticket is typed in by whoever took the call; everything else arrives on its own.
        Add(created, "Created", null, plan.Channel.Label(), plan.Channel is TicketChannel.Phone or TicketChannel.WalkIn ? assignee : null);
        if (plan.Team is { } team)
        {
            // What the product does by itself: a chat gets its default team (Billing & Accounts); e-mail arrives in a mailbox's
            // team. Anything else an agent triaged by hand.
            var defaultTeam = plan.Channel == TicketChannel.Chat && team.Name == DemoAgents.BillingTeamName;
            var bySystem = defaultTeam || plan.Channel == TicketChannel.Email;
            Add(created.AddSeconds(2), "Team", null, team.Name, bySystem ? null : assignee,
                defaultTeam ? RoutingReason.DefaultTeam(TicketChannel.Chat, null) : null);
        }

        if (assignee is not null)
        {
            var assignedAt = touched
                ? Later(created.AddSeconds(30), firstTouch.At.AddMinutes(-random.Next(1, 8)))
                : Earlier(created.AddMinutes(random.Next(2, 45)), now.AddMinutes(-1));
            // Some tickets reach agents by automatic assignment (only a member of the ticket's team can get one that way, with
            // the reason routing writes), others are picked up by hand.
            var autoAssigned = random.Next(3) == 0 && plan.Team?.Members.Any(m => m.AgentId == assignee.Id) == true;
            Add(Later(created.AddSeconds(5), assignedAt), "Assignee", null, assignee.DisplayName, autoAssigned ? null : assignee,
                autoAssigned ? RoutingReason.Join(RoutingReason.LeastLoaded, RoutingReason.Skills([plan.Script.Language])) : null);
        }

        if (plan.Tags.Length > 0)
        {
            var tags = string.Join(", ", plan.Tags);
            if (touched)
            {
                Add(firstTouch.At.AddSeconds(-20), "Tags", null, tags, assignee);
            }
            else
            {
                Add(created.AddSeconds(4), "Tags", null, tags, null);
            }
        }

        if (touched && plan.Priority != TicketPriority.Normal && random.Next(2) == 0)
        {
            Add(firstTouch.At.AddSeconds(-10), "Priority", TicketPriority.Normal.Label(), plan.Priority.Label(), assignee);
        }

        escalated = plan.Script.Escalates && touched;
        if (escalated)
        {
            var noteAt = steps.FirstOrDefault(s => s.Line.Speaker == Speaker.Note).At;
            var at = (noteAt == default ? firstTouch.At : noteAt).AddSeconds(30);
            Add(at, "Tier", "1", "2", assignee, DemoTicketTexts.EscalationReason(spanish));
        }

        AddStatusChanges(resolvedAt, closedAt);
        return events.OrderBy(e => e.CreatedAt).ToList();
    }

    private void AddStatusChanges(DateTimeOffset? resolvedAt, DateTimeOffset? closedAt)
    {
        var current = TicketStatus.Open;
        foreach (var (line, at) in steps)
        {
            var next = current;
            if (line.Stop.HasFlag(StopsFor.Waiting) && line.Speaker == Speaker.Agent)
            {
                next = TicketStatus.WaitingOnCustomer;
            }
            else if (line.Stop.HasFlag(StopsFor.OnHold))
            {
                next = TicketStatus.OnHold;
            }
            else if (line.Speaker is Speaker.Agent or Speaker.Note && current is TicketStatus.Open or TicketStatus.OnHold)
            {
                next = TicketStatus.InProgress;
            }
            else if (line.Speaker == Speaker.Customer && current == TicketStatus.WaitingOnCustomer)
            {
                next = TicketStatus.InProgress;
            }

            if (next != current)
            {
                // The customer's reply moves a waiting ticket back by rule; everything else is an agent's doing.
                var byCustomerReply = line.Speaker == Speaker.Customer;
                Add(at.AddSeconds(byCustomerReply ? 1 : 5), "Status", current.Label(), next.Label(), byCustomerReply ? null : plan.Assignee);
                current = next;
            }
        }

        if (resolvedAt is { } resolved)
        {
            Add(resolved, "Status", current.Label(), TicketStatus.Resolved.Label(), plan.Assignee);
            if (closedAt is { } closed)
            {
                // As the auto-close rule does it (Features/Sla/TimedRules.cs).
                Add(closed, "Status", TicketStatus.Resolved.Label(), TicketStatus.Closed.Label(), null, DemoTicketTexts.AutoCloseReason);
            }
        }
    }

    private void Add(DateTimeOffset at, string field, string? oldValue, string? newValue, Agent? actor, string? reason = null) =>
        events.Add(new TicketEvent
        {
            CreatedAt = at,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            ActorKind = actor is null ? AuthorKind.System : AuthorKind.Agent,
            ActorAgentId = actor?.Id,
            Reason = reason,
        });

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
