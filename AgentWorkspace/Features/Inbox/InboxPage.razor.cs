using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
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
    private bool revealCursor;
    private bool gone;
    private ElementReference list;
    private DotNetObjectReference<InboxPage>? shortcutsTarget;
    private IJSObjectReference? keys;
    private IJSObjectReference? shortcuts;
    private IDisposable? rowsSubscription;
    private HashSet<int> followedRows = [];

    [Inject] private InboxQuery Inbox { get; set; } = default!;
    [Inject] private InboxCounts Counts { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketPresence Presence { get; set; } = default!;
    [Inject] private AgentScopeResolver Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Toasts { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext> DbFactory { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool HasFilters => filter with { View = InboxView.AllOpen, ViewTeamId = null, Sort = InboxSort.LastActivity } != new InboxFilter();

    private InboxFilter Shown => filter with { Search = search };

    // The markup's localizer, under a name the resource parity test (AgentUiLanguageTests) checks in this file too.
    private IStringLocalizer<InboxStrings> Words => L;

    private string SortName(InboxSort sort) => sort switch
    {
        InboxSort.Priority => Words["SortPriority"],
        InboxSort.Created => Words["SortCreated"],
        InboxSort.LongestWaiting => Words["SortLongestWaiting"],
        _ => Words["SortLastActivity"],
    };

    private string ViewName(InboxView view) => view switch
    {
        InboxView.Mine => Words["ViewMine"],
        InboxView.Unassigned => Words["ViewUnassigned"],
        InboxView.WaitingOnCustomer => Words["ViewWaitingOnCustomer"],
        InboxView.OnHold => Words["ViewOnHold"],
        InboxView.ResolvedAndClosed => Words["ViewResolvedAndClosed"],
        _ => Words["ViewAllOpen"],
    };

    protected override async Task OnInitializedAsync()
    {
        scope = await Scopes.ResolveAsync((await AuthenticationState).User);
        teams = await Inbox.TeamsAsync(scope);
        teamIds = teams.Select(t => t.Id).ToList();
        agents = await LoadAgentsAsync();
        // Follow before reading, so nothing falls between the read and the first event (count deltas carry versions).
        Follow([.. InboxTopics.For(scope), Topic.Agent(scope.AgentId)], OnEventsAsync);
        await LoadAsync();
        await LoadCountsAsync();
    }

    /// <summary>Applies what changed to this screen in memory; reads the database only for its own page, and only when it must.</summary>
    private async Task<bool> OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        var changed = false;
        var requery = false;
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
                    break;
                case TicketSeen seen when rows.FindIndex(r => r.Id == seen.TicketId) is >= 0 and var index && rows[index].Updated:
                    rows[index] = rows[index] with { Updated = false };
                    changed = true;
                    break;
            }
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
        var match = InboxMatcher.Matches(ticket, Shown, scope);
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
    }

    private async Task ApplyAsync(InboxFilter changed)
    {
        filter = changed;
        pages.Clear();
        pageStart = null;
        selected.Clear();
        await LoadAsync();
    }

    private Task SelectViewAsync(InboxView view, int? teamId) => ApplyAsync(filter with { View = view, ViewTeamId = teamId });

    private async Task OnSearchChangedAsync(string? text)
    {
        search = text;
        pages.Clear();
        pageStart = null;
        await LoadAsync();
    }

    /// <summary>Enter on "#1234" or "1234" opens that ticket when the agent may see it; any other search stays a search.</summary>
    private async Task OnSearchKeyDownAsync(KeyboardEventArgs e)
    {
        var term = search?.Trim().TrimStart('#');
        if (e.Key != "Enter" || !int.TryParse(term, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return;
        }
        var found = await Inbox.ListAsync(scope, new InboxFilter { AnyStatus = true, Search = $"#{number}" }, pageSize: 1);
        if (found.Rows.Count > 0)
        {
            Navigation.NavigateTo($"/tickets/{number}");
        }
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

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // One listener on the page: j/k work before the list has the focus, and keys typed into a field stay there.
            keys = await JS.InvokeAsync<IJSObjectReference>("import", $"./{Assets["Features/Inbox/InboxPage.razor.js"]}");
            shortcutsTarget = DotNetObjectReference.Create(this);
            shortcuts = await keys.InvokeAsync<IJSObjectReference>("listen", list, shortcutsTarget);
            if (gone)
            {
                await StopShortcutsAsync(shortcuts, keys); // the agent left while the listener was being set up
            }
        }
        if (revealCursor && keys is not null)
        {
            revealCursor = false;
            await keys.InvokeVoidAsync("reveal", list);
        }
    }

    /// <summary>A shortcut key pressed anywhere on the page (InboxPage.razor.js decides which presses are shortcuts).</summary>
    [JSInvokable]
    public async Task OnShortcutAsync(string key)
    {
        var before = cursor;
        await RunShortcutAsync(key);
        revealCursor = cursor != before;
        StateHasChanged();
    }

    private async Task RunShortcutAsync(string key)
    {
        switch (key)
        {
            case "ArrowDown" or "j":
                cursor = Math.Min(cursor + 1, rows.Count - 1);
                break;
            case "ArrowUp" or "k":
                cursor = Math.Max(cursor - 1, 0);
                break;
            case "Enter" or "o" when cursor >= 0 && cursor < rows.Count:
                Navigation.NavigateTo($"/tickets/{rows[cursor].Number}");
                break;
            case "x" when cursor >= 0 && cursor < rows.Count:
                Toggle(rows[cursor].Id);
                break;
            case "a" when cursor >= 0 && cursor < rows.Count:
                await RunAsync([rows[cursor]], row => new Assign(row.AssigneeId, scope.AgentId), BulkVerb.AssignedToYou);
                break;
        }
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
        var summary = Done(verb, done);
        Toasts.Add(
            failures.Count == 0 ? summary : $"{summary}. {Words["NotChanged", string.Join(" ", failures)]}",
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
        return list.Select(a => new Option<string>(a.Id, a.Id == scope.AgentId ? Words["Me", a.DisplayName] : a.DisplayName)).ToList();
    }

    private enum BulkVerb
    {
        Assigned,
        AssignedToYou,
        Updated,
        Tagged,
    }

    private string Done(BulkVerb verb, int count) => (verb, count) switch
    {
        (BulkVerb.Assigned, 1) => Words["AssignedOne"],
        (BulkVerb.Assigned, _) => Words["AssignedMany", count],
        (BulkVerb.AssignedToYou, 1) => Words["AssignedToYouOne"],
        (BulkVerb.AssignedToYou, _) => Words["AssignedToYouMany", count],
        (BulkVerb.Tagged, 1) => Words["TaggedOne"],
        (BulkVerb.Tagged, _) => Words["TaggedMany", count],
        (_, 1) => Words["UpdatedOne"],
        _ => Words["UpdatedMany", count],
    };

    protected override void OnDispose()
    {
        gone = true;
        shortcutsTarget?.Dispose();
        _ = StopShortcutsAsync(shortcuts, keys);
    }

    /// <summary>
    /// Best effort, not awaited (LiveComponent disposes synchronously): when the circuit is already gone, so is the page,
    /// and the listener also lets go by itself once the list has left the page.
    /// </summary>
    private static async Task StopShortcutsAsync(IJSObjectReference? registration, IJSObjectReference? module)
    {
        try
        {
            if (registration is not null)
            {
                await registration.InvokeVoidAsync("dispose");
                await registration.DisposeAsync();
            }
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
