using AgentWorkspace.Features.Suggestions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// Writes replies and internal notes. Remembers the conversation's last sequence number when the agent
/// started typing; if a customer message or another agent's reply lands after that, sending stops to
/// warn (a stale send) until the agent reviews it or sends anyway.
/// </summary>
public sealed partial class Composer
{
    private static readonly TicketStatus?[] AfterOptions = [TicketStatus.WaitingOnCustomer, TicketStatus.OnHold, TicketStatus.Resolved];

    private MessageVisibility mode = MessageVisibility.Public;
    private string draft = "";
    private string? error;
    private bool sending;
    private int? startedAtSeq;
    private TicketStatus? statusAfter;
    private List<TimelineEntry>? stale;
    private DateTimeOffset lastTypingSignal;
    private MudTextField<string>? field;
    private ComposerSuggestions? suggestions;
    private IReadOnlyList<(string Id, string Name)>? hiddenMentions;
    private bool mentionsAccepted;
    private bool focusMentionPrompt;
    private ElementReference mentionPrompt;
    private readonly string mentionTitleId = $"aw-mention-{Guid.NewGuid():N}";

    [Inject] private TicketQueries Queries { get; set; } = default!;

    [Parameter, EditorRequired] public Ticket Ticket { get; set; } = default!;
    [Parameter, EditorRequired] public AgentScope Scope { get; set; } = default!;

    /// <summary>The page's registration with <see cref="TicketPresence"/>, to show this agent typing.</summary>
    [Parameter] public IDisposable? PresenceRegistration { get; set; }

    /// <summary>What the ticket is about (subject, latest customer messages): KB suggestions before the agent types.</summary>
    [Parameter] public string SuggestionContext { get; set; } = "";

    /// <summary>Opens a suggested article beside the ticket.</summary>
    [Parameter] public EventCallback<int> OpenArticle { get; set; }

    /// <summary>Asks the page to highlight messages after this sequence number.</summary>
    [Parameter] public EventCallback<int> Review { get; set; }

    private bool IsNote => mode == MessageVisibility.Internal;

    private string ModeName => IsNote ? "note" : "reply";

    /// <summary>The textarea stops typing at the limit; text inserted or restored can still pass it.</summary>
    private bool TooLong => draft.Length > MessageLimits.MaxBodyLength;

    private string? ErrorText => TooLong ? L["TooLong", draft.Length, MessageLimits.MaxBodyLength] : error;

    private string AfterText(TicketStatus? status) => status switch
    {
        TicketStatus.WaitingOnCustomer => L["AndWaitOnCustomer"],
        TicketStatus.OnHold => L["AndPutOnHold"],
        TicketStatus.Resolved => L["AndResolve"],
        _ => L["KeepStatus"],
    };

    private void OnDraftChanged(string? value)
    {
        draft = value ?? "";
        error = null;
        // A new wording is a new question: who it mentions may have changed.
        hiddenMentions = null;
        mentionsAccepted = false;
        if (draft.Length == 0)
        {
            startedAtSeq = null;
            SignalTyping(false);
            return;
        }
        startedAtSeq ??= Ticket.LastMessageSeq;
        // Typing pings are throttled: one every two seconds keeps the indicator alive.
        if (DateTimeOffset.UtcNow - lastTypingSignal > TimeSpan.FromSeconds(2))
        {
            SignalTyping(true);
        }
    }

    /// <summary>Says what is being typed: teammates see replies and notes, the customer only replies (CustomerView decides).</summary>
    private void SignalTyping(bool typing)
    {
        if (PresenceRegistration is not null)
        {
            lastTypingSignal = typing ? DateTimeOffset.UtcNow : DateTimeOffset.MinValue;
            Presence.SetTyping(PresenceRegistration, typing, mode);
        }
    }

    private void SetMode(MessageVisibility value)
    {
        if (mode == value)
        {
            return;
        }
        mode = value;
        // The saved draft moves to the new mode once the section says it (after this render).
        modeChanged = true;
        // The indicator must follow the switch at once: a reply turned into a note stops showing as typing to the customer.
        SignalTyping(draft.Length > 0);
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.CtrlKey && e.Key == "Enter")
        {
            await SendAsync(force: false);
        }
        else if (e.AltKey && e.Key is "n" or "N")
        {
            SetMode(MessageVisibility.Internal);
        }
        else if (e.AltKey && e.Key is "r" or "R")
        {
            SetMode(MessageVisibility.Public);
        }
    }

    private async Task SendAsync(bool force)
    {
        if (sending || TooLong || string.IsNullOrWhiteSpace(draft))
        {
            return;
        }
        sending = true;
        try
        {
            if (!force && startedAtSeq is { } seen && await NewSinceAsync(seen) is { Count: > 0 } arrived)
            {
                stale = arrived;
                return;
            }
            if (IsNote && !mentionsAccepted && await Queries.MentionedWhoCannotSeeAsync(Ticket.Id, draft) is { Count: > 0 } hidden)
            {
                hiddenMentions = hidden;
                focusMentionPrompt = true;
                return;
            }
            var result = await Tickets.AddAgentMessageAsync(Scope, Ticket.Id,
                new AgentMessage(draft, mode, Guid.NewGuid().ToString("N"), mode == MessageVisibility.Public ? statusAfter : null));
            if (!result.Succeeded)
            {
                error = result.Outcome == CommandOutcome.NotFound ? L["TicketGone"] : L["NotSent", result.Error ?? ""];
                return;
            }
            if (mode == MessageVisibility.Public && suggestions is not null)
            {
                await suggestions.ReplySentAsync(Scope.AgentId, Ticket.Id);
            }
            await ForgetDraftAsync();
            stale = null;
            hiddenMentions = null;
            mentionsAccepted = false;
            statusAfter = null;
            restored = false;
            SignalTyping(false);
        }
        finally
        {
            sending = false;
        }
    }

    /// <summary>The mentioned agents who can't see the ticket follow it first (then they can), and the note goes out.</summary>
    private async Task AddFollowersAndSendAsync()
    {
        if (hiddenMentions is not { Count: > 0 } hidden)
        {
            return;
        }
        var result = await Tickets.ExecuteAsync(Scope, Ticket.Id, [.. hidden.Select(h => (TicketCommand)new AddFollower(h.Id))]);
        if (!result.Succeeded)
        {
            error = result.Outcome == CommandOutcome.NotFound ? L["TicketGone"] : L["NotSent", result.Error ?? ""];
            return;
        }
        hiddenMentions = null;
        mentionsAccepted = true;
        await SendAsync(force: false);
    }

    private async Task SendDespiteMentionsAsync()
    {
        hiddenMentions = null;
        mentionsAccepted = true;
        await SendAsync(force: false);
    }

    private void CancelMentions() => hiddenMentions = null;

    private void OnMentionKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            CancelMentions();
        }
    }

    /// <summary>Customer messages and other agents' replies stored after <paramref name="seq"/>, read fresh from the database.</summary>
    private async Task<List<TimelineEntry>> NewSinceAsync(int seq) =>
        (await Queries.ArrivedSinceAsync(Scope, Ticket.Id, seq)).ToList();

    private async Task ReviewAsync()
    {
        var from = startedAtSeq ?? Ticket.LastMessageSeq;
        // What the agent is about to review no longer counts as arriving unseen.
        startedAtSeq = stale is { Count: > 0 } ? Math.Max(from, stale.Max(m => m.Seq)) : Ticket.LastMessageSeq;
        stale = null;
        await Review.InvokeAsync(from);
    }

    private static string Excerpt(string? body) => body is null ? "" : body.Length > 120 ? body[..120] + "…" : body;
}
