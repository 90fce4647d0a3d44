using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Routing;

public sealed partial class RoutingEngine
{
    private enum RequestKind
    {
        New,
        BecameAvailable,
        TimedOut,
        HandBack,
    }

    private sealed record Request(RequestKind Kind)
    {
        public int? Team { get; init; }
        public string? TeamReason { get; init; }

        /// <summary>The ticket must be assigned to this agent (a timeout or a hand-back moves it on from them).</summary>
        public string? FromAgent { get; init; }

        /// <summary>Only this agent may get it (they became available).</summary>
        public string? OnlyAgent { get; init; }
        public bool UnassignIfNobody { get; init; }
    }

    /// <summary>An agent who may take the ticket, with the skills that matched it (for the history's reason).</summary>
    private sealed record Candidate(string AgentId, int KindLoad, int TotalLoad, long LastTurn, IReadOnlyList<string> Skills);

    private async Task<RoutingResult> RouteAsync(int ticketId, Request request)
    {
        if (!Enabled)
        {
            return new RoutingResult(RoutingOutcome.Disabled);
        }
        var result = new RoutingResult(RoutingOutcome.NotWaiting);
        DateTimeOffset? nudgeAt = null;
        int? alertTeam = null;
        var done = await tickets.DecideAsSystemAsync(ticketId, async (db, ticket) =>
        {
            var steps = new List<SystemStep>();
            (result, nudgeAt, alertTeam) = await DecideAsync(db, ticket, request, steps);
            return steps;
        });
        if (done.Outcome == CommandOutcome.NotFound)
        {
            return new RoutingResult(RoutingOutcome.NotFound);
        }
        if (!done.Succeeded)
        {
            // The ticket changed under the decision's own rules (e.g. the agent was deactivated): it waits for the next event.
            logger.LogWarning("Routing ticket {TicketId} was refused: {Error}", ticketId, done.Error);
            return new RoutingResult(RoutingOutcome.NotWaiting);
        }
        if (nudgeAt is { } due)
        {
            scheduler.Nudge(due);
        }
        if (alertTeam is { } teamId)
        {
            await AlertTeamAsync(ticketId, teamId);
        }
        return result;
    }

    private async Task<(RoutingResult, DateTimeOffset?, int?)> DecideAsync(AppDbContext db, Ticket ticket, Request request, List<SystemStep> steps)
    {
        var notWaiting = (new RoutingResult(RoutingOutcome.NotWaiting), (DateTimeOffset?)null, (int?)null);
        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed || ticket.AssigneeId != request.FromAgent)
        {
            return notWaiting;
        }
        var now = clock.GetUtcNow();
        var routing = await db.Set<TicketRouting>().FirstOrDefaultAsync(r => r.TicketId == ticket.Id);
        if (request.Kind == RequestKind.TimedOut && !await StillUnacceptedAsync(db, ticket, routing, request.FromAgent!, now))
        {
            return notWaiting;
        }

        var teamId = ticket.TeamId;
        if (request.Team is { } chosen && chosen != teamId)
        {
            steps.Add(new SystemStep(new SetTeam(teamId, chosen), request.TeamReason));
            teamId = chosen;
        }
        else if (teamId is null && request.Kind == RequestKind.New && await DefaultRuleAsync(db, ticket) is { } rule)
        {
            steps.Add(new SystemStep(new SetTeam(null, rule.TeamId), RoutingReason.DefaultTeam(rule.Channel, rule.Language)));
            teamId = rule.TeamId;
        }
        var settings = teamId is null ? null : await db.Set<TeamRouting>().FirstOrDefaultAsync(r => r.TeamId == teamId);
        if (settings is not { AutoAssign: true })
        {
            if (request.Kind == RequestKind.HandBack)
            {
                steps.Add(new SystemStep(new Assign(request.FromAgent, null), RoutingReason.HandedBack));
                await CancelOfferAsync(db, ticket.Id, routing);
            }
            return (new RoutingResult(teamId is null ? RoutingOutcome.NoTeam : RoutingOutcome.Manual), null, null);
        }

