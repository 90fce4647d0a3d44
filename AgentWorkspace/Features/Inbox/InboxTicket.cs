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
    IReadOnlyList<string> Tags, IReadOnlyList<string> SeenBy)
{
    public InboxRow ToRow(string agentId) => new(
        Id, Number, Subject, CustomerName, Status, Priority, Channel, AssigneeId, AssigneeName, TeamId, TeamName,
        CreatedAt, LastActivityAt, WaitingSince, !SeenBy.Contains(agentId));
}

/// <summary>What happened to one ticket in a batch of changes.</summary>
/// <param name="Created">The ticket is new.</param>
/// <param name="CustomerWrote">A customer message arrived (chat attention follows these).</param>
public sealed record InboxTicketChange(InboxTicket Ticket, bool Created, bool CustomerWrote);

/// <summary>Tickets changed: rows computed once by <see cref="InboxFeed"/> for every inbox screen.</summary>
public sealed record InboxTicketsChanged(IReadOnlyList<InboxTicketChange> Changes) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Inbox];
}
