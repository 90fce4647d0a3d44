namespace AgentWorkspace.Features.Tickets;

/// <summary>The ticket page's words (header, properties, timeline, composer): TicketStrings.resx and .es.resx.</summary>
public sealed class TicketStrings;
