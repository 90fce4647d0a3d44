using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Inbox;

public enum InboxView
{
    AllOpen,
    Mine,

    /// <summary>Open tickets the agent owns (<see cref="Tickets.Ticket.OwnerId"/>), whoever works them and in whichever team.</summary>
    Owned,
    Unassigned,
    WaitingOnCustomer,
    OnHold,
    ResolvedAndClosed,

    /// <summary>A team's open tickets; the team is <see cref="InboxFilter.ViewTeamId"/>.</summary>
    Team,

    /// <summary>Open tickets whose next SLA target is at risk, breached, or due within <see cref="InboxQuery.BreachingSoonWindow"/>.</summary>
    BreachingSoon,
}

public enum InboxSort
{
    LastActivity,
    Priority,
    Created,
    LongestWaiting,

    /// <summary>The next SLA target's due instant, soonest (most overdue) first; tickets without a running target last.</summary>
    DueSoonest,
}

/// <summary>What the inbox shows: a view, optional filters on top of it, a search, a sort.</summary>
public sealed record InboxFilter
{
    public InboxView View { get; init; } = InboxView.AllOpen;
    public int? ViewTeamId { get; init; }

    /// <summary>Ignore <see cref="View"/>: every ticket the agent may see, whatever its status (the REST API's list).</summary>
    public bool AnyStatus { get; init; }
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public IReadOnlyList<TicketPriority> Priorities { get; init; } = [];
    public IReadOnlyList<TicketChannel> Channels { get; init; } = [];
    public string? Tag { get; init; }
    public string? AssigneeId { get; init; }
    public int? TeamId { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public DateTimeOffset? UpdatedFrom { get; init; }
    public DateTimeOffset? UpdatedTo { get; init; }
    public string? Search { get; init; }
    public InboxSort Sort { get; init; } = InboxSort.LastActivity;

    /// <summary>Only tickets with (true) or without (false) a breached SLA target, judged at <see cref="SlaAsOf"/>.</summary>
    public bool? SlaBreached { get; init; }
    public DateTimeOffset SlaAsOf { get; init; }

    /// <summary>Only tickets whose next running SLA target falls due before this instant.</summary>
    public DateTimeOffset? SlaDueBefore { get; init; }

    /// <summary>Only the tickets behind a number on the reports page (its drill-down criteria, see Reports.ReportLink).</summary>
    public Reports.ReportDrill? Report { get; init; }
}

/// <summary>A position in a sorted list: the sort keys of the last row shown. Opaque to clients.</summary>
public readonly record struct InboxCursor(long Key1, long Key2, int Id)
{
    public override string ToString() => $"{Key1}.{Key2}.{Id}";

    public static InboxCursor? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is { Length: 3 } && long.TryParse(parts[0], out var k1) && long.TryParse(parts[1], out var k2) && int.TryParse(parts[2], out var id)
            ? new InboxCursor(k1, k2, id)
            : null;
    }
}

public sealed record InboxRow(
    int Id, int Number, string Subject, string CustomerName, TicketStatus Status, TicketPriority Priority,
    TicketChannel Channel, string? AssigneeId, string? AssigneeName, int? TeamId, string? TeamName,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince, bool Updated)
{
    /// <summary>The ticket's next SLA target (read after the page's rows, by their ids: not part of the rows' SQL).</summary>
    public InboxSla Sla { get; init; }
}

/// <summary>One page of rows and the cursor of the next page (null at the end).</summary>
public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, string? Next);
