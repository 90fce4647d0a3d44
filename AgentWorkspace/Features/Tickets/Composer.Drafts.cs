using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// The composer in the browser (Composer.razor.js): the draft is kept in localStorage per ticket and mode as the agent
/// types (debounced there, no round trip per keystroke), restored when the page loads again (after a server restart
/// the reconnect dialog reloads it), and forgotten once sent. Also the hook other features insert text through.
/// </summary>
public sealed partial class Composer
{
    private ElementReference section;
    private IJSObjectReference? browser;
    private bool modeChanged;
    private bool restored;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>A draft as Composer.razor.js kept it: its text, "reply" or "note", and where the conversation was when typing began.</summary>
    private sealed record SavedDraft(string Text, string Mode, int? Seq);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            browser = await JS.InvokeAsync<IJSObjectReference>("import", $"./{Assets["Features/Tickets/Composer.razor.js"]}");
            var saved = await browser.InvokeAsync<SavedDraft?>("restore", section);
            if (saved is { Text.Length: > 0 } && draft.Length == 0)
            {
                mode = saved.Mode == "note" ? MessageVisibility.Internal : MessageVisibility.Public;
                draft = saved.Text;
                // Messages that arrived while the page was away still count as unseen at send time.
                startedAtSeq = saved.Seq is { } seq && seq <= Ticket.LastMessageSeq ? seq : Ticket.LastMessageSeq;
                restored = true;
                StateHasChanged();
            }
            await browser.InvokeVoidAsync("track", section);
            await TrackSlashAsync();
        }
        else if (modeChanged && browser is not null)
        {
            modeChanged = false;
            await browser.InvokeVoidAsync("save", section);
        }
        if (focusMentionPrompt && hiddenMentions is not null)
        {
            focusMentionPrompt = false;
            await mentionPrompt.FocusAsync();
        }
    }

    /// <summary>
    /// Inserts <paramref name="text"/> into the draft at the caret (or at the end when the textarea never had focus),
    /// as if the agent had typed it: it counts as starting to type for the stale-send check.
    /// </summary>
    public async Task InsertTextAsync(string text)
    {
        var updated = browser is null ? null : await browser.InvokeAsync<string?>("insert", section, text);
        updated ??= draft.Length == 0 || char.IsWhiteSpace(draft[^1]) ? draft + text : draft + " " + text;
        await SetDraftAsync(updated);
        StateHasChanged();
    }

    /// <summary>Sets the draft through the field: MudBlazor keeps a focused field's text when only its value changes.</summary>
    private async Task SetDraftAsync(string text)
    {
        if (field is not null)
        {
            await field.SetTextAsync(text);
        }
        OnDraftChanged(text);
    }

    private async Task ForgetDraftAsync()
    {
        if (browser is not null)
        {
            await browser.InvokeVoidAsync("forget", section);
        }
        await SetDraftAsync("");
    }

    public async ValueTask DisposeAsync()
    {
        SignalTyping(false);
        slashCallbacks?.Dispose();
        if (browser is not null)
        {
            try
            {
                await browser.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page; nothing to release in the browser.
            }
        }
    }
}
