using System.Globalization;

namespace AgentWorkspace.Realtime;

public enum TopicKind
{
    /// <summary>One ticket: its properties, messages, viewers and typists.</summary>
    Ticket,

    /// <summary>Every ticket change, for services that follow all tickets (widget feeds, the inbox feed).</summary>
    Tickets,

    /// <summary>What inbox screens show: ticket rows computed once per change, and view count deltas. Every change.</summary>
    Inbox,

    /// <summary>The part of <see cref="Inbox"/> about one team's tickets (or, with no key, tickets no team owns yet).</summary>
    InboxTeam,

    /// <summary>The part of <see cref="Inbox"/> about tickets assigned to one agent.</summary>
    InboxAssignee,

    /// <summary>One agent: their notifications, what they have seen, their account.</summary>
    Agent,

    /// <summary>Who of the team is online.</summary>
    Team,

    /// <summary>One article: saves, reviews, feedback, who is editing.</summary>
    Article,

    /// <summary>Every article change: lists, the review queue, the suggestion index.</summary>
    Kb,

    /// <summary>One customer record: its profile's fields, addresses, history, merges.</summary>
    Customer,

    /// <summary>The supervisors' live dashboard: its figures were recomputed (once, for every open dashboard).</summary>
    Dashboard,
}

/// <summary>A stream of events a subscriber follows; an event names the topics it belongs to.</summary>
public readonly record struct Topic(TopicKind Kind, string Key = "")
{
    public static readonly Topic Tickets = new(TopicKind.Tickets);
    public static readonly Topic Inbox = new(TopicKind.Inbox);
    public static readonly Topic Team = new(TopicKind.Team);
    public static readonly Topic Kb = new(TopicKind.Kb);
    public static readonly Topic Dashboard = new(TopicKind.Dashboard);

    public static Topic Ticket(int ticketId) => new(TopicKind.Ticket, ticketId.ToString(CultureInfo.InvariantCulture));

    public static Topic Agent(string agentId) => new(TopicKind.Agent, agentId);

    public static Topic InboxTeam(int? teamId) => new(TopicKind.InboxTeam, teamId?.ToString(CultureInfo.InvariantCulture) ?? "");

    public static Topic InboxAssignee(string agentId) => new(TopicKind.InboxAssignee, agentId);

    public static Topic Customer(int customerId) => new(TopicKind.Customer, customerId.ToString(CultureInfo.InvariantCulture));

    public static Topic Article(int articleId) => new(TopicKind.Article, articleId.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Key.Length == 0 ? Kind.ToString() : $"{Kind}:{Key}";
}
