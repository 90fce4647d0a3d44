using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AgentWorkspace.Features.Canned;

/// <summary>
/// Canned responses an agent can see, with search and usage counts; agents manage their personal ones, admins and
/// supervisors also the shared and team ones (the service enforces it; the page only offers what is allowed).
/// </summary>
public sealed partial class CannedPage
{
    private IReadOnlyList<CannedResponse> responses = [];
    private IReadOnlyList<Option<int?>> teams = [];
    private SharingActor actor = null!;
    private string search = "";
    private EditedResponse? draft;
    private string? error;

    [Inject] private CannedService Canned { get; set; } = default!;
    [Inject] private SharingActors Actors { get; set; } = default!;
    [Inject] private TicketQueries Queries { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The form's state; a class so the fields can bind to it.</summary>
    private sealed class EditedResponse
    {
        public int Id { get; init; }
        public string? Shortcut { get; set; }
        public string? Title { get; set; }
        public string? BodyEn { get; set; }
        public string? BodyEs { get; set; }
        public Sharing Sharing { get; set; }
        public int? TeamId { get; set; }
    }

    private IEnumerable<Sharing> SharingChoices => actor.SharingChoices;

    protected override async Task OnInitializedAsync()
    {
        actor = await Actors.ForAsync((await AuthenticationState).User);
        var (_, teamChoices) = await Queries.ChoicesAsync();
        teams = teamChoices.Select(t => new Option<int?>(t.Id, t.Name)).ToList();
        await LoadAsync();
    }

    private async Task LoadAsync() => responses = await Canned.ListAsync(actor, search);

    private async Task SearchAsync(string? value)
    {
        search = value ?? "";
        await LoadAsync();
    }

    private void New()
    {
        error = null;
        draft = new EditedResponse { Sharing = Sharing.Personal };
    }

    private void Edit(CannedResponse response)
    {
        error = null;
        draft = new EditedResponse
        {
            Id = response.Id, Shortcut = response.Shortcut, Title = response.Title, BodyEn = response.BodyEn, BodyEs = response.BodyEs,
            Sharing = response.Sharing, TeamId = response.TeamId,
        };
    }

    private async Task SaveAsync()
    {
        if (draft is null)
        {
            return;
        }
        var result = await Canned.SaveAsync(actor, new CannedDraft(draft.Id, draft.Shortcut, draft.Title, draft.BodyEn, draft.BodyEs, draft.Sharing, draft.TeamId));
        if (!result.Succeeded)
        {
            // The form keeps what was typed: nothing is lost to a refusal.
            error = result.Problem!.Format();
            return;
        }
        Snackbar.Add(L["CannedSaved", draft.Title ?? ""], Severity.Success);
        draft = null;
        await LoadAsync();
    }

    private async Task DeleteAsync(CannedResponse response)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ConfirmDeleteTitle", response.Shortcut], L["ConfirmDeleteCanned"],
            yesText: L["Delete"], cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }
        var result = await Canned.DeleteAsync(actor, response.Id);
        Snackbar.Add(result.Succeeded ? L["Deleted", response.Shortcut] : result.Problem!.Format(), result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private string SharingChoice(Sharing sharing) => sharing switch
    {
        Sharing.Shared => L["SharingEveryone"],
        Sharing.Team => L["SharingATeam"],
        _ => L["SharingOnlyMe"],
    };

    private string TeamName(int? teamId) => teams.FirstOrDefault(t => t.Value == teamId)?.Text ?? "";

    private string SharingLabel(IShareable item) => item.Sharing switch
    {
        Sharing.Shared => L["SharingEveryone"],
        Sharing.Team => L["SharingTeamNamed", TeamName(item.TeamId)],
        _ => L["SharingOnlyMe"],
    };
}
