using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Reports;

/// <summary>What the facts are computed from: the ticket's current dimensions and its recorded history.</summary>
public sealed record TicketHistoryInput(
    int TicketId, int Number, DateTimeOffset CreatedAt, TicketChannel Channel, TicketPriority Priority, int? TeamId,
    string? Category, string Language, long Version, string? AssigneeId,
    IReadOnlyList<HistoryLine> Events, IReadOnlyList<HistoryMessage> Messages, IReadOnlyList<HistoryOpen>? Opens = null,
    IReadOnlyList<string>? Tags = null);

/// <summary>An agent opened the ticket's page.</summary>
public sealed record HistoryOpen(string AgentId, DateTimeOffset At);

public sealed record HistoryLine(long Id, string Field, string? OldValue, string? NewValue, string? Reason, string? ActorAgentId, DateTimeOffset At);

public sealed record HistoryMessage(int Seq, AuthorKind AuthorKind, MessageVisibility Visibility, string? AuthorAgentId, DateTimeOffset At);

public sealed record TicketFacts(ReportTicket Ticket, IReadOnlyList<ReportCycle> Cycles, IReadOnlyList<ReportEscalation> Escalations);

/// <summary>
/// Turns one ticket's history (status, assignee, team and tier lines; messages with author kind, visibility and time)
/// into its report facts, following the definitions in <see cref="ReportMetrics"/>. Pure: the same history and calendar
/// always give the same facts, whether computed live after a change or by a rebuild.
/// </summary>
public static class FactBuilder
{
    public static TicketFacts Build(TicketHistoryInput input, WorkingTime businessTime)
    {
        var ticket = new ReportTicket
        {
            TicketId = input.TicketId, Number = input.Number, CreatedAt = input.CreatedAt, Channel = input.Channel,
            Priority = input.Priority, TeamId = input.TeamId, Category = input.Category, Language = input.Language,
            TicketVersion = input.Version, Tags = string.Join(' ', (input.Tags ?? []).Order(StringComparer.Ordinal)),
            FirstAssignedAt = input.Events.Where(e => e.Field == "Assignee" && e.NewValue is not null).Select(e => (DateTimeOffset?)e.At).Min(),
        };
        var cycles = Cycles(input, businessTime);
        if (ticket.FirstAssignedAt is { } assigned && cycles.Count > 0 && cycles[0].ResolvedAt is not null)
        {
            cycles[0].QueueWaitSeconds = Seconds(assigned - input.CreatedAt);
            cycles[0].QueueWaitBusinessSeconds = Seconds(businessTime.Between(input.CreatedAt, assigned));
        }
        return new TicketFacts(ticket, cycles, Escalations(input));
    }

    private sealed class Open(ReportCycle cycle)
    {
        public ReportCycle Cycle { get; } = cycle;
        public TimeSpan Wait, WaitBusiness, OnHold, OnHoldBusiness;
        public string? LastReplier;
        public TimeSpan? Handle, HandleBusiness;
    }

    private static List<ReportCycle> Cycles(TicketHistoryInput input, WorkingTime businessTime)
    {
        var cycles = new List<ReportCycle>();
        Open? current = Start(input, cycles, input.CreatedAt);
        var status = TicketStatus.Open;
        var since = input.CreatedAt;
        var messages = input.Messages.Where(ReportMetrics.IsPublicAgentReply).OrderBy(m => m.At).ThenBy(m => m.Seq).ToList();
        var nextMessage = 0;
        var opens = (input.Opens ?? []).OrderBy(o => o.At).ToList();
        var previousReply = new Dictionary<string, DateTimeOffset>();

        // Replies up to and including an instant belong to the cycle running then (a reply sent with "resolve" shares the
        // resolution's instant, so it counts in the cycle it resolved).
        void TakeReplies(DateTimeOffset until)
        {
            for (; nextMessage < messages.Count && messages[nextMessage].At <= until; nextMessage++)
            {
                if (current is null)
                {
                    continue;
                }
                var reply = messages[nextMessage];
                current.Cycle.PublicReplies++;
                current.LastReplier = reply.AuthorAgentId;
                if (reply.AuthorAgentId is { } author)
                {
                    var since = previousReply.GetValueOrDefault(author, DateTimeOffset.MinValue);
                    if (opens.LastOrDefault(o => o.AgentId == author && o.At <= reply.At && o.At > since) is { } opened)
                    {
                        current.Handle = (current.Handle ?? TimeSpan.Zero) + (reply.At - opened.At);
                        current.HandleBusiness = (current.HandleBusiness ?? TimeSpan.Zero) + businessTime.Between(opened.At, reply.At);
                    }
                    previousReply[author] = reply.At;
                }
                if (current.Cycle.FirstResponseAt is null)
                {
                    current.Cycle.FirstResponseAt = reply.At;
                    current.Cycle.FirstResponseSeconds = Seconds(reply.At - current.Cycle.StartedAt);
                    current.Cycle.FirstResponseBusinessSeconds = Seconds(businessTime.Between(current.Cycle.StartedAt, reply.At));
                }
            }
        }

        foreach (var line in input.Events.Where(e => e.Field == "Status").OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            if (ParseStatus(line.NewValue) is not { } next)
            {
                continue;
            }
            TakeReplies(line.At);
            if (current is not null)
            {
                Accumulate(current, status, since, line.At, businessTime);
            }
            var wasOpen = TicketLifecycle.IsOpen(status);
            if (wasOpen && !TicketLifecycle.IsOpen(next) && current is not null)
            {
                Finish(current, line, businessTime);
                current = null;
            }
            else if (!wasOpen && TicketLifecycle.IsOpen(next))
            {
                cycles[^1].ReopenedAt = line.At;
                cycles[^1].ReopenedAfterSeconds = cycles[^1].ResolvedAt is { } resolved ? Seconds(line.At - resolved) : null;
                current = Start(input, cycles, line.At);
            }
            status = next;
            since = line.At;
        }
        TakeReplies(DateTimeOffset.MaxValue);
        if (current is not null)
        {
            current.Cycle.AgentId = input.AssigneeId;
        }
        return cycles;
    }

