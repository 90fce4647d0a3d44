using AgentWorkspace.Components;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentWorkspace.Features.Tickets;

public sealed partial class TicketPage
{
    private TicketDetails? details;
    private SlaTimers? slaTimers;
    private AgentScope scope = null!;
    private Canned.SharingActor sharing = null!;
    private IReadOnlyList<Option<string>> agents = [];
    private IReadOnlyList<Option<int?>> teams = [];
    private IReadOnlyList<TicketViewer> viewers = [];
    private bool customerTyping;
    private IDisposable? following;
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
    [Inject] private SlaClock Sla { get; set; } = default!;
    [Inject] private AgentScopeResolver Scopes { get; set; } = default!;
    [Inject] private Canned.SharingActors SharingActors { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int Number { get; set; }

    private string agentName = "";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        scope = await Scopes.ResolveAsync(user);
        sharing = await SharingActors.ForAsync(user);
        agentName = user.DisplayName();
        var (agentChoices, teamChoices) = await Queries.ChoicesAsync();
        agents = agentChoices.Select(a => new Option<string>(a.Id, a.Name)).ToList();
        teams = teamChoices.Select(t => new Option<int?>(t.Id, t.Name)).ToList();
    }

    protected override async Task OnParametersSetAsync()
    {
        highlightAfter = 0;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        // Read into a local: a live event may run another reload while this one awaits (e.g. routing moves the ticket
        // out of the agent's reach during the first load) and set the field to null underneath it.
        var current = await Queries.GetByNumberAsync(scope, Number);
        details = current;
        loaded = true;
        if (current is null)
        {
            StopWatching();
            return;
        }
        var ticketId = current.Ticket.Id;
        if (watchedTicketId != ticketId)
        {
            StopWatching();
            following = Follow(Topic.Ticket(ticketId), OnEventsAsync);
            watch = Presence.Watch(ticketId, scope.AgentId, agentName);
            watchedTicketId = ticketId;
            await Reads.MarkOpenedAsync(scope.AgentId, ticketId);
        }
        slaTimers = await Sla.TimersAsync(ticketId);
        viewers = Presence.Viewers(ticketId);
        customerTyping = Presence.IsCustomerTyping(ticketId);
    }

    /// <summary>This ticket's events only. Who is viewing or typing is read from memory; anything else reads the ticket again.</summary>
    private async Task<bool> OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (watchedTicketId is not { } ticketId)
        {
            return false;
        }
        if (batch.Any(e => e is TicketChanged or MessageAdded or MessageEdited or ReloadRequired))
        {
            await ReloadAsync();
            if (batch.Any(e => e is MessageAdded or ReloadRequired))
            {
                // Whatever arrived while the ticket is open has been seen.
                await Reads.MarkSeenAsync(scope.AgentId, ticketId);
            }
            return true;
        }
        if (batch.Any(e => e is SlaChanged))
        {
            // The header's timers: new due instants, a pause, a target met. The browser counts down between changes.
            slaTimers = await Sla.TimersAsync(ticketId);
        }
        viewers = Presence.Viewers(ticketId);
        customerTyping = Presence.IsCustomerTyping(ticketId);
        return true;
    }

    private async Task<string?> EditMessageAsync(TimelineEntry entry, string body)
    {
        var result = await Tickets.EditAgentMessageAsync(scope, details!.Ticket.Id, entry.MessageId, body);
        return result.Error;
    }

    private Task OnReviewAsync(int afterSeq)
    {
        highlightAfter = afterSeq;
        return ReloadAsync();
    }

    private void StopWatching()
    {
        Unfollow(following);
        following = null;
        watch?.Dispose();
        watch = null;
        watchedTicketId = null;
    }

    protected override void OnDispose() => StopWatching();
}
