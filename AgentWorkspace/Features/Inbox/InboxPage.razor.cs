using AgentWorkspace.Components;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AgentWorkspace.Features.Inbox;

public sealed partial class InboxPage : LiveComponent
{
    private static readonly MarkupString VisibilityIcon = new(Icons.Material.Filled.Visibility);

    private const int PageSize = 25;

    private readonly HashSet<int> selected = [];
    private readonly Stack<string?> pages = new();
    private InboxFilter filter = new();
    private List<InboxRow> rows = [];
    private Dictionary<string, int> counts = [];
    private long countsVersion;
    private IReadOnlyList<(int Id, string Name)> teams = [];
    private IReadOnlyList<int> teamIds = [];
    private IReadOnlyList<Option<string>> agents = [];
    private IReadOnlyDictionary<int, IReadOnlyList<TicketViewer>> viewing = new Dictionary<int, IReadOnlyList<TicketViewer>>();
    private AgentScope scope = null!;
    private string? pageStart;
    private string? next;
    private string? search;
    private bool loaded;
    private bool filtersOpen;
    private int cursor = -1;
    private IDisposable? rowsSubscription;
    private HashSet<int> followedRows = [];

    [Inject] private InboxQuery Inbox { get; set; } = default!;
    [Inject] private InboxCounts Counts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketPresence Presence { get; set; } = default!;
    [Inject] private AgentScopeResolver Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Toasts { get; set; } = default!;
    [Inject] private Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext> DbFactory { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>A drill-down from the reports page (<see cref="Reports.ReportLink"/>): the inbox lists exactly the tickets behind that number.</summary>
    [SupplyParameterFromQuery(Name = "report")] public string? ReportParameter { get; set; }

    private bool badReportLink;
    private int? reportCount;
    /// <summary>A view to open with (/?view=Unassigned), for links from elsewhere (the dashboard's figures).</summary>
    [SupplyParameterFromQuery(Name = "view")] public string? ViewQuery { get; set; }

    /// <summary>A sort to open with (/?sort=LongestWaiting).</summary>
    [SupplyParameterFromQuery(Name = "sort")] public string? SortQuery { get; set; }

    private bool HasFilters => filter with { View = InboxView.AllOpen, ViewTeamId = null, Sort = InboxSort.LastActivity } != new InboxFilter();

    private InboxFilter Shown => filter with { Search = search };

    protected override async Task OnInitializedAsync()
    {
        scope = await Scopes.ResolveAsync((await AuthenticationState).User);
        teams = await Inbox.TeamsAsync(scope);
        teamIds = teams.Select(t => t.Id).ToList();
        agents = await LoadAgentsAsync();
        if (Enum.TryParse<InboxView>(ViewQuery, ignoreCase: true, out var view) && Enum.IsDefined(view) && view != InboxView.Team)
        {
            filter = filter with { View = view };
        }
        if (Enum.TryParse<InboxSort>(SortQuery, ignoreCase: true, out var sort) && Enum.IsDefined(sort))
        {
            filter = filter with { Sort = sort };
        }
        // Follow before reading, so nothing falls between the read and the first event (count deltas carry versions).
        Follow([.. InboxTopics.For(scope), Topic.Agent(scope.AgentId)], OnEventsAsync);
        if (ReportParameter is not null)
        {
            if (Reports.ReportLink.Decode(ReportParameter) is { } drill)
            {
                filter = new InboxFilter { AnyStatus = true, Report = drill, Sort = InboxSort.Created };
                reportCount = await Inbox.CountReportAsync(scope, drill);
            }
            else
            {
                badReportLink = true;
            }
        }
        await LoadAsync();
        await LoadCountsAsync();
    }

    /// <summary>Applies what changed to this screen in memory; reads the database only for its own page, and only when it must.</summary>
    private async Task<bool> OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        var changed = false;
        var requery = false;
        var recount = false;
        foreach (var e in batch)
        {
            switch (e)
            {
                case ReloadRequired or InboxResync or AgentChanged:
                    await LoadAsync();
                    await LoadCountsAsync();
                    return true;
                case InboxCountsChanged delta when delta.Version > countsVersion:
                    changed |= InboxCounts.Apply(counts, scope, teamIds, delta.Deltas);
                    countsVersion = delta.Version;
                    break;
                case InboxTicketChanged ticket:
                    changed |= Place(ticket.Ticket, ref requery);
                    recount = true;
                    break;
                case TicketSeen seen when rows.FindIndex(r => r.Id == seen.TicketId) is >= 0 and var index && rows[index].Updated:
                    rows[index] = rows[index] with { Updated = false };
                    changed = true;
                    break;
            }
        }
        if (recount)
        {
            // "Breaching soon" moves with time and SLA state, which the count deltas don't carry: counted by query, at
            // most once per BreachingRecountEvery per screen, however many changes arrive.
            changed |= await RecountBreachingSoonAsync();
        }
        if (requery)
        {
            await LoadAsync();
            return true;
        }
        if (changed)
        {
            FollowRows();
        }
        return changed;
    }

