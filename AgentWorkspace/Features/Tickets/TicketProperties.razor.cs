using AgentWorkspace.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// The ticket's properties. Every change carries the value the agent saw: when someone else changed that field
/// meanwhile the service refuses it as a conflict, said here beside the fields; the page then shows their value
/// through the live backbone. Other refusals are toasts (bottom-left, never over this panel).
/// </summary>
public sealed partial class TicketProperties
{
    // MudSelect keys its items by value, so "nobody" and "no team" are values of their own rather than null.
    private const string Nobody = "";
    private const int NoTeam = 0;

    private readonly string tagsLabelId = $"aw-tags-{Guid.NewGuid():N}";
    private readonly string followersLabelId = $"aw-followers-{Guid.NewGuid():N}";
    private PendingMove? pendingMove;
    private MudTextField<string>? tagField;
    private string? newTag;
    private int escalateTeam = NoTeam;
    private int escalateTier = 2;
    private string? escalateReason;
    private string? conflict;
    private int refusals;
    private int? shownTicketId;
    private bool askSurvey = true;

    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public Ticket Ticket { get; set; } = default!;
    [Parameter, EditorRequired] public AgentScope Scope { get; set; } = default!;
    [Parameter] public IReadOnlyList<Option<string>> Agents { get; set; } = [];
    [Parameter] public IReadOnlyList<Option<int?>> Teams { get; set; } = [];

    /// <summary>A change was refused as a conflict: the page reads the ticket again, so the other agent's value shows at once.</summary>
    [Parameter] public EventCallback Conflicted { get; set; }

    protected override void OnParametersSet()
    {
        if (shownTicketId != Ticket.Id)
        {
            shownTicketId = Ticket.Id;
            conflict = null;
            pendingMove = null;
            askSurvey = true;
            escalateTeam = Ticket.TeamId ?? NoTeam;
            escalateTier = Math.Min(Ticket.Tier + 1, 3);
        }
        escalateTier = Math.Max(escalateTier, Math.Min(Ticket.Tier + 1, 3));
    }

    private static string? NullIfNobody(string agentId) => agentId == Nobody ? null : agentId;

    private static int? NullIfNoTeam(int teamId) => teamId == NoTeam ? null : teamId;

    private string AgentName(string? agentId) =>
        string.IsNullOrEmpty(agentId) ? L["Unassigned"] : Agents.FirstOrDefault(a => a.Value == agentId)?.Text ?? agentId;

    private string OwnerName(string? agentId) =>
        string.IsNullOrEmpty(agentId) ? L["NoOwner"] : Agents.FirstOrDefault(a => a.Value == agentId)?.Text ?? agentId;

    /// <summary>The "add a follower" list shows no value of its own: only its label until an agent is picked.</summary>
    private string CandidateName(string? agentId) => string.IsNullOrEmpty(agentId) ? "" : AgentName(agentId);

    private string FollowerName(TicketFollower follower) =>
        follower.Agent?.DisplayName ?? Agents.FirstOrDefault(a => a.Value == follower.AgentId)?.Text ?? follower.AgentId;

    private async Task AddFollowerAsync(string? agentId)
    {
        if (!string.IsNullOrEmpty(agentId))
        {
            await RunAsync(new AddFollower(agentId));
        }
    }

    /// <summary>A move to another team waiting for the agent's answer: hand off (clear the assignee) or keep them.</summary>
    private sealed record PendingMove(int? TeamId, bool IsEscalation);

    private async Task OnTeamChosenAsync(int value)
    {
        var teamId = NullIfNoTeam(value);
        if (teamId == Ticket.TeamId)
        {
            return;
        }
        if (Ticket.AssigneeId is null)
        {
            // Nobody to hand it from: routing an unassigned ticket is a plain move.
            await RunAsync(new SetTeam(Ticket.TeamId, teamId));
            return;
        }
        pendingMove = new PendingMove(teamId, IsEscalation: false);
    }

