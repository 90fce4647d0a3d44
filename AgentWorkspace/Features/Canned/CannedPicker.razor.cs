using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Features.Canned;

/// <summary>What the agent picked: the filled-in text and the response it came from.</summary>
public sealed record CannedPick(int CannedResponseId, string Text);

/// <summary>
/// The canned responses matching the composer's "/query" (fuzzy, <see cref="CannedSearch"/>), the highlighted one
/// previewed with this ticket's values. Keys come from the composer (<see cref="KeyAsync"/>): the focus never leaves
/// the textarea, as the ARIA combobox pattern asks.
/// </summary>
public sealed partial class CannedPicker
{
    private IReadOnlyList<CannedResponse> all = [];
    private IReadOnlyList<CannedResponse> matches = [];
    private bool loaded;
    private int active;
    private string? filteredFor;
    private RenderedReply? preview;

    [Parameter, EditorRequired] public Ticket Ticket { get; set; } = default!;
    [Parameter, EditorRequired] public SharingActor Actor { get; set; } = default!;

    /// <summary>What follows the "/" (maybe empty); null while the picker is closed.</summary>
    [Parameter] public string? Query { get; set; }

    /// <summary>Where help-centre links point (the agent's address of the app).</summary>
    [Parameter] public Uri? BaseUri { get; set; }

    [Parameter] public EventCallback<CannedPick> Pick { get; set; }

    [Parameter] public string ListboxId { get; set; } = $"aw-canned-{Guid.NewGuid():N}";

    /// <summary>How many options are listed: -1 while closed (the composer's script then leaves the keys alone).</summary>
    public int Count => Query is null ? -1 : matches.Count;

    /// <summary>The highlighted option's element id, for the textarea's aria-activedescendant.</summary>
    public string? ActiveOptionId => Query is not null && matches.Count > 0 ? OptionId(active) : null;

    private string OptionId(int index) => $"{ListboxId}-{index}";

    protected override async Task OnParametersSetAsync()
    {
        if (Query is null)
        {
            filteredFor = null;
            preview = null;
            return;
        }
        if (!loaded)
        {
            // Read once per composer: the list an agent can use changes rarely, and every keystroke filters in memory.
            all = await Canned.ListAsync(Actor);
            loaded = true;
        }
        if (filteredFor != Query)
        {
            filteredFor = Query;
            matches = CannedSearch.Rank(all, Query, take: 8);
            active = 0;
            await PreviewAsync();
        }
    }

    /// <summary>ArrowDown, ArrowUp, Enter, Tab or Escape from the textarea; true when the picker used the key.</summary>
    public async Task<bool> KeyAsync(string key)
    {
        if (Query is null)
        {
            return false;
        }
        switch (key)
        {
            case "ArrowDown" when matches.Count > 0:
                await MoveToAsync((active + 1) % matches.Count);
                return true;
            case "ArrowUp" when matches.Count > 0:
                await MoveToAsync((active - 1 + matches.Count) % matches.Count);
                return true;
            case "Enter" or "Tab" when matches.Count > 0:
                await PickAsync(active);
                return true;
            default:
                return false;
        }
    }

    private async Task MoveToAsync(int index)
    {
        if (index == active && preview is not null)
        {
            return;
        }
        active = index;
        await PreviewAsync();
    }

    private async Task PreviewAsync() =>
        preview = matches.Count == 0 ? null : await Canned.RenderAsync(matches[active], Ticket.Id, Actor.AgentId, BaseUri);

    private async Task PickAsync(int index)
    {
        if (index >= matches.Count)
        {
            return;
        }
        var response = matches[index];
        var reply = index == active && preview?.CannedResponseId == response.Id ? preview : await Canned.RenderAsync(response, Ticket.Id, Actor.AgentId, BaseUri);
        if (reply is not null)
        {
            await Pick.InvokeAsync(new CannedPick(response.Id, reply.Text));
        }
    }

    private string SharingText(CannedResponse response) => response.Sharing switch
    {
        Sharing.Shared => L["SharingShared"],
        Sharing.Team => L["SharingTeam"],
        _ => L["SharingPersonal"],
    };

    private string LanguageName(string language) => language == "es" ? L["LanguageSpanish"] : L["LanguageEnglish"];
}
