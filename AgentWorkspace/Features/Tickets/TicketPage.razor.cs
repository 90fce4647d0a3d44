using AgentWorkspace.Components;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketPage
{
    private TicketDetails? details;
    private AgentScope scope = null!;
    private IReadOnlyList<Option<string>> agents = [];
    private IReadOnlyList<Option<int?>> teams = [];
    private IReadOnlyList<TicketViewer> viewers = [];
    private bool customerTyping;
    private IDisposable? subscription;
    private IDisposable? watch;
    private int? watchedTicketId;
    private int highlightAfter;
    private bool loaded;
    private Composer? composer;
    private KnowledgeBase.KbSidePanel? kbPanel;

    /// <summary>The subject and the customer's latest two messages: what suggestions start from.</summary>
    private string SuggestionContext => details is null ? "" :
        string.Join(' ', details.Timeline.Where(e => e.Change is null && e.AuthorKind == AuthorKind.Customer).TakeLast(2).Select(e => e.Body)
            .Prepend(details.Ticket.Subject));

    [Inject] private TicketQueries Queries { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketPresence Presence { get; set; } = default!;
    [Inject] private TicketReads Reads { get; set; } = default!;
    [Inject] private AgentScopeResolver Scopes { get; set; } = default!;
    [Inject] private WorkspaceNotifier Notifier { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int Number { get; set; }

    private string agentName = "";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        scope = await Scopes.ResolveAsync(user);
        agentName = user.DisplayName();
        var (agentChoices, teamChoices) = await Queries.ChoicesAsync();
        agents = agentChoices.Select(a => new Option<string>(a.Id, a.Name)).ToList();
        teams = teamChoices.Select(t => new Option<int?>(t.Id, t.Name)).ToList();
        subscription = Notifier.Subscribe(OnWorkspaceEventAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        highlightAfter = 0;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        details = await Queries.GetByNumberAsync(scope, Number);
        loaded = true;
        if (details is null)
        {
            StopWatching();
            return;
        }
        if (watchedTicketId != details.Ticket.Id)
        {
            StopWatching();
            watch = Presence.Watch(details.Ticket.Id, scope.AgentId, agentName);
            watchedTicketId = details.Ticket.Id;
        }
        viewers = Presence.Viewers(details.Ticket.Id);
        customerTyping = Presence.IsCustomerTyping(details.Ticket.Id);
        await Reads.MarkSeenAsync(scope.AgentId, details.Ticket.Id);
    }

    private Task OnWorkspaceEventAsync(WorkspaceEvent e) => e switch
    {
        TicketChanged changed when changed.TicketId == watchedTicketId || changed.Number == Number => InvokeAsync(ReloadAndRenderAsync),
        MessageAdded added when added.TicketId == watchedTicketId => InvokeAsync(ReloadAndRenderAsync),
        MessageEdited edited when edited.TicketId == watchedTicketId => InvokeAsync(ReloadAndRenderAsync),
        TicketViewersChanged v when v.TicketId == watchedTicketId => InvokeAsync(() =>
        {
            viewers = Presence.Viewers(v.TicketId);
            customerTyping = Presence.IsCustomerTyping(v.TicketId);
            StateHasChanged();
        }),
        _ => Task.CompletedTask,
    };

    private async Task<string?> EditMessageAsync(TimelineEntry entry, string body)
    {
        var result = await Tickets.EditAgentMessageAsync(scope, details!.Ticket.Id, entry.MessageId, body);
        if (result.Succeeded)
        {
            await ReloadAsync();
        }
        return result.Error;
    }

    private async Task ReloadAndRenderAsync()
    {
        try
        {
            await ReloadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private Task OnReviewAsync(int afterSeq)
    {
        highlightAfter = afterSeq;
        return ReloadAsync();
    }

    private void StopWatching()
    {
        watch?.Dispose();
        watch = null;
        watchedTicketId = null;
    }

    public void Dispose()
    {
        subscription?.Dispose();
        StopWatching();
    }
}
