using System.ComponentModel;
using System.Globalization;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace AgentWorkspace.Features.Api;

/// <summary>
/// The query string of GET /api/v1/tickets. Every parameter binds as text and is parsed here, so a bad value
/// answers 400 problem+json naming the parameter (typed binding would answer an empty 400).
/// </summary>
public sealed class TicketListQuery
{
    public const int DefaultLimit = 25;

    [FromQuery(Name = "status"), Description("Status names, comma-separated or repeated (Open, InProgress, WaitingOnCustomer, OnHold, Resolved, Closed). Default: any status.")]
    public string? Status { get; init; }

    [FromQuery(Name = "priority"), Description("Priority names, comma-separated or repeated (Low, Normal, High, Urgent).")]
    public string? Priority { get; init; }

    [FromQuery(Name = "channel"), Description("Channel names, comma-separated or repeated (Chat, Email, WebForm, Phone, Api, WalkIn).")]
    public string? Channel { get; init; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    [FromQuery(Name = "assignee"), Description("Agent id or email.")]
    public string? Assignee { get; init; }

    [FromQuery(Name = "team"), Description("Team id or name.")]
    public string? Team { get; init; }

    [FromQuery(Name = "updatedAfter"), Description("ISO 8601 time: tickets whose last message is at or after it.")]
    public string? UpdatedAfter { get; init; }

    [FromQuery(Name = "q"), Description("Full-text search over subject, customer and messages; '#1042' finds a number.")]
    public string? Q { get; init; }

    [FromQuery(Name = "breached"), Description("true: only tickets with a breached SLA target (an overdue running one included); false: only those without.")]
    public string? Breached { get; init; }

    [FromQuery(Name = "dueBefore"), Description("ISO 8601 time: tickets whose next running SLA target falls due before it (overdue ones included).")]
    public string? DueBefore { get; init; }

    [FromQuery(Name = "sort"), Description("LastActivity (default), Priority, Created or LongestWaiting.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "cursor"), Description("The 'next' value of the previous page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit"), Description("1 to 100, default 25.")]
    public string? Limit { get; init; }

    /// <summary>The inbox filter, or the errors by parameter name. Team and assignee names are resolved by the caller.</summary>
    /// <param name="now">What "breached" is judged against: a running target past its due instant counts.</param>
    public (InboxFilter Filter, int Limit, Dictionary<string, string[]> Errors) Parse(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new InboxFilter
        {
            AnyStatus = true,
            Statuses = ParseList<TicketStatus>("status", Status, errors),
            Priorities = ParseList<TicketPriority>("priority", Priority, errors),
            Channels = ParseList<TicketChannel>("channel", Channel, errors),
            Search = string.IsNullOrWhiteSpace(Q) ? null : Q,
        };
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            if (TicketService.NormalizeTag(Tag) is null)
                errors["tag"] = [$"A tag is 1 to {MessageLimits.MaxTagLength} letters, digits, '-' or '_'."];
            filter = filter with { Tag = Tag };
        }
        if (!string.IsNullOrWhiteSpace(UpdatedAfter))
        {
            if (DateTimeOffset.TryParse(UpdatedAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after))
                filter = filter with { UpdatedFrom = after };
            else
                errors["updatedAfter"] = ["An ISO 8601 date and time, e.g. 2026-11-20T08:00:00Z."];
        }
        if (!string.IsNullOrWhiteSpace(Breached))
        {
            if (bool.TryParse(Breached.Trim(), out var breached))
                filter = filter with { SlaBreached = breached, SlaAsOf = now };
            else
                errors["breached"] = ["true or false."];
        }
        if (!string.IsNullOrWhiteSpace(DueBefore))
        {
            if (DateTimeOffset.TryParse(DueBefore, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var before))
                filter = filter with { SlaDueBefore = before };
            else
                errors["dueBefore"] = ["An ISO 8601 date and time, e.g. 2026-11-20T08:00:00Z."];
        }
        if (!string.IsNullOrWhiteSpace(Sort))
        {
            if (TryParseName<InboxSort>(Sort, out var sort))
                filter = filter with { Sort = sort };
            else
                errors["sort"] = [$"One of {string.Join(", ", Enum.GetNames<InboxSort>())}."];
        }
        if (!string.IsNullOrEmpty(Cursor) && InboxCursor.Parse(Cursor) is null)
        {
            errors["cursor"] = ["Not a cursor this API returned."];
        }
        var limit = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(Limit) && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > InboxQuery.MaxPageSize))
        {
            errors["limit"] = [$"A whole number from 1 to {InboxQuery.MaxPageSize}."];
        }
        return (filter, limit, errors);
    }

    private static List<T> ParseList<T>(string name, string? text, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParseName<T>(part, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors[name] = [$"'{part}' is not a {name}: use {string.Join(", ", Enum.GetNames<T>())}."];
            }
        }
        return values;
    }

    /// <summary>Names only: Enum.TryParse alone would also take "3" or "999".</summary>
    private static bool TryParseName<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.GetNames<T>().Contains(text, StringComparer.OrdinalIgnoreCase);
}
