using AgentWorkspace.Features.Canned;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// The composer's "/" picker: Composer.razor.js reports the "/query" before the caret (<see cref="SlashQuery"/>) and the
/// keys that drive the list (<see cref="PickerKey"/>); picking replaces the "/query" with the response filled in for this
/// ticket, and counts one use of it (usage counts count inserts: what the agent then edits or sends is theirs).
/// </summary>
public sealed partial class Composer
{
    private CannedPicker? picker;
    private string? slashQuery;
    private int slashStart;
    private int slashEnd;
    private DotNetObjectReference<Composer>? slashCallbacks;

    [Inject] private CannedService CannedResponses { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Who picks canned responses (supervisors and admins see every team's); from the scope when not given.</summary>
    [Parameter] public SharingActor? CannedActor { get; set; }

    private SharingActor PickerActor => CannedActor ?? new SharingActor(Scope.AgentId, Scope.IsAdmin, Scope.TeamIds);

    private Uri BaseUri => new(Navigation.BaseUri);

    private async Task TrackSlashAsync()
    {
        slashCallbacks ??= DotNetObjectReference.Create(this);
        await browser!.InvokeVoidAsync("trackSlash", section, slashCallbacks);
    }

    /// <summary>The text after a "/" that starts a word before the caret, and where it is; null when there is none.</summary>
    [JSInvokable]
    public Task SlashQuery(string? query, int start, int end) => InvokeAsync(() =>
    {
        slashQuery = query;
        (slashStart, slashEnd) = (start, end);
        StateHasChanged();
    });

    /// <summary>A key pressed in the textarea while the picker is open.</summary>
    [JSInvokable]
    public Task PickerKey(string key) => InvokeAsync(async () =>
    {
        if (key == "Escape")
        {
            slashQuery = null;
        }
        else if (picker is not null)
        {
            await picker.KeyAsync(key);
        }
        StateHasChanged();
    });

    private async Task InsertCannedAsync(CannedPick pick)
    {
        var (start, end) = (Math.Clamp(slashStart, 0, draft.Length), Math.Clamp(slashEnd, 0, draft.Length));
        var updated = browser is null ? null : await browser.InvokeAsync<string?>("replaceRange", section, start, end, pick.Text);
        updated ??= draft[..start] + pick.Text + draft[Math.Max(start, end)..];
        slashQuery = null;
        await SetDraftAsync(updated);
        await CannedResponses.RecordUseAsync(PickerActor, pick.CannedResponseId);
    }
}