    private async Task OnHandOffChosenAsync(bool handOff)
    {
        if (pendingMove is not { } move)
        {
            return;
        }
        pendingMove = null;
        if (!move.IsEscalation)
        {
            await RunAsync(new SetTeam(Ticket.TeamId, move.TeamId, handOff));
        }
        else if (await RunAsync(new Escalate(move.TeamId, escalateTier, escalateReason ?? "", handOff)))
        {
            escalateReason = null;
        }
    }

    /// <summary>Nothing moves; the team drop-down is re-created so it shows the saved team again.</summary>
    private void CancelMove()
    {
        pendingMove = null;
        refusals++;
    }

    private string TeamName(int teamId) =>
        teamId == NoTeam ? L["NoTeam"] : Teams.FirstOrDefault(t => t.Value == teamId)?.Text ?? teamId.ToString(System.Globalization.CultureInfo.CurrentCulture);

    private async Task SetCategoryAsync(string? value)
    {
        if (value?.Trim().Length > MessageLimits.MaxCategoryLength)
        {
            Refuse(L["CategoryTooLong", MessageLimits.MaxCategoryLength]);
            return;
        }
        await RunAsync(new SetCategory(Ticket.Category, value));
    }

    private async Task OnTagKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter" || string.IsNullOrWhiteSpace(newTag))
        {
            return;
        }
        if (TicketService.NormalizeTag(newTag) is null)
        {
            Refuse(L["TagInvalid", MessageLimits.MaxTagLength]);
            return;
        }
        if (await RunAsync(new AddTag(newTag)) && tagField is not null)
        {
            // The field has focus: MudBlazor keeps a focused field's text unless it is cleared through the field itself.
            await tagField.ClearAsync();
        }
    }

    private async Task EscalateAsync()
    {
        if (string.IsNullOrWhiteSpace(escalateReason))
        {
            Refuse(L["EscalateNeedsReason"]);
            return;
        }
        if (NullIfNoTeam(escalateTeam) == Ticket.TeamId && escalateTier <= Ticket.Tier)
        {
            Refuse(L["EscalateNeedsChange"]);
            return;
        }
        if (NullIfNoTeam(escalateTeam) != Ticket.TeamId && Ticket.AssigneeId is not null)
        {
            pendingMove = new PendingMove(NullIfNoTeam(escalateTeam), IsEscalation: true);
            return;
        }
        // An escalation is a hand-off when nobody works the ticket (the target team is told); a higher tier in the same team
        // keeps its assignee.
        if (await RunAsync(new Escalate(NullIfNoTeam(escalateTeam), escalateTier, escalateReason, HandOff: Ticket.AssigneeId is null && NullIfNoTeam(escalateTeam) != Ticket.TeamId)))
        {
            escalateReason = null;
        }
    }

    private async Task SetStatusAsync(TicketStatus value) =>
        await (value == TicketStatus.Resolved && !askSurvey
            ? RunAsync(new SetStatus(Ticket.Status, value), new SkipSurvey())
            : RunAsync(new SetStatus(Ticket.Status, value)));

    /// <summary>Runs one change; the ticket's new state (or the other agent's) reaches the page through the live backbone.</summary>
    private async Task<bool> RunAsync(TicketCommand command, params TicketCommand[] more)
    {
        conflict = null;
        var result = await Tickets.ExecuteAsync(Scope, Ticket.Id, [command, .. more]);
        switch (result.Outcome)
        {
            case CommandOutcome.Ok:
                return true;
            case CommandOutcome.Conflict:
                conflict = ConflictMessage(command);
                refusals++;
                await Conflicted.InvokeAsync();
                return false;
            case CommandOutcome.NotFound:
                refusals++;
                Refuse(L["TicketGone"]);
                return false;
            default:
                refusals++;
                Refuse(L["NotSaved", result.Error ?? ""]);
                return false;
        }
    }

    private void Refuse(string message) => Snackbar.Add(message, Severity.Error);

    private string ConflictMessage(TicketCommand command) => command switch
    {
        SetStatus => L["ConflictStatus"],
        SetPriority => L["ConflictPriority"],
        Assign => L["ConflictAssignee"],
        SetTeam => L["ConflictTeam"],
        SetOwner => L["ConflictOwner"],
        SetCategory => L["ConflictCategory"],
        _ => L["ConflictTicket"],
    };
}
