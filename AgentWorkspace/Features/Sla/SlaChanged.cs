using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Sla;

/// <summary>A ticket's SLA state was recomputed and changed (new policy, due times, pause, met, warned, breached).</summary>
public sealed record SlaChanged(int TicketId, int Number) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Ticket(TicketId), Topic.Tickets];
}
