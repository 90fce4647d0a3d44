using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// Turns a <see cref="TicketPlan"/> into a ticket with its messages and history. Times are laid out backwards
/// from "now" so open work looks fresh and closed tickets look old, and every derived timestamp
/// (first response, waiting since, resolved, closed, last activity) agrees with the messages.
/// </summary>
internal sealed class DemoTicketBuilder(DateTimeOffset now, Random random)
{
    private sealed record Step(ScriptLine Line, DateTimeOffset At);

    /// <summary>The auto-close rule's default (Sla:AutoCloseResolvedAfterDays): resolved tickets close after four quiet days.</summary>
    private static readonly TimeSpan AutoCloseDelay = TimeSpan.FromDays(4);

    public Ticket Build(TicketPlan plan)
    {
        var spanish = plan.Script.Language == "es";
        var lines = Compose(plan, spanish);
        var steps = Schedule(plan, lines);
        var order = $"#{random.Next(1040, 9890)}";

        var ticket = new Ticket
        {
            Subject = plan.Script.Subject,
            Status = plan.Status,
            Priority = plan.Priority,
            Channel = plan.Channel,
            Category = plan.Script.Category,
            Language = plan.Script.Language,
            CustomerId = plan.Customer.Customer.Id,
            TeamId = plan.Team?.Id,
            AssigneeId = plan.Assignee?.Id,
            // The rule of the TicketOwnerAndFollowers migration: whoever works a ticket is responsible for it.
            OwnerId = plan.Assignee?.Id,
            CreatedAt = steps[0].At,
            Tags = plan.Tags.Select(t => new TicketTag { Tag = t }).ToList(),
        };

        foreach (var step in steps)
        {
            ticket.Messages.Add(ToMessage(plan, step, ticket.Messages.Count + 1, Fill(step.Line.Body, plan, order)));
        }

        var last = steps[^1].At;
        if (plan.Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            ticket.ResolvedAt = last.AddMinutes(random.Next(1, 20));
            if (plan.Status == TicketStatus.Closed)
            {
                // Closed by the auto-close rule, which records it in the history and posts nothing to the customer.
                ticket.ClosedAt = ticket.ResolvedAt + AutoCloseDelay;
            }
        }

        ticket.LastMessageSeq = ticket.Messages.Count;
        ticket.LastActivityAt = ticket.Messages[^1].CreatedAt;
        ticket.FirstResponseAt = ticket.Messages
            .FirstOrDefault(m => m.AuthorKind == AuthorKind.Agent && m.Visibility == MessageVisibility.Public)?.CreatedAt;
        var lastSpoken = ticket.Messages.LastOrDefault(m => m.AuthorKind != AuthorKind.System && m.Visibility == MessageVisibility.Public);
        ticket.WaitingSince = lastSpoken?.AuthorKind == AuthorKind.Customer && plan.Status is not (TicketStatus.Resolved or TicketStatus.Closed)
            ? lastSpoken.CreatedAt
            : null;

        var history = new DemoTicketHistory(plan, steps.Select(s => (s.Line, s.At)).ToList(), random, now);
        ticket.Events = history.Build(ticket.ResolvedAt, ticket.ClosedAt, out var escalated);
        ticket.Tier = escalated ? 2 : 1;
        ticket.UpdatedAt = new[] { ticket.LastActivityAt, ticket.Events.Max(e => e.CreatedAt) }.Max();
        return ticket;
    }

    private List<ScriptLine> Compose(TicketPlan plan, bool spanish)
    {
        var lines = plan.Script.Cut(plan.Status).ToList();
        var createdFrom = DemoTicketTexts.CreatedFrom(plan.Channel, spanish);
        // Phone and API tickets say where they came from; a web-form ticket does while nobody has answered yet.
        if (createdFrom is not null && lines.Count < 8
            && (plan.Channel != TicketChannel.WebForm || plan.Status == TicketStatus.Open))
        {
            lines.Insert(0, new ScriptLine(Speaker.System, createdFrom));
        }
        if (lines.Count < 2)
        {
            lines.Add(new ScriptLine(Speaker.Customer, DemoTicketTexts.Nudge(spanish, plan.Channel == TicketChannel.Chat, random)));
        }
        if (plan.Status == TicketStatus.Closed && lines.Count < 8)
        {
            // This draw once chose which closed tickets got an auto-close message; kept so the rest of the demo stays as it was.
            random.Next(2);
        }
        return lines;
    }

