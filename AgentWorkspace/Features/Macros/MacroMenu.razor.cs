using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AgentWorkspace.Features.Macros;

/// <summary>
/// Applies a macro from the ticket page: the preview is computed from the ticket as it is now and remembers its version;
/// applying sends that version, so if anyone changed the ticket in between nothing is applied and the agent sees the
/// new state and a fresh preview. The macro's reply goes into the composer for the agent to review: macros never send.
/// </summary>
public sealed partial class MacroMenu
{
    private IReadOnlyList<Macro> macros = [];
    private MacroPlan? plan;
    private string? error;
    private bool applying;
    private bool focusPanel;
    private ElementReference panel;
    private readonly string titleId = $"aw-macro-{Guid.NewGuid():N}";

    [Parameter, EditorRequired] public Ticket Ticket { get; set; } = default!;
    [Parameter, EditorRequired] public AgentScope Scope { get; set; } = default!;
    [Parameter, EditorRequired] public SharingActor Actor { get; set; } = default!;

    /// <summary>Puts the macro's reply into the composer.</summary>
    [Parameter] public Func<string, Task>? InsertReply { get; set; }

    /// <summary>Asks the page to read the ticket again (after applying, or after a conflict).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    protected override async Task OnInitializedAsync() => macros = await Macros.ListAsync(Actor);

    /// <summary>
    /// The list is read again when the menu opens: macros made in another tab show up. When it closes on a choice, the
    /// preview takes the focus (the menu's item, which had it, is gone).
    /// </summary>
    private async Task OnMenuOpenedAsync(bool open)
    {
        if (open)
        {
            macros = await Macros.ListAsync(Actor);
        }
        else if (plan is not null)
        {
            focusPanel = true;
        }
    }

    /// <summary>Shows what the macro would do to the ticket (public so a test or a keyboard shortcut can open it).</summary>
    public async Task PreviewAsync(int macroId)
    {
        error = null;
        plan = await Macros.PreviewAsync(Actor, Scope, macroId, Ticket.Id, new Uri(Navigation.BaseUri));
        if (plan is null)
        {
            error = L["MacroGone"];
        }
        focusPanel = true;
    }

    private async Task ApplyAsync()
    {
        if (plan is null || applying)
        {
            return;
        }
        applying = true;
        try
        {
            var result = await Macros.ApplyAsync(Actor, Scope, plan.MacroId, Ticket.Id, plan.Version, new Uri(Navigation.BaseUri));
            if (!result.Succeeded)
            {
                var stale = plan;
                await Changed.InvokeAsync();
                // Nothing was applied: show what the macro would do now, with why it was not applied.
                plan = await Macros.PreviewAsync(Actor, Scope, stale.MacroId, Ticket.Id, new Uri(Navigation.BaseUri)) ?? stale;
                error = result.Outcome == CommandOutcome.Conflict ? L["MacroConflict"] : L["MacroRefused", result.Error ?? ""];
                return;
            }
            plan = null;
            if (result.Applied?.Reply is { } reply && InsertReply is not null)
            {
                await InsertReply(reply.Text);
            }
            await Changed.InvokeAsync();
        }
        finally
        {
            applying = false;
        }
    }

    private void Cancel()
    {
        plan = null;
        error = null;
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            Cancel();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusPanel && plan is not null)
        {
            focusPanel = false;
            await panel.FocusAsync();
        }
    }

    private string Describe(PlannedChange change) => change.Field switch
    {
        "Status" => L["ChangeStatus", TicketWords.Status(Enum.Parse<TicketStatus>(change.From!)), TicketWords.Status(Enum.Parse<TicketStatus>(change.To!))],
        "Priority" => L["ChangePriority", TicketWords.Priority(Enum.Parse<TicketPriority>(change.From!)), TicketWords.Priority(Enum.Parse<TicketPriority>(change.To!))],
        "Team" => L["ChangeTeam", change.From ?? L["NoTeam"], change.To ?? L["NoTeam"]],
        "Assignee" => L["ChangeAssignee", change.From ?? L["Nobody"], change.To ?? L["Nobody"]],
        "TagAdded" => L["ChangeTagAdded", change.To ?? ""],
        _ => L["ChangeTagRemoved", change.From ?? ""],
    };
}