    /// <summary>Who is viewing the rows on this page: each row's ticket topic, re-followed when the rows change.</summary>
    private void FollowRows()
    {
        viewing = Presence.ViewedBy(rows.Select(r => r.Id), scope.AgentId);
        var ids = rows.Select(r => r.Id).ToHashSet();
        foreach (var gone in rowHandlers.Keys.Where(id => !ids.Contains(id)).ToList())
        {
            rowHandlers.Remove(gone);
        }
        if (ids.SetEquals(followedRows))
        {
            return;
        }
        Unfollow(rowsSubscription);
        followedRows = ids;
        rowsSubscription = ids.Count == 0 ? null : Follow([.. ids.Select(Topic.Ticket)], batch =>
        {
            if (!batch.Any(e => e is PresenceMoved or ReloadRequired))
            {
                return Task.FromResult(false);
            }
            viewing = Presence.ViewedBy(rows.Select(r => r.Id), scope.AgentId);
            return Task.FromResult(true);
        });
    }

    /// <summary>
    /// Puts a changed ticket where this page would list it: in, out or moved. <paramref name="requery"/> is set when the
    /// page can't be completed from memory (a row left a full page, or a search decides membership).
    /// </summary>
    private bool Place(InboxTicket ticket, ref bool requery)
    {
        var index = rows.FindIndex(r => r.Id == ticket.Id);
        var match = InboxMatcher.Matches(ticket, Shown, scope, Clock.GetUtcNow());
        if (match is null)
        {
            requery = true;
            return false;
        }
        if (index >= 0)
        {
            rows.RemoveAt(index);
        }
        var key = InboxMatcher.KeyOf(filter.Sort, ticket);
        var afterStart = InboxCursor.Parse(pageStart) is not { } start || InboxMatcher.Compare(filter.Sort, key, start) > 0;
        var beforeEnd = next is null || (rows.Count > 0 && InboxMatcher.Compare(filter.Sort, key, InboxMatcher.KeyOf(filter.Sort, rows[^1])) < 0);
        if (match.Value && afterStart && beforeEnd)
        {
            var at = rows.FindIndex(r => InboxMatcher.Compare(filter.Sort, key, InboxMatcher.KeyOf(filter.Sort, r)) < 0);
            rows.Insert(at < 0 ? rows.Count : at, ticket.ToRow(scope.AgentId));
            if (rows.Count > PageSize)
            {
                rows.RemoveAt(rows.Count - 1);
                next = InboxMatcher.KeyOf(filter.Sort, rows[^1]).ToString();
            }
            return true;
        }
        if (index >= 0 && next is not null)
        {
            requery = true; // the page is one short, and the next row is in the database
        }
        return index >= 0;
    }

    private async Task LoadAsync()
    {
        var page = await Inbox.ListAsync(scope, Shown, pageStart, PageSize);
        rows = page.Rows.ToList();
        next = page.Next;
        FollowRows();
        selected.IntersectWith(rows.Select(r => r.Id));
        cursor = Math.Min(cursor, rows.Count - 1);
        loaded = true;
    }

    private async Task LoadCountsAsync()
    {
        var (snapshot, version) = await Counts.SnapshotAsync(scope, teamIds);
        counts = new Dictionary<string, int>(snapshot);
        countsVersion = version;
        await CountBreachingSoonAsync();
    }

    private static readonly TimeSpan BreachingRecountEvery = TimeSpan.FromSeconds(5);
    private DateTimeOffset breachingCountedAt;
    private bool breachingRecountPending;

