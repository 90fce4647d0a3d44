using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// The inbox's keyboard: shortcuts listened for on the whole page (InboxPage.razor.js), and Enter on a ticket number
/// in the search.
/// </summary>
public sealed partial class InboxPage
{
    private bool revealCursor;
    private bool gone;
    private ElementReference list;
    private DotNetObjectReference<InboxPage>? shortcutsTarget;
    private IJSObjectReference? keys;
    private IJSObjectReference? shortcuts;

    [Inject] private IJSRuntime JS { get; set; } = default!;

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
