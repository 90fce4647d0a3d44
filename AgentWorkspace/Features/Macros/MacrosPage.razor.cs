using AgentWorkspace.Components;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AgentWorkspace.Features.Macros;

/// <summary>The macros an agent can use, and the editor for the ones they manage (same sharing rules as canned responses).</summary>
public sealed partial class MacrosPage
{
    private IReadOnlyList<Macro> macros = [];
    private IReadOnlyList<CannedResponse> canned = [];
    private IReadOnlyList<Option<int?>> teams = [];
    private IReadOnlyList<Option<string>> agents = [];
    private SharingActor actor = null!;
    private string search = "";
    private EditedMacro? draft;
    private string? error;

    [Inject] private MacroService Macros { get; set; } = default!;
    [Inject] private CannedService Canned { get; set; } = default!;
    [Inject] private SharingActors Actors { get; set; } = default!;
    [Inject] private TicketQueries Queries { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private sealed class EditedMacro
    {
        public int Id { get; init; }
        public string? Name { get; set; }
        public TicketStatus? Status { get; set; }
        public TicketPriority? Priority { get; set; }
        public string? AddTags { get; set; }
        public string? RemoveTags { get; set; }
        public int? MoveToTeamId { get; set; }
        public MacroAssignee Assign { get; set; }
        public string? AssigneeId { get; set; }
        public int? CannedResponseId { get; set; }
        public Sharing Sharing { get; set; }
        public int? TeamId { get; set; }
    }

    private IEnumerable<Sharing> SharingChoices => actor.SharingChoices;

    protected override async Task OnInitializedAsync()
    {
        actor = await Actors.ForAsync((await AuthenticationState).User);
        var (agentChoices, teamChoices) = await Queries.ChoicesAsync();
        teams = teamChoices.Select(t => new Option<int?>(t.Id, t.Name)).ToList();
        agents = agentChoices.Select(a => new Option<string>(a.Id, a.Name)).ToList();
        canned = await Canned.ListAsync(actor);
        await LoadAsync();
    }

    private async Task LoadAsync() => macros = await Macros.ListAsync(actor, search);

    private async Task SearchAsync(string? value)
    {
        search = value ?? "";
        await LoadAsync();
    }

    private void New()
    {
        error = null;
        draft = new EditedMacro { Sharing = Sharing.Personal };
    }

    private void Edit(Macro macro)
    {
        error = null;
        draft = new EditedMacro
        {
            Id = macro.Id, Name = macro.Name, Status = macro.Status, Priority = macro.Priority, AddTags = macro.AddTags, RemoveTags = macro.RemoveTags,
            MoveToTeamId = macro.MoveToTeamId, Assign = macro.Assign, AssigneeId = macro.AssigneeId, CannedResponseId = macro.CannedResponseId,
            Sharing = macro.Sharing, TeamId = macro.TeamId,
        };
    }

    private async Task SaveAsync()
    {
        if (draft is null)
        {
            return;
        }
        var result = await Macros.SaveAsync(actor, new MacroDraft(draft.Id, draft.Name, draft.Status, draft.Priority, draft.AddTags, draft.RemoveTags,
            draft.MoveToTeamId, draft.Assign, draft.AssigneeId, draft.CannedResponseId, draft.Sharing, draft.TeamId));
        if (!result.Succeeded)
        {
            error = result.Problem!.Format();
            return;
        }
        Snackbar.Add(L["MacroSaved", draft.Name ?? ""], Severity.Success);
        draft = null;
        await LoadAsync();
    }

    private async Task DeleteAsync(Macro macro)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ConfirmDeleteTitle", macro.Name], L["ConfirmDeleteMacro"], yesText: L["Delete"], cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }
        var result = await Macros.DeleteAsync(actor, macro.Id);
        Snackbar.Add(result.Succeeded ? L["Deleted", macro.Name] : result.Problem!.Format(), result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    /// <summary>One line saying what the macro does, in the agent's words.</summary>
    private string Summary(Macro macro)
    {
        var parts = new List<string>();
        if (macro.Status is { } status) parts.Add(L["SummaryStatus", TicketWords.Status(status)]);
        if (macro.Priority is { } priority) parts.Add(L["SummaryPriority", TicketWords.Priority(priority)]);
        if (macro.TagsToAdd.Count > 0) parts.Add(L["SummaryAddTags", string.Join(", ", macro.TagsToAdd)]);
        if (macro.TagsToRemove.Count > 0) parts.Add(L["SummaryRemoveTags", string.Join(", ", macro.TagsToRemove)]);
        if (macro.MoveToTeam is { } team) parts.Add(L["SummaryTeam", team.Name]);
        if (macro.Assign != MacroAssignee.Keep) parts.Add(L["SummaryAssign", AssignChoice(macro.Assign) + (macro.Assign == MacroAssignee.Agent ? " " + AgentName(macro.AssigneeId) : "")]);
        if (macro.CannedResponse is { } reply) parts.Add(L["SummaryReply", "/" + reply.Shortcut]);
        return parts.Count == 0 ? L["SummaryNothing"] : string.Join(" · ", parts);
    }

    private string SharingChoice(Sharing sharing) => sharing switch
    {
        Sharing.Shared => L["SharingEveryone"],
        Sharing.Team => L["SharingATeam"],
        _ => L["SharingOnlyMe"],
    };

    private string SharingLabel(IShareable item) => item.Sharing switch
    {
        Sharing.Shared => L["SharingEveryone"],
        Sharing.Team => L["SharingTeamNamed", TeamName(item.TeamId)],
        _ => L["SharingOnlyMe"],
    };

    private string AssignChoice(MacroAssignee assign) => assign switch
    {
        MacroAssignee.Me => L["AssignMe"],
        MacroAssignee.Agent => L["AssignAgent"],
        MacroAssignee.Nobody => L["AssignNobody"],
        _ => L["Unchanged"],
    };

    private string TeamName(int? teamId) => teams.FirstOrDefault(t => t.Value == teamId)?.Text ?? "";

    private string AgentName(string? agentId) => agents.FirstOrDefault(a => a.Value == agentId)?.Text ?? "";

    private string CannedName(int? id) => id is null ? L["NoReply"] : canned.FirstOrDefault(c => c.Id == id) is { } c ? $"/{c.Shortcut} · {c.Title}" : "";
}
