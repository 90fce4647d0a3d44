using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>Who speaks in a scripted line: the customer, the agent in public, the agent as an internal note, or the system.</summary>
internal enum Speaker
{
    Customer,
    Agent,
    Note,
    System,
}

/// <summary>A conversation cut after a line marked with one of these reads naturally as a ticket in that status.</summary>
[Flags]
internal enum StopsFor
{
    None = 0,
    InProgress = 1,
    Waiting = 2,
    OnHold = 4,
}

internal sealed record ScriptLine(Speaker Speaker, string Body, StopsFor Stop = StopsFor.None);

/// <summary>
/// A reusable conversation. Bodies hold placeholders filled per ticket:
/// {name} (customer's first name), {agent} (agent's first name), {shop}, {domain}, {order}.
/// Escalating conversations move the ticket to tier 2 once an agent has looked at it; a country ("mx", "es")
/// limits the script to customers from there (a payment method or carrier only exists in that market).
/// </summary>
internal sealed record ConversationScript(
    string Language,
    string Category,
    string Subject,
    TicketPriority Priority,
    string[] Tags,
    ScriptLine[] Lines,
    bool Escalates = false,
    string? Country = null)
{
    public bool Supports(TicketStatus status) => status switch
    {
        TicketStatus.InProgress => Lines.Any(l => l.Stop.HasFlag(StopsFor.InProgress)),
        TicketStatus.WaitingOnCustomer => Lines.Any(l => l.Stop.HasFlag(StopsFor.Waiting)),
        TicketStatus.OnHold => Lines.Any(l => l.Stop.HasFlag(StopsFor.OnHold)),
        _ => true,
    };

    /// <summary>The part of the conversation that has happened by the time the ticket is in <paramref name="status"/>.</summary>
    public IReadOnlyList<ScriptLine> Cut(TicketStatus status)
    {
        var stop = status switch
        {
            TicketStatus.InProgress => StopsFor.InProgress,
            TicketStatus.WaitingOnCustomer => StopsFor.Waiting,
            TicketStatus.OnHold => StopsFor.OnHold,
            _ => StopsFor.None,
        };
        if (status == TicketStatus.Open)
        {
            // Nobody has answered an open ticket yet: only what the customer (or the system) said.
            return Lines.TakeWhile(l => l.Speaker is Speaker.Customer or Speaker.System).ToList();
        }
        if (stop == StopsFor.None)
        {
            return Lines;
        }
        var end = Array.FindIndex(Lines, l => l.Stop.HasFlag(stop));
        return Lines.Take(end + 1).ToList();
    }
}