        var excluded = new HashSet<string>(routing?.SkippedIds ?? [], StringComparer.Ordinal);
        if (request.FromAgent is { } from)
        {
            excluded.Add(from);
        }
        var trigger = request.Kind switch
        {
            RequestKind.BecameAvailable => RoutingReason.BecameAvailable,
            RequestKind.TimedOut => RoutingReason.NotAccepted(settings.AcceptTimeoutSeconds),
            RequestKind.HandBack => RoutingReason.HandedBack,
            _ => null,
        };
        var pick = await PickAsync(db, teamId!.Value, ticket, settings, excluded, request.OnlyAgent);
        routing ??= db.Set<TicketRouting>().Add(new TicketRouting { TicketId = ticket.Id }).Entity;
        if (pick is null)
        {
            int? alert = null;
            if (request.FromAgent is not null && request.UnassignIfNobody)
            {
                steps.Add(new SystemStep(new Assign(request.FromAgent, null), RoutingReason.Join(trigger, RoutingReason.NobodyAvailable)));
                await CancelOfferAsync(db, ticket.Id, routing);
            }
            var waits = request.FromAgent is null || request.UnassignIfNobody;
            if (waits && request.OnlyAgent is null && routing.AlertedAt is null)
            {
                routing.AlertedAt = now;
                alert = teamId;
            }
            return (new RoutingResult(RoutingOutcome.NobodyAvailable), null, alert);
        }

