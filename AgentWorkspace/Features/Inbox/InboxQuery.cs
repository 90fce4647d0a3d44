using AgentWorkspace.Data;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// Reads the shared inbox. Every query starts from the tickets in the agent's queues (InQueuesOf), pages by keyset
/// (the sort keys of the last row, never OFFSET) so page 1,000 costs what page 1 costs, and searches
/// through the FTS5 index.
/// </summary>
public sealed class InboxQuery(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, int fewBreachingTickets = InboxPlan.FewBreachingTickets)
{
    /// <summary>How close a due instant puts a ticket in the "Breaching soon" view (at-risk and breached ones are in it anyway).</summary>
    public static readonly TimeSpan BreachingSoonWindow = SlaState.BreachingSoonWindow;

    public const int MaxPageSize = 100;

    internal static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.OnHold];

    internal static readonly TicketStatus[] DoneStatuses = [TicketStatus.Resolved, TicketStatus.Closed];

    /// <summary>View counts stop here ("10,000+"): an exact count of a million rows costs more than it tells.</summary>
    public const int CountCap = 10_000;

    /// <summary>Search ranks the most recent matching tickets; a term in half the database would otherwise mean reading half the database.</summary>
    public const int SearchCandidates = 2_000;

    public async Task<InboxResult> ListAsync(AgentScope scope, InboxFilter filter, string? after = null, int pageSize = 25)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync();
        var search = await SearchOf(db, filter.Search);
        if (search is { Nothing: true })
        {
            return new InboxResult([], null);
        }
        var tag = TicketService.NormalizeTag(filter.Tag);
        var rareTag = tag is not null && search is null && await InboxPlan.IsRareTagAsync(db, tag);
        var now = clock.GetUtcNow();
        var fewBreaching = filter is { View: InboxView.BreachingSoon, AnyStatus: false } && filter.Sort != InboxSort.DueSoonest
            && await InboxPlan.IsFewBreachingAsync(db, now, fewBreachingTickets);
        var plan = search is { Number: not null } ? InboxPlan.ByNumber : InboxPlan.For(filter, byIds: search is not null || rareTag || filter.Report is not null, fewBreaching);
        var query = Apply(db, plan.Source(db).AsNoTracking().InQueuesOf(scope), filter, scope, search, rareTag, now);
        var ordered = Order(db, query, filter.Sort, InboxCursor.Parse(after));
        var agentId = scope.AgentId;
        var rows = await ordered.Take(pageSize + 1)
            .Select(t => new InboxRow(
                t.Id, t.Number, t.Subject, t.Customer.Name, t.Status, t.Priority, t.Channel,
                t.AssigneeId, t.Assignee != null ? t.Assignee.DisplayName : null,
                t.TeamId, t.Team != null ? t.Team.Name : null,
                t.CreatedAt, t.LastActivityAt, t.WaitingSince,
                !db.TicketReads.Any(r => r.AgentId == agentId && r.TicketId == t.Id && r.SeenAt >= t.LastActivityAt)))
            .ToListAsync();
        var sla = await InboxSla.LoadAsync(db, rows.Select(r => r.Id).ToList());
        rows = rows.Select(r => sla.TryGetValue(r.Id, out var s) ? r with { Sla = s } : r).ToList();
        var next = rows.Count > pageSize ? InboxMatcher.KeyOf(filter.Sort, rows[pageSize - 1]).ToString() : null;
        return new InboxResult(rows.Take(pageSize).ToList(), next);
    }

    /// <summary>The count of every view the agent has, team views included (key: view name, or "Team:{id}"), capped at <see cref="CountCap"/> + 1.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(AgentScope scope)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var visible = db.Tickets.AsNoTracking().InQueuesOf(scope);
        var counts = new Dictionary<string, int>();
        var now = clock.GetUtcNow();
        foreach (var view in Enum.GetValues<InboxView>().Where(v => v != InboxView.Team))
        {
            counts[view.ToString()] = await ViewFilter(db, visible, view, null, scope.AgentId, now).Take(CountCap + 1).CountAsync();
        }
        foreach (var teamId in await TeamViewsAsync(db, scope))
        {
            counts[$"Team:{teamId}"] = await ViewFilter(db, visible, InboxView.Team, teamId, scope.AgentId, now).Take(CountCap + 1).CountAsync();
        }
        return counts;
    }

    /// <summary>
    /// The "Breaching soon" count now, capped like <see cref="CountsAsync"/>. Time moves tickets into this view, so it
    /// can't be kept from change deltas like the other views (<see cref="InboxCounts"/>): screens ask for it.
    /// </summary>
    public async Task<int> CountBreachingSoonAsync(AgentScope scope)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var visible = db.Tickets.AsNoTracking().InQueuesOf(scope);
        return await ViewFilter(db, visible, InboxView.BreachingSoon, null, scope.AgentId, clock.GetUtcNow()).Take(CountCap + 1).CountAsync();
    }

    /// <summary>How many of the tickets behind a report's number this agent may see (the drill-down's banner).</summary>
    public async Task<int> CountReportAsync(AgentScope scope, Reports.ReportDrill drill)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reported = Reports.ReportQuery.TicketIds(db, drill);
        return await db.Tickets.AsNoTracking().InQueuesOf(scope).Where(t => reported.Contains(t.Id)).CountAsync();
    }

    /// <summary>The teams that get a view: the agent's own (all of them for admins).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TeamsAsync(AgentScope scope)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = await TeamViewsAsync(db, scope);
        return (await db.Teams.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync())
            .Select(t => (t.Id, t.Name)).ToList();
    }

    private static async Task<List<int>> TeamViewsAsync(AppDbContext db, AgentScope scope) =>
        scope.IsAdmin ? await db.Teams.Select(t => t.Id).ToListAsync() : scope.TeamIds.ToList();

    /// <summary>
    /// A search: "#1234" is that ticket number; anything else is a full-text query (Match, null when no term can
    /// match) plus, for a bare number, that ticket number too. Nothing: the search cannot match any ticket.
    /// </summary>
    private sealed record Search(int? Number, string? Match, int? Bare)
    {
        public bool Nothing => Number is null && Match is null && Bare is null;
    }

    private static async Task<Search?> SearchOf(AppDbContext db, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var term = text.Trim();
        if (term.StartsWith('#') && int.TryParse(term[1..], out var number))
        {
            return new Search(number, null, null);
        }
        return new Search(null, await TicketSearchQuery.ToMatchAsync(db, term), int.TryParse(term, out var bare) ? bare : null);
    }

    private static IQueryable<Ticket> Apply(AppDbContext db, IQueryable<Ticket> tickets, InboxFilter f, AgentScope scope, Search? search, bool rareTag, DateTimeOffset now)
    {
        var q = f.AnyStatus ? tickets : ViewFilter(db, tickets, f.View, f.ViewTeamId, scope.AgentId, now);
        if (f.Statuses.Count > 0)
        {
            q = q.Where(t => f.Statuses.Contains(t.Status));
            // Naming the family too lets SQLite use that family's partial indexes.
            if (f.Statuses.All(OpenStatuses.Contains)) q = q.Where(t => EF.Constant(OpenStatuses).Contains(t.Status));
            else if (f.Statuses.All(DoneStatuses.Contains)) q = q.Where(t => EF.Constant(DoneStatuses).Contains(t.Status));
        }
        if (f.Priorities.Count > 0) q = q.Where(t => f.Priorities.Contains(t.Priority));
        if (f.Channels.Count > 0) q = q.Where(t => f.Channels.Contains(t.Channel));
        if (TicketService.NormalizeTag(f.Tag) is { } tag)
        {
            q = rareTag
                ? q.Where(t => db.TicketTags.Where(x => x.Tag == tag).Select(x => x.TicketId).Contains(t.Id))
                : q.Where(t => t.Tags.Any(x => x.Tag == tag));
        }
        if (f.AssigneeId is { } assignee) q = q.Where(t => t.AssigneeId == assignee);
        if (f.TeamId is { } team) q = q.Where(t => t.TeamId == team);
        if (f.CreatedFrom is { } cf) q = q.Where(t => t.CreatedAt >= cf);
        if (f.CreatedTo is { } ct) q = q.Where(t => t.CreatedAt < ct);
        if (f.UpdatedFrom is { } uf) q = q.Where(t => t.LastActivityAt >= uf);
        if (f.UpdatedTo is { } ut) q = q.Where(t => t.LastActivityAt < ut);
        if (f.SlaBreached is { } breached) q = q.WhereBreached(db, breached, f.SlaAsOf);
        if (f.SlaDueBefore is { } dueBefore) q = q.WhereDueBefore(db, dueBefore);
        if (f.Report is { } drill)
        {
            var reported = Reports.ReportQuery.TicketIds(db, drill);
            q = q.Where(t => reported.Contains(t.Id));
        }
        if (search is { Number: { } number })
        {
            return q.Where(t => t.Number == number);
        }
        if (search is not null)
        {
            var hits = SearchHits(db, search);
            q = q.Where(t => hits.Contains(t.Id));
        }
        return q;
    }

    /// <summary>The ids a search stands for: the most recent matching tickets, and the ticket whose number was typed.</summary>
    private static IQueryable<int> SearchHits(AppDbContext db, Search search) => db.Database.IsPostgres()
        ? PostgresTicketSearch.Hits(db, search.Match, search.Bare, SearchCandidates)
        : (search.Match, search.Bare) switch
    {
        ({ } match, { } bare) => db.Database.SqlQuery<int>($"""
            SELECT Value FROM (SELECT rowid AS Value FROM TicketSearch WHERE TicketSearch MATCH {match} ORDER BY rowid DESC LIMIT {SearchCandidates})
            UNION SELECT Id FROM Tickets WHERE Number = {bare}
            """),
        ({ } match, null) => db.Database.SqlQuery<int>(
            $"SELECT rowid AS Value FROM TicketSearch WHERE TicketSearch MATCH {match} ORDER BY rowid DESC LIMIT {SearchCandidates}"),
        (null, { } bare) => db.Database.SqlQuery<int>($"SELECT Id AS Value FROM Tickets WHERE Number = {bare}"),
        _ => throw new InvalidOperationException("A search without a query or a number has no hits."),
    };

    private static IQueryable<Ticket> ViewFilter(AppDbContext db, IQueryable<Ticket> tickets, InboxView view, int? teamId, string agentId, DateTimeOffset now) => view switch
    {
        // InboxSla.BreachingSoonAt in SQL, on the instant the SLA engine stores on the ticket (one index range).
        InboxView.BreachingSoon => tickets.Where(t => EF.Constant(OpenStatuses).Contains(t.Status) && t.SlaAttentionAt <= now),
        // EF.Constant writes the status lists into the SQL, where they match the partial indexes' WHERE clauses.
        InboxView.AllOpen => tickets.Where(t => EF.Constant(OpenStatuses).Contains(t.Status)),
        InboxView.Mine => tickets.Where(t => t.AssigneeId == agentId && EF.Constant(OpenStatuses).Contains(t.Status)),
        InboxView.Owned => tickets.Where(t => t.OwnerId == agentId && EF.Constant(OpenStatuses).Contains(t.Status)),
        InboxView.Unassigned => tickets.Where(t => t.AssigneeId == null && EF.Constant(OpenStatuses).Contains(t.Status)),
        // One status: SQLite needs the family's list too to use the open partial indexes. PostgreSQL proves those
        // indexes' WHERE from the one status itself, and would multiply the two conditions' selectivities as if they
        // were independent (~17x too few rows at 1M tickets): it then read every waiting ticket through a BitmapOr
        // and sorted them (60-90 ms on a deep page) instead of walking the covering index backwards (0.2 ms).
        InboxView.WaitingOnCustomer => db.Database.IsPostgres()
            ? tickets.Where(t => t.Status == TicketStatus.WaitingOnCustomer)
            : tickets.Where(t => EF.Constant(OpenStatuses).Contains(t.Status) && t.Status == TicketStatus.WaitingOnCustomer),
        InboxView.OnHold => db.Database.IsPostgres()
            ? tickets.Where(t => t.Status == TicketStatus.OnHold)
            : tickets.Where(t => EF.Constant(OpenStatuses).Contains(t.Status) && t.Status == TicketStatus.OnHold),
        InboxView.ResolvedAndClosed => tickets.Where(t => EF.Constant(DoneStatuses).Contains(t.Status)),
        InboxView.Team => tickets.Where(t => t.TeamId == teamId && EF.Constant(OpenStatuses).Contains(t.Status)),
        _ => tickets,
    };

    private static IQueryable<Ticket> Order(AppDbContext db, IQueryable<Ticket> q, InboxSort sort, InboxCursor? after)
    {
        switch (sort)
        {
            case InboxSort.DueSoonest:
                // The next running target's due instant, as the SLA engine keeps it on the ticket (long.MaxValue when
                // none runs, so those come last), then by id: the order of IX_Tickets_Open_SlaDue.
                if (after is { } d)
                {
                    var key = d.Key1;
                    q = q.Where(t => t.SlaDueKey >= key);
                    q = q.Where(t => t.SlaDueKey > key || (t.SlaDueKey == key && t.Id > d.Id));
                }
                return q.OrderBy(t => t.SlaDueKey).ThenBy(t => t.Id);

            case InboxSort.Priority:
                if (after is { } p)
                {
                    var priority = (TicketPriority)p.Key1;
                    var at = new DateTimeOffset(p.Key2, TimeSpan.Zero);
                    // The first condition alone lets SQLite start the index walk at the cursor instead of the top.
                    q = q.Where(t => t.Priority <= priority);
                    q = q.Where(t => t.Priority < priority
                        || (t.Priority == priority && (t.LastActivityAt < at || (t.LastActivityAt == at && t.Id < p.Id))));
                }
                return q.OrderByDescending(t => t.Priority).ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id);

            case InboxSort.Created:
                if (after is { } c)
                {
                    var at = new DateTimeOffset(c.Key1, TimeSpan.Zero);
                    q = q.Where(t => t.CreatedAt <= at);
                    q = q.Where(t => t.CreatedAt < at || (t.CreatedAt == at && t.Id < c.Id));
                }
                return q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);

            case InboxSort.LongestWaiting:
                // Tickets nobody is waiting on (WaitingSince null) come last.
                if (after is { } w)
                {
                    if (w.Key1 == long.MaxValue)
                    {
                        q = q.Where(t => t.WaitingSince == null && t.Id > w.Id);
                    }
                    else
                    {
                        var since = new DateTimeOffset(w.Key1, TimeSpan.Zero);
                        q = q.Where(t => t.WaitingSince == null || t.WaitingSince > since || (t.WaitingSince == since && t.Id > w.Id));
                    }
                }
                return q.OrderBy(t => t.WaitingSince == null).ThenBy(t => t.WaitingSince).ThenBy(t => t.Id);

            default:
                if (after is { } l)
                {
                    var at = new DateTimeOffset(l.Key1, TimeSpan.Zero);
                    q = q.Where(t => t.LastActivityAt <= at);
                    q = q.Where(t => t.LastActivityAt < at || (t.LastActivityAt == at && t.Id < l.Id));
                }
                return q.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id);
        }
    }
}