    private static Open Start(TicketHistoryInput input, List<ReportCycle> cycles, DateTimeOffset at)
    {
        var cycle = new ReportCycle
        {
            TicketId = input.TicketId, Cycle = cycles.Count, StartedAt = at,
            Channel = input.Channel, Priority = input.Priority, TeamId = input.TeamId, Category = input.Category, Language = input.Language,
        };
        cycles.Add(cycle);
        return new Open(cycle);
    }

    private static void Accumulate(Open open, TicketStatus status, DateTimeOffset from, DateTimeOffset to, WorkingTime businessTime)
    {
        if (to <= from)
        {
            return;
        }
        if (ReportMetrics.RequesterWaits(status))
        {
            open.Wait += to - from;
            open.WaitBusiness += businessTime.Between(from, to);
        }
        if (status == TicketStatus.OnHold)
        {
            open.OnHold += to - from;
            open.OnHoldBusiness += businessTime.Between(from, to);
        }
    }

    private static void Finish(Open open, HistoryLine resolution, WorkingTime businessTime)
    {
        var cycle = open.Cycle;
        cycle.ResolvedAt = resolution.At;
        cycle.AgentId = resolution.ActorAgentId ?? open.LastReplier;
        cycle.ResolutionSeconds = Seconds(resolution.At - cycle.StartedAt);
        cycle.ResolutionBusinessSeconds = Seconds(businessTime.Between(cycle.StartedAt, resolution.At));
        cycle.WaitSeconds = Seconds(open.Wait);
        cycle.WaitBusinessSeconds = Seconds(open.WaitBusiness);
        cycle.OnHoldSeconds = Seconds(open.OnHold);
        cycle.OnHoldBusinessSeconds = Seconds(open.OnHoldBusiness);
        cycle.HandleSeconds = open.Handle is { } handle ? Seconds(handle) : null;
        cycle.HandleBusinessSeconds = open.HandleBusiness is { } handleBusiness ? Seconds(handleBusiness) : null;
    }

    private static List<ReportEscalation> Escalations(TicketHistoryInput input)
    {
        var result = new List<ReportEscalation>();
        var tier = 1;
        // One command writes its lines with one instant: a tier raise and a team move together are one escalation.
        foreach (var change in input.Events.Where(e => e.Field is "Tier" or "Team").GroupBy(e => e.At).OrderBy(g => g.Key))
        {
            var escalated = false;
            foreach (var line in change)
            {
                if (line.Field == "Tier" && int.TryParse(line.NewValue, out var newTier))
                {
                    escalated |= newTier > tier;
                    tier = newTier;
                }
                else if (line.Field == "Team" && line.Reason is not null)
                {
                    escalated = true;
                }
            }
            if (escalated)
            {
                result.Add(new ReportEscalation { TicketId = input.TicketId, Seq = result.Count, At = change.Key, Tier = tier });
            }
        }
        return result;
    }

    /// <summary>The history stores status labels ("In progress"); imported or generated history may carry the names ("InProgress").</summary>
    private static TicketStatus? ParseStatus(string? label) =>
        Enum.GetValues<TicketStatus>().Cast<TicketStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Label(), label, StringComparison.Ordinal))
        ?? (Enum.TryParse<TicketStatus>(label, out var named) && Enum.IsDefined(named) && !int.TryParse(label, out _) ? named : null);

    private static long Seconds(TimeSpan span) => (long)Math.Round(span.TotalSeconds);
}