        var reason = RoutingReason.Join(trigger, RoutingReason.Method(settings.Method), RoutingReason.Skills(pick.Skills));
        steps.Add(new SystemStep(new Assign(request.FromAgent, pick.AgentId), reason));
        await TakeTurnAsync(db, pick.AgentId);
        if (request.Kind == RequestKind.TimedOut)
        {
            routing.Skipped = string.Join(',', routing.SkippedIds.Append(request.FromAgent!).Distinct());
        }
        routing.OfferedTo = pick.AgentId;
        routing.OfferedAt = now;
        routing.AcceptedAt = null;
        DateTimeOffset? nudge = null;
        if (ticket.Channel == TicketChannel.Chat && settings.AcceptTimeoutSeconds > 0)
        {
            nudge = now.AddSeconds(settings.AcceptTimeoutSeconds);
            await JobScheduler.ScheduleAsync(db, AcceptJobKind, Key(ticket.Id), nudge.Value, pick.AgentId, now);
        }
        else
        {
            await JobScheduler.CancelAsync(db, AcceptJobKind, Key(ticket.Id));
        }
        return (new RoutingResult(RoutingOutcome.Assigned, pick.AgentId, reason), nudge, null);
    }

    /// <summary>The offer still stands: the agent neither pressed Accept nor replied in public since it was made.</summary>
    private static async Task<bool> StillUnacceptedAsync(AppDbContext db, Ticket ticket, TicketRouting? routing, string agentId, DateTimeOffset now)
    {
        if (routing is null || routing.OfferedTo != agentId || routing.AcceptedAt is not null || routing.OfferedAt is not { } offeredAt)
        {
            return false;
        }
        // The reply may have come in just before the timer, ahead of the feed that marks it accepted.
        var replied = await db.Messages.AnyAsync(m => m.TicketId == ticket.Id && m.AuthorKind == AuthorKind.Agent && m.AuthorAgentId == agentId
            && m.Visibility == MessageVisibility.Public && m.CreatedAt >= offeredAt);
        if (replied)
        {
            routing.AcceptedAt = now;
            return false;
        }
        return true;
    }

    private static async Task CancelOfferAsync(AppDbContext db, int ticketId, TicketRouting? routing)
    {
        if (routing is not null)
        {
            routing.OfferedTo = null;
            routing.OfferedAt = null;
            routing.AcceptedAt = null;
        }
        await JobScheduler.CancelAsync(db, AcceptJobKind, Key(ticketId));
    }

    /// <summary>The most specific default team rule for the ticket's channel and language.</summary>
    private static async Task<DefaultTeamRule?> DefaultRuleAsync(AppDbContext db, Ticket ticket)
    {
        var rules = await db.Set<DefaultTeamRule>().AsNoTracking()
            .Where(r => (r.Channel == null || r.Channel == ticket.Channel) && (r.Language == null || r.Language == ticket.Language))
            .ToListAsync();
        return rules.OrderByDescending(r => (r.Channel is null ? 0 : 2) + (r.Language is null ? 0 : 1)).FirstOrDefault();
    }

    private async Task<Candidate?> PickAsync(AppDbContext db, int teamId, Ticket ticket, TeamRouting settings, HashSet<string> excluded, string? onlyAgent)
    {
        var members = await db.TeamMembers.Where(m => m.TeamId == teamId && m.Agent.IsActive).Select(m => m.AgentId).ToListAsync();
        var online = members.Where(id => !excluded.Contains(id) && (onlyAgent is null || id == onlyAgent) && presence.Get(id).IsOnline).ToList();
        if (online.Count == 0)
        {
            return null;
        }
        var skills = (await db.Set<AgentSkill>().AsNoTracking().Where(s => online.Contains(s.AgentId)).ToListAsync()).ToLookup(s => s.AgentId);
        var category = settings.RequireCategorySkill && !string.IsNullOrWhiteSpace(ticket.Category) ? ticket.Category : null;
        var matching = online.Where(id =>
                skills[id].Any(s => s.Kind == SkillKind.Language && string.Equals(s.Value, ticket.Language, StringComparison.OrdinalIgnoreCase))
                && (category is null || skills[id].Any(s => s.Kind == SkillKind.Category && string.Equals(s.Value, category, StringComparison.OrdinalIgnoreCase)))
                && TierOf(skills[id]) >= ticket.Tier)
            .ToList();
        if (matching.Count == 0)
        {
            return null;
        }
        var capacities = await db.Set<AgentRouting>().AsNoTracking().Where(r => matching.Contains(r.AgentId)).ToDictionaryAsync(r => r.AgentId);
        var loads = await db.Tickets.Where(t => t.AssigneeId != null && matching.Contains(t.AssigneeId) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .GroupBy(t => new { t.AssigneeId, Chat = t.Channel == TicketChannel.Chat })
            .Select(g => new { g.Key.AssigneeId, g.Key.Chat, Count = g.Count() }).ToListAsync();
        var isChat = ticket.Channel == TicketChannel.Chat;
        var matched = new List<string> { ticket.Language };
        if (category is not null)
        {
            matched.Add(category);
        }
        if (ticket.Tier > 1)
        {
            matched.Add($"tier {ticket.Tier}");
        }
        var candidates = matching.Select(id =>
            {
                var capacity = capacities.GetValueOrDefault(id) ?? new AgentRouting { AgentId = id };
                var chats = loads.Where(l => l.AssigneeId == id && l.Chat).Sum(l => l.Count);
                var others = loads.Where(l => l.AssigneeId == id && !l.Chat).Sum(l => l.Count);
                var room = isChat ? capacity.MaxChats - chats : capacity.MaxTickets - others;
                return (Room: room, Candidate: new Candidate(id, isChat ? chats : others, chats + others, capacity.LastTurn, matched));
            })
            .Where(c => c.Room > 0)
            .Select(c => c.Candidate);
        var ordered = settings.Method == AssignmentMethod.RoundRobin
            ? candidates.OrderBy(c => c.LastTurn)
            : candidates.OrderBy(c => c.KindLoad).ThenBy(c => c.TotalLoad).ThenBy(c => c.LastTurn);
        return ordered.ThenBy(c => c.AgentId, StringComparer.Ordinal).FirstOrDefault();
    }

    private static int TierOf(IEnumerable<AgentSkill> skills) =>
        skills.Where(s => s.Kind == SkillKind.Tier).Select(s => s.Level).DefaultIfEmpty(1).Max();

    /// <summary>The agent's turn moves to the back of the round-robin queue (one past the latest turn anyone had).</summary>
    private static async Task TakeTurnAsync(AppDbContext db, string agentId)
    {
        var latest = await db.Set<AgentRouting>().MaxAsync(r => (long?)r.LastTurn) ?? 0;
        var row = await db.Set<AgentRouting>().FirstOrDefaultAsync(r => r.AgentId == agentId);
        if (row is null)
        {
            row = db.Set<AgentRouting>().Add(new AgentRouting { AgentId = agentId }).Entity;
        }
        row.LastTurn = latest + 1;
    }

    /// <summary>Tells the team once that a ticket waits because nobody can take it now.</summary>
    private async Task AlertTeamAsync(int ticketId, int teamId)
    {
        List<string> members;
        int number;
        string subject;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Number, t.Subject }).FirstAsync();
            (number, subject) = (ticket.Number, ticket.Subject);
            members = await db.TeamMembers.Where(m => m.TeamId == teamId && m.Agent.IsActive).Select(m => m.AgentId).ToListAsync();
        }
        foreach (var member in members)
        {
            await notifications.NotifyAsync(member, NotificationText.NobodyAvailable(number), subject, $"/tickets/{number}");
        }
    }
}
