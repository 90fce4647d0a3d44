using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentWorkspace.Features.Tickets;

/// <summary>The composer's hook for other features (the KB side panel inserts article links through it).</summary>
public sealed partial class Composer
{
    private ElementReference input;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>
    /// Inserts <paramref name="text"/> into the draft at the caret (or at the end when the textarea never had focus),
    /// as if the agent had typed it: it counts as starting to type for the stale-send check.
    /// </summary>
    public async Task InsertTextAsync(string text)
    {
        var updated = await JS.InvokeAsync<string?>("agentWorkspace.insertAtCaret", input, text);
        draft = updated ?? (draft.Length == 0 || char.IsWhiteSpace(draft[^1]) ? draft + text : draft + " " + text);
        error = null;
        startedAtSeq ??= Ticket.LastMessageSeq;
        StateHasChanged();
    }
}