    private List<Step> Schedule(TicketPlan plan, List<ScriptLine> lines)
    {
        var live = plan.Channel == TicketChannel.Chat;
        var urgent = plan.Priority == TicketPriority.Urgent;
        var offsets = new List<double> { 0 };
        for (var i = 1; i < lines.Count; i++)
        {
            offsets.Add(offsets[^1] + GapMinutes(lines[i - 1], lines[i], live, urgent));
        }

        // How long ago the last line was said, by status: open work is recent, closed work is weeks old.
        var (minAge, maxAge) = plan.Status switch
        {
            TicketStatus.Open => (5, 20 * 60),
            TicketStatus.InProgress => (10, 30 * 60),
            TicketStatus.WaitingOnCustomer => (60, 3 * 24 * 60),
            TicketStatus.OnHold => (3 * 60, 5 * 24 * 60),
            // Resolved within the auto-close delay: older ones would have been closed by the rule already.
            TicketStatus.Resolved => (4 * 60, (int)(AutoCloseDelay.TotalMinutes - (6 * 60))),
            _ => (4 * 24 * 60, 55 * 24 * 60),
        };
        var end = now.AddMinutes(-random.Next(minAge, maxAge));
        var start = end.AddMinutes(-offsets[^1]);
        var earliest = now.AddDays(-60);
        if (start < earliest)
        {
            start = earliest.AddMinutes(random.Next(0, 24 * 60));
        }

        var customer = plan.Customer.Customer;
        if (customer.CreatedAt > start.AddDays(-1))
        {
            customer.CreatedAt = start.AddDays(-random.Next(2, 20)).AddMinutes(-random.Next(0, 600));
        }
        return lines.Select((line, i) => new Step(line, start.AddMinutes(offsets[i]))).ToList();
    }

    private double GapMinutes(ScriptLine previous, ScriptLine next, bool live, bool urgent)
    {
        if (previous.Speaker == Speaker.System)
        {
            return 0.05;
        }
        if (previous.Stop.HasFlag(StopsFor.OnHold))
        {
            // Whatever follows a hold waited for someone outside the conversation.
            return Between(180, 1800);
        }
        var gap = (previous.Speaker, next.Speaker) switch
        {
            (Speaker.Customer, Speaker.Customer) => live ? Between(2, 10) : Between(120, 1200),
            (_, Speaker.Customer) => live ? Between(1, 6) : Between(30, 900),
            (_, Speaker.Note) => Between(2, 25),
            (Speaker.Agent, Speaker.Agent) => Between(240, 2000),
            (_, Speaker.Agent) => live ? Between(1, 8) : Between(20, 300),
            _ => Between(1, 5),
        };
        return urgent && next.Speaker != Speaker.Customer ? gap / 3 : gap;
    }

    private double Between(int min, int max) => min + (random.NextDouble() * (max - min));

    private static Message ToMessage(TicketPlan plan, Step step, int seq, string body)
    {
        var message = new Message { Seq = seq, Body = body, CreatedAt = step.At, Visibility = MessageVisibility.Public };
        switch (step.Line.Speaker)
        {
            case Speaker.Customer:
                message.AuthorKind = AuthorKind.Customer;
                message.AuthorCustomerId = plan.Customer.Customer.Id;
                break;
            case Speaker.System:
                message.AuthorKind = AuthorKind.System;
                break;
            default:
                message.AuthorKind = AuthorKind.Agent;
                message.AuthorAgentId = AuthorOf(plan).Id;
                message.Visibility = step.Line.Speaker == Speaker.Note ? MessageVisibility.Internal : MessageVisibility.Public;
                break;
        }
        return message;
    }

    internal static Agent AuthorOf(TicketPlan plan) =>
        plan.Assignee ?? throw new InvalidOperationException($"Demo ticket \"{plan.Script.Subject}\" has agent lines but no assignee.");

    private static string Fill(string body, TicketPlan plan, string order)
    {
        var agentName = plan.Assignee?.DisplayName.Split(' ')[0] ?? (plan.Script.Language == "es" ? "equipo" : "team");
        return body
            .Replace("{name}", plan.Customer.FirstName, StringComparison.Ordinal)
            .Replace("{agent}", agentName, StringComparison.Ordinal)
            .Replace("{shop}", plan.Customer.Customer.Company, StringComparison.Ordinal)
            .Replace("{domain}", plan.Customer.Domain, StringComparison.Ordinal)
            .Replace("{order}", order, StringComparison.Ordinal);
    }
}
