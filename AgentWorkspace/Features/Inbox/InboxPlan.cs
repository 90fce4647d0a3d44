using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// Which rows a list starts from, named to SQLite rather than left to its planner. With ANALYZE statistics
/// (the app runs PRAGMA optimize at start-up) the planner chose differently at different sizes: "Resolved and
/// closed" skip-scanned the assignee index and sorted every done ticket at 100,000 tickets, yet walked the
/// right index at a million. So each list names its index (INDEXED BY), and every plan reads a number of rows
/// bounded by the page, not by the database:
/// <list type="bullet">
/// <item>a search or a rare tag: at most a few thousand ticket ids, looked up by id and sorted (NOT INDEXED);</item>
/// <item>one assignee (or none), one team, one status: that slice's own open index, in last-activity order;</item>
/// <item>otherwise the view family's index in the requested order, filtering as it walks.</item>
/// </list>
/// Each index's WHERE is implied by the view's status list, which SQLite checks; a mismatch fails loudly
/// ("no query solution") in the tests rather than silently scanning.
/// </summary>
internal sealed record InboxPlan(string? Hint)
{
    /// <summary>A tag on at most this many tickets is read from the tag index instead of being probed per row.</summary>
    public const int RareTagTickets = 2_000;

    private static readonly InboxPlan Planner = new((string?)null);
    private static readonly InboxPlan ByIds = new("NOT INDEXED");

    /// <summary>"#1234": the one ticket with that number.</summary>
    public static readonly InboxPlan ByNumber = Index("IX_Tickets_Number");

    /// <summary>The tickets, read the way this plan says on SQLite; PostgreSQL has no index hints and plans by itself.</summary>
    public IQueryable<Ticket> Source(AppDbContext db) => Hint is null || db.Database.IsPostgres() ? db.Tickets : db.Tickets.FromSqlRaw(SourceSql(Hint));

    // Only the constant hints above and the index names below ever get here.
    private static string SourceSql(string hint) => "SELECT * FROM \"Tickets\" " + hint;

    private static InboxPlan Index(string name) => new($"INDEXED BY \"{name}\"");

    public static async Task<bool> IsRareTagAsync(AppDbContext db, string tag) =>
        await db.TicketTags.Where(t => t.Tag == tag).Take(RareTagTickets + 1).CountAsync() <= RareTagTickets;

    /// <summary>"Breaching soon" holding at most this many tickets is read from its own range and sorted; a fuller one is found by walking the sort's index.</summary>
    public const int FewBreachingTickets = 2_000;

    /// <summary>Whether "Breaching soon" is small enough, across all teams, to read whole (one index range, counted up to the limit).</summary>
    public static async Task<bool> IsFewBreachingAsync(AppDbContext db, DateTimeOffset now, int few = FewBreachingTickets) =>
        await (db.Database.IsPostgres() ? db.Tickets : db.Tickets.FromSqlRaw(SourceSql("INDEXED BY \"IX_Tickets_Open_SlaAttention\"")))
            .Where(t => EF.Constant(InboxQuery.OpenStatuses).Contains(t.Status) && t.SlaAttentionAt <= now)
            .Take(few + 1).CountAsync() <= few;

    /// <param name="byIds">The list is restricted to a bounded set of ids (search hits, a rare tag's tickets).</param>
    /// <param name="fewBreaching">"Breaching soon" is small (<see cref="IsFewBreachingAsync"/>); only asked for that view.</param>
    public static InboxPlan For(InboxFilter f, bool byIds, bool fewBreaching = true)
    {
        if (byIds)
        {
            return ByIds;
        }
        var statuses = f.AnyStatus ? f.Statuses : ViewStatuses(f.View).Intersect(f.Statuses.Count > 0 ? f.Statuses : ViewStatuses(f.View)).ToList();
        if (statuses.Count == 0)
        {
            return Planner;
        }
        if (statuses.All(InboxQuery.OpenStatuses.Contains))
        {
            return Open(f, statuses, fewBreaching);
        }
        if (statuses.All(InboxQuery.DoneStatuses.Contains))
        {
            return f.Sort switch
            {
                InboxSort.LastActivity => Index("IX_Tickets_Done_LastActivity"),
                InboxSort.Priority => Index("IX_Tickets_Priority_LastActivityAt_Id"),
                InboxSort.Created => Index("IX_Tickets_CreatedAt_Id"),
                _ => Planner,
            };
        }
        return Planner;
    }

    private static InboxPlan Open(InboxFilter f, IReadOnlyList<TicketStatus> statuses, bool fewBreaching)
    {
        var oneAssignee = f.AssigneeId is not null || (!f.AnyStatus && f.View is InboxView.Mine or InboxView.Unassigned);
        var oneTeam = f.TeamId is not null || (!f.AnyStatus && f.View == InboxView.Team);
        // One agent's open tickets are few enough to sort in any order; a team's or a status's may not be.
        if (oneAssignee && (f.Sort == InboxSort.LastActivity || f.View == InboxView.Mine || f.AssigneeId is not null))
        {
            return Index("IX_Tickets_Open_Assignee");
        }
        // One agent's owned tickets: as few as their own, in their own index.
        if (!f.AnyStatus && f.View == InboxView.Owned)
        {
            return Index("IX_Tickets_Open_Owner");
        }
        // "Breaching soon" holds the tickets whose stored attention instant has passed: when they are few, read that
        // range and sort it; when many (a backlog of breached tickets), the sort's own index finds a page of them soon.
        if (!f.AnyStatus && f.View == InboxView.BreachingSoon && f.Sort != InboxSort.DueSoonest && fewBreaching)
        {
            return Index("IX_Tickets_Open_SlaAttention");
        }
        if (f.Sort == InboxSort.LastActivity)
        {
            if (oneTeam) return Index("IX_Tickets_Open_Team");
            if (statuses.Count == 1) return Index("IX_Tickets_Open_Status");
        }
        return f.Sort switch
        {
            InboxSort.Priority => Index("IX_Tickets_Open_Priority"),
            InboxSort.Created => Index("IX_Tickets_Open_Created"),
            InboxSort.LongestWaiting => Index("IX_Tickets_Open_Waiting"),
            InboxSort.DueSoonest => Index("IX_Tickets_Open_SlaDue"),
            _ => Index("IX_Tickets_Open_LastActivity"),
        };
    }

    private static IReadOnlyList<TicketStatus> ViewStatuses(InboxView view) => view switch
    {
        InboxView.WaitingOnCustomer => [TicketStatus.WaitingOnCustomer],
        InboxView.OnHold => [TicketStatus.OnHold],
        InboxView.ResolvedAndClosed => InboxQuery.DoneStatuses,
        _ => InboxQuery.OpenStatuses,
    };
}
