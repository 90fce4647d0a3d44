using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace AgentWorkspace.Features.Inbox;

public sealed partial class InboxPage
{
    private static readonly IReadOnlyList<Option<InboxSort>> sorts =
    [
        new(InboxSort.LastActivity, "Last activity"),
        new(InboxSort.Priority, "Priority"),
        new(InboxSort.Created, "Newest first"),
        new(InboxSort.LongestWaiting, "Longest waiting"),
    ];

    private readonly HashSet<int> selected = [];
    private readonly Stack<string?> pages = new();
    private InboxFilter filter = new();
    private IReadOnlyList<InboxRow> rows = [];
    private IReadOnlyDictionary<string, int> counts = new Dictionary<string, int>();
    private IReadOnlyList<(int Id, string Name)> teams = [];
    private IReadOnlyList<Option<string>> agents = [];
    private IReadOnlyDictionary<int, IReadOnlyList<TicketViewer>> viewing = new Dictionary<int, IReadOnlyList<TicketViewer>>();
    private AgentScope scope = null!;
    private string? pageStart;
    private string? next;
    private string? search;
    private bool loaded;
    private bool filtersOpen;
    private bool preventKey;
    private int cursor = -1;
    private IDisposable? subscription;
    private int reloading;
    private int reloadRequested;

    [Inject] private InboxQuery Inbox { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketPresence Presence { get; set; } = default!;
    [Inject] private AgentScopeResolver Scopes { get; set; } = default!;
    [Inject] private WorkspaceNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private Radzen.NotificationService Toasts { get; set; } = default!;
    [Inject] private Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext> DbFactory { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool HasFilters => filter with { View = InboxView.AllOpen, ViewTeamId = null, Sort = InboxSort.LastActivity } != new InboxFilter();

    protected override async Task OnInitializedAsync()
    {
        scope = await Scopes.ResolveAsync((await AuthenticationState).User);
        teams = await Inbox.TeamsAsync(scope);
        agents = await LoadAgentsAsync();
        await LoadAsync();
        subscription = Notifier.Subscribe(OnWorkspaceEventAsync);
    }

    private Task OnWorkspaceEventAsync(WorkspaceEvent e) => e switch
    {
        TicketChanged or MessageAdded => InvokeAsync(RefreshAsync),
        TicketViewersChanged => InvokeAsync(() => { viewing = Presence.ViewedBy(rows.Select(r => r.Id), scope.AgentId); StateHasChanged(); }),
        _ => Task.CompletedTask,
    };

    /// <summary>Reloads the current page and counts; bursts of events coalesce into one extra reload.</summary>
    private async Task RefreshAsync()
    {
        Interlocked.Exchange(ref reloadRequested, 1);
        if (Interlocked.Exchange(ref reloading, 1) == 1)
        {
            return;
        }
        try
        {
            while (Interlocked.Exchange(ref reloadRequested, 0) == 1)
            {
                await LoadAsync();
                StateHasChanged();
            }
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
        finally
        {
            Interlocked.Exchange(ref reloading, 0);
        }
    }

    private async Task LoadAsync()
    {
        var page = await Inbox.ListAsync(scope, filter with { Search = search }, pageStart);
        rows = page.Rows;
        next = page.Next;
        viewing = Presence.ViewedBy(rows.Select(r => r.Id), scope.AgentId);
        selected.IntersectWith(rows.Select(r => r.Id));
        cursor = Math.Min(cursor, rows.Count - 1);
        loaded = true;
        // The list first: counts over a large inbox take longer and must not hold the rows back.
        StateHasChanged();
        counts = await Inbox.CountsAsync(scope);
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

    private async Task OnSearchInput(ChangeEventArgs e)
    {
        search = e.Value?.ToString();
        pages.Clear();
        pageStart = null;
        await RefreshAsync();
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

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        preventKey = e.Key is "ArrowDown" or "ArrowUp";
        if (e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }
        switch (e.Key)
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
                await RunAsync([rows[cursor]], row => new Assign(row.AssigneeId, scope.AgentId), "assigned to you");
                break;
        }
    }

    private Task BulkAssignAsync(string? agentId) => RunAsync(Selected(), row => new Assign(row.AssigneeId, agentId), "assigned");
    private Task BulkStatusAsync(TicketStatus status) => RunAsync(Selected(), row => new SetStatus(row.Status, status), "updated");
    private Task BulkPriorityAsync(TicketPriority priority) => RunAsync(Selected(), row => new SetPriority(row.Priority, priority), "updated");
    private Task BulkTagAsync(string tag) => RunAsync(Selected(), _ => new AddTag(tag), "tagged");

    private List<InboxRow> Selected() => rows.Where(r => selected.Contains(r.Id)).ToList();

    /// <summary>Applies one change per ticket, each against the value the agent saw; conflicts are reported, not forced.</summary>
    private async Task RunAsync(IReadOnlyList<InboxRow> targets, Func<InboxRow, TicketCommand> command, string verb)
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
        Toasts.Notify(new Radzen.NotificationMessage
        {
            Severity = failures.Count == 0 ? Radzen.NotificationSeverity.Success : Radzen.NotificationSeverity.Warning,
            Summary = $"{done} ticket{(done == 1 ? "" : "s")} {verb}",
            Detail = string.Join(" ", failures),
            Duration = failures.Count == 0 ? 3000 : 10000,
        });
        selected.Clear();
        await LoadAsync();
    }

    private async Task<IReadOnlyList<Option<string>>> LoadAgentsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var list = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Users.Where(a => a.IsActive).OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName }));
        return list.Select(a => new Option<string>(a.Id, a.Id == scope.AgentId ? $"{a.DisplayName} (me)" : a.DisplayName)).ToList();
    }

    public void Dispose() => subscription?.Dispose();
}