    private async Task<bool> RecountBreachingSoonAsync()
    {
        var wait = breachingCountedAt + BreachingRecountEvery - Clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return await CountBreachingSoonAsync();
        }
        if (!breachingRecountPending)
        {
            breachingRecountPending = true;
            _ = RecountLaterAsync(wait);
        }
        return false;
    }

    private async Task RecountLaterAsync(TimeSpan wait)
    {
        await Task.Delay(wait, Clock);
        if (gone)
        {
            return;
        }
        try
        {
            await InvokeAsync(async () =>
            {
                breachingRecountPending = false;
                if (!gone && await CountBreachingSoonAsync())
                {
                    StateHasChanged();
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed during the wait.
        }
    }

    private async Task<bool> CountBreachingSoonAsync()
    {
        breachingCountedAt = Clock.GetUtcNow();
        var key = nameof(InboxView.BreachingSoon);
        var count = await Inbox.CountBreachingSoonAsync(scope);
        if (counts.GetValueOrDefault(key, -1) == count)
        {
            return false;
        }
        counts[key] = count;
        return true;
    }

    private async Task ApplyAsync(InboxFilter changed)
    {
        filter = changed;
        pages.Clear();
        pageStart = null;
        selected.Clear();
        await LoadAsync();
    }

    private Task SelectViewAsync(InboxView view, int? teamId) =>
        ApplyAsync(filter with { View = view, ViewTeamId = teamId, Report = null, AnyStatus = false });

    private Task ClearReportAsync()
    {
        Navigation.NavigateTo("/inbox", replace: true);
        return ApplyAsync(filter with { Report = null, AnyStatus = false, Sort = InboxSort.LastActivity });
    }

    private async Task OnSearchChangedAsync(string? text)
    {
        search = text;
        pages.Clear();
        pageStart = null;
        await LoadAsync();
    }

    private async Task OlderAsync()
    {
        pages.Push(pageStart);
        pageStart = next;
        cursor = 0;
        await LoadAsync();
    }

    private async Task NewerAsync()
    {
        pageStart = pages.Count > 0 ? pages.Pop() : null;
        cursor = 0;
        await LoadAsync();
    }

    // A lambda written in the markup is a new delegate at every render, and the renderer sends each changed handler to
    // the browser: one live change re-sent two handlers per row and one per tab. These are made once per row and tab.
    private readonly Dictionary<int, (Action Focus, Action Toggle)> rowHandlers = [];
    private readonly Dictionary<(InboxView, int?), Func<Task>> viewHandlers = [];

    private (Action Focus, Action Toggle) HandlersOf(int id)
    {
        if (!rowHandlers.TryGetValue(id, out var handlers))
        {
            handlers = (() => cursor = rows.FindIndex(r => r.Id == id), () => Toggle(id));
            rowHandlers[id] = handlers;
        }
        return handlers;
    }

    private Func<Task> SelectOf(InboxView view, int? teamId)
    {
        if (!viewHandlers.TryGetValue((view, teamId), out var handler))
        {
            handler = () => SelectViewAsync(view, teamId);
            viewHandlers[(view, teamId)] = handler;
        }
        return handler;
    }

    private void Toggle(int id)
    {
        if (!selected.Remove(id))
        {
            selected.Add(id);
        }
    }

    private void ToggleAll(ChangeEventArgs e)
    {
        if (e.Value is true)
            selected.UnionWith(rows.Select(r => r.Id));
        else
            selected.Clear();
    }

    private Task BulkAssignAsync(string? agentId) => RunAsync(Selected(), row => new Assign(row.AssigneeId, agentId), BulkVerb.Assigned);
    private Task BulkStatusAsync(TicketStatus status) => RunAsync(Selected(), row => new SetStatus(row.Status, status), BulkVerb.Updated);
    private Task BulkPriorityAsync(TicketPriority priority) => RunAsync(Selected(), row => new SetPriority(row.Priority, priority), BulkVerb.Updated);
    private Task BulkTagAsync(string tag) => RunAsync(Selected(), _ => new AddTag(tag), BulkVerb.Tagged);

    private List<InboxRow> Selected() => rows.Where(r => selected.Contains(r.Id)).ToList();

    /// <summary>Applies one change per ticket, each against the value the agent saw; conflicts are reported, not forced.</summary>
    private async Task RunAsync(IReadOnlyList<InboxRow> targets, Func<InboxRow, TicketCommand> command, BulkVerb verb)
    {
        var failures = new List<string>();
        foreach (var row in targets)
        {
            var result = await Tickets.ExecuteAsync(scope, row.Id, command(row));
            if (!result.Succeeded)
            {
                failures.Add($"#{row.Number}: {result.Error}");
            }
        }
        var done = targets.Count - failures.Count;
        Toasts.Add(
            Outcome(verb, done, failures),
            failures.Count == 0 ? Severity.Success : Severity.Warning,
            options => options.VisibleStateDuration = failures.Count == 0 ? 3000 : 10000);
        // No reload here: the changes reach this screen through the live backbone like everyone else's.
        selected.Clear();
    }

    private async Task<IReadOnlyList<Option<string>>> LoadAgentsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var list = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Users.Where(a => a.IsActive).OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName }));
        return list.Select(a => new Option<string>(a.Id, a.Id == scope.AgentId ? OwnName(a.DisplayName) : a.DisplayName)).ToList();
    }
}
