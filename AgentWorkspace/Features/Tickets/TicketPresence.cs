using System.Collections.Concurrent;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;

namespace AgentWorkspace.Features.Tickets;

/// <summary>
/// Collision detection on tickets, on the one <see cref="PresenceBoard"/>: who has a ticket open, who is typing a reply
/// or a note on it, and whether the customer is typing in the widget. Typing expires on its own a few seconds after
/// the last keystroke.
/// </summary>
public sealed class TicketPresence(PresenceBoard board)
{
    /// <summary>The customer's place on the board; never shown as a viewer.</summary>
    private const string Customer = "\u0001customer";

    private readonly ConcurrentDictionary<int, IDisposable> customerTabs = new();

    /// <summary>Registers one open ticket page; dispose it when the page closes.</summary>
    public IDisposable Watch(int ticketId, string agentId, string agentName) => board.Join(Topic.Ticket(ticketId), agentId, agentName);

    /// <summary>Typing, and what: the customer's widget shows only agents typing a public reply, never a note.</summary>
    public void SetTyping(IDisposable registration, bool typing, MessageVisibility visibility = MessageVisibility.Public) =>
        board.SetMomentary(registration, !typing ? null
            : visibility == MessageVisibility.Public ? PresenceActivity.TypingReply : PresenceActivity.TypingNote);

    /// <summary>The customer is typing in the widget (expires like an agent's typing).</summary>
    public void SetCustomerTyping(int ticketId, bool typing)
    {
        if (typing)
        {
            board.SetMomentary(customerTabs.GetOrAdd(ticketId, id => board.Join(Topic.Ticket(id), Customer, "")), PresenceActivity.TypingReply);
        }
        else if (customerTabs.TryRemove(ticketId, out var tab))
        {
            tab.Dispose();
        }
    }

    public bool IsCustomerTyping(int ticketId) =>
        board.Here(Topic.Ticket(ticketId)).Any(e => e.AgentId == Customer && e.Activity == PresenceActivity.TypingReply);

    /// <summary>Every agent on the ticket, one entry per agent (several tabs count once), typing if any tab types.</summary>
    public IReadOnlyList<TicketViewer> Viewers(int ticketId) =>
        board.Here(Topic.Ticket(ticketId)).Where(e => e.AgentId != Customer)
            .Select(e => new TicketViewer(e.AgentId, e.AgentName, e.Activity switch
            {
                PresenceActivity.TypingReply => MessageVisibility.Public,
                PresenceActivity.TypingNote => MessageVisibility.Internal,
                _ => null,
            }))
            .ToList();

    /// <summary>Tickets someone other than <paramref name="agentId"/> is viewing, for the inbox's markers.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<TicketViewer>> ViewedBy(IEnumerable<int> ticketIds, string agentId)
    {
        var result = new Dictionary<int, IReadOnlyList<TicketViewer>>();
        foreach (var id in ticketIds)
        {
            var others = Viewers(id).Where(v => v.AgentId != agentId).ToList();
            if (others.Count > 0)
            {
                result[id] = others;
            }
        }
        return result;
    }
}

/// <summary>One agent on a ticket; <paramref name="TypingVisibility"/> says whether they are typing a reply, a note, or nothing.</summary>
public sealed record TicketViewer(string AgentId, string AgentName, MessageVisibility? TypingVisibility)
{
    public bool IsTyping => TypingVisibility is not null;
}
