using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// The inbox's rules in memory, the same as <see cref="InboxQuery"/>'s SQL: which view and filters a ticket belongs to,
/// and where it sorts. Live screens use it to place a changed ticket without asking the database (a test holds the two
/// to the same answers).
/// </summary>
public static class InboxMatcher
{
    public static bool IsOpen(TicketStatus status) => Array.IndexOf(InboxQuery.OpenStatuses, status) >= 0;

    public static bool InView(InboxView view, int? viewTeamId, string agentId, TicketStatus status, int? teamId, string? assigneeId, string? ownerId = null) => view switch
    {
        InboxView.AllOpen => IsOpen(status),
        InboxView.Mine => assigneeId == agentId && IsOpen(status),
        InboxView.Owned => ownerId == agentId && IsOpen(status),
        InboxView.Unassigned => assigneeId is null && IsOpen(status),
        InboxView.WaitingOnCustomer => status == TicketStatus.WaitingOnCustomer,
        InboxView.OnHold => status == TicketStatus.OnHold,
        InboxView.ResolvedAndClosed => !IsOpen(status),
        InboxView.Team => teamId == viewTeamId && IsOpen(status),
        // Also a matter of time: Matches adds the SLA's part.
        InboxView.BreachingSoon => IsOpen(status),
        _ => true,
    };

    /// <summary>
    /// Whether the ticket is in the agent's filtered list at <paramref name="now"/> (the SLA view depends on it). A search
    /// can't be decided here: null then.
    /// </summary>
    public static bool? Matches(InboxTicket t, InboxFilter f, AgentScope scope, DateTimeOffset now)
    {
        if (!scope.InQueues(t.TeamId, t.AssigneeId, t.OwnerId))
            return false;
        if (!f.AnyStatus && !InView(f.View, f.ViewTeamId, scope.AgentId, t.Status, t.TeamId, t.AssigneeId, t.OwnerId))
            return false;
        if (!f.AnyStatus && f.View == InboxView.BreachingSoon && !t.Sla.BreachingSoonAt(now))
            return false;
        if (f.Statuses.Count > 0 && !f.Statuses.Contains(t.Status))
            return false;
        if (f.Priorities.Count > 0 && !f.Priorities.Contains(t.Priority))
            return false;
        if (f.Channels.Count > 0 && !f.Channels.Contains(t.Channel))
            return false;
        if (TicketService.NormalizeTag(f.Tag) is { } tag && !t.Tags.Contains(tag))
            return false;
        if (f.AssigneeId is { } assignee && t.AssigneeId != assignee)
            return false;
        if (f.TeamId is { } team && t.TeamId != team)
            return false;
        if (f.CreatedFrom is { } cf && t.CreatedAt.UtcTicks < cf.UtcTicks)
            return false;
        if (f.CreatedTo is { } ct && t.CreatedAt.UtcTicks >= ct.UtcTicks)
            return false;
        if (f.UpdatedFrom is { } uf && t.LastActivityAt.UtcTicks < uf.UtcTicks)
            return false;
        if (f.UpdatedTo is { } ut && t.LastActivityAt.UtcTicks >= ut.UtcTicks)
            return false;
        // A search or a report's drill-down decides membership in SQL only.
        return string.IsNullOrWhiteSpace(f.Search) && f.Report is null ? true : null;
    }

    /// <summary>The row's keys in <paramref name="sort"/>: what a page cursor holds.</summary>
    public static InboxCursor KeyOf(InboxSort sort, int id, TicketPriority priority, DateTimeOffset createdAt, DateTimeOffset lastActivityAt, DateTimeOffset? waitingSince, DateTimeOffset? dueAt = null) => sort switch
    {
        InboxSort.DueSoonest => new InboxCursor(dueAt?.UtcTicks ?? long.MaxValue, 0, id),
        InboxSort.Priority => new InboxCursor((long)priority, lastActivityAt.UtcTicks, id),
        InboxSort.Created => new InboxCursor(createdAt.UtcTicks, 0, id),
        InboxSort.LongestWaiting => new InboxCursor(waitingSince?.UtcTicks ?? long.MaxValue, 0, id),
        _ => new InboxCursor(lastActivityAt.UtcTicks, 0, id),
    };

    public static InboxCursor KeyOf(InboxSort sort, InboxRow r) => KeyOf(sort, r.Id, r.Priority, r.CreatedAt, r.LastActivityAt, r.WaitingSince, r.Sla.DueAt);

    public static InboxCursor KeyOf(InboxSort sort, InboxTicket t) => KeyOf(sort, t.Id, t.Priority, t.CreatedAt, t.LastActivityAt, t.WaitingSince, t.Sla.DueAt);

    /// <summary>Negative when <paramref name="a"/> is listed before <paramref name="b"/>, as the SQL orders them.</summary>
    public static int Compare(InboxSort sort, InboxCursor a, InboxCursor b)
    {
        if (sort is InboxSort.LongestWaiting or InboxSort.DueSoonest)
        {
            // Oldest wait (soonest due) first, nobody waiting (no running target: MaxValue) last; then by id ascending.
            var byWait = a.Key1.CompareTo(b.Key1);
            return byWait != 0 ? byWait : a.Id.CompareTo(b.Id);
        }
        // Every other sort is descending on all its keys.
        var c = b.Key1.CompareTo(a.Key1);
        if (c == 0) c = b.Key2.CompareTo(a.Key2);
        if (c == 0) c = b.Id.CompareTo(a.Id);
        return c;
    }
}
