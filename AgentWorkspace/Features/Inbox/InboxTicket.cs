using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Inbox;

/// <summary>
/// A ticket as every inbox sees it after a change, read once for all screens: its row, what the filters look at
/// (tags), and which agents had already seen its latest activity.
/// </summary>
public sealed record InboxTicket(
    int Id, int Number, string Subject, string CustomerName, TicketStatus Status, TicketPriority Priority,
    TicketChannel Channel, string? AssigneeId, string? AssigneeName, int? TeamId, string? TeamName,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince,
    IReadOnlyList<string> Tags, IReadOnlyList<string> SeenBy, InboxSla Sla = default)
{
    /// <summary>The responsible agent: part of who sees the ticket and of the "Owned by me" view.</summary>
    public string? OwnerId { get; init; }

    public InboxRow ToRow(string agentId) => new(
        Id, Number, Subject, CustomerName, Status, Priority, Channel, AssigneeId, AssigneeName, TeamId, TeamName,
        CreatedAt, LastActivityAt, WaitingSince, !SeenBy.Contains(agentId)) { Sla = Sla };
}

/// <summary>
/// A ticket changed: its row, computed once by <see cref="InboxFeed"/> for every inbox screen that could show it now or
/// before (<see cref="InboxTopics"/>).
/// </summary>
/// <param name="Created">The ticket is new.</param>
/// <param name="CustomerWrote">A customer message arrived (chat attention follows these).</param>
/// <param name="PreviousTeamId">Its team before the change.</param>
/// <param name="PreviousAssigneeId">Its assignee before the change.</param>
public sealed record InboxTicketChanged(InboxTicket Ticket, bool Created, bool CustomerWrote, int? PreviousTeamId, string? PreviousAssigneeId) : WorkspaceEvent
{
    /// <summary>Its owner before the change.</summary>
    public string? PreviousOwnerId { get; init; }

    public override IReadOnlyList<Topic> Topics => field ??=
        InboxTopics.Of((Ticket.TeamId, Ticket.AssigneeId, Ticket.OwnerId), (PreviousTeamId, PreviousAssigneeId, PreviousOwnerId));

    /// <summary>Each node derives it for its own screens from the events that cross.</summary>
    public override bool CrossesNodes => false;
}
