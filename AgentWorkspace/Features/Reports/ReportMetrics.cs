using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Reports;

/// <summary>The metrics a report shows; each has one definition (<see cref="ReportMetrics.All"/>).</summary>
public enum Metric
{
    Created,
    Resolved,
    Reopened,
    Backlog,
    FirstResponse,
    Resolution,
    RequesterWait,
    OnHold,
    QueueWait,
    HandleTime,
    ResolutionRate,
    ReopenRate,
    FirstContactResolution,
    ZeroReplyResolution,
    Escalations,
    Csat,
    Ces,
    SurveyedTickets,
    Unhappy,
}

/// <summary>How a metric is shown: a count of tickets or cycles, a duration (median and p90), or a share.</summary>
public enum MetricKind
{
    Count,
    Duration,
    Rate,

    /// <summary>A survey score over the answers given in the range (CSAT share of 4–5, CES mean), with its number of answers.</summary>
    Score,
}

/// <param name="DefinitionKey">The resource key of the on-screen definition (ReportsStrings, English and Spanish).</param>
public sealed record MetricDefinition(Metric Metric, MetricKind Kind, string NameKey, string DefinitionKey);

/// <summary>
/// The definitions of every metric, in one place: the rules below are the ones <see cref="FactBuilder"/> and
/// <see cref="ReportQuery"/> apply, and the on-screen definitions (resources named here) describe exactly these rules.
/// The common rules: a cycle runs from creation (or a reopen) to the next Resolved/Closed; duration metrics cover the
/// cycles resolved in the date range; counts are by the instant of the event, bucketed by the viewer's local day;
/// filters and groupings use the ticket's current team, channel, priority, category, language and tags.
/// </summary>
public static class ReportMetrics
{
    /// <summary>A first-contact resolution must not be reopened within this long after it was resolved.</summary>
    public static readonly TimeSpan FcrReopenWindow = TimeSpan.FromDays(7);

    /// <summary>A reply, for response metrics: an agent's public message (internal notes and system lines are not).</summary>
    /// <remarks>An automatic reply (a rule's canned reply: an agent message with no agent) is nobody's response.</remarks>
    public static bool IsPublicAgentReply(HistoryMessage m) =>
        m.AuthorKind == AuthorKind.Agent && m.AuthorAgentId is not null && m.Visibility == MessageVisibility.Public;

    /// <summary>Requester wait time counts the statuses in which the customer waits for the team: Open, In progress, On hold.</summary>
    public static bool RequesterWaits(TicketStatus status) => status is TicketStatus.Open or TicketStatus.InProgress or TicketStatus.OnHold;

    /// <summary>First-contact resolution: exactly one public agent reply in the cycle, and no reopen within the window.</summary>
    public static bool IsFirstContactResolution(int publicReplies, DateTimeOffset resolvedAt, DateTimeOffset? reopenedAt) =>
        publicReplies == 1 && (reopenedAt is null || reopenedAt.Value - resolvedAt > FcrReopenWindow);

    /// <summary>
    /// Survey metrics count the answers <b>given</b> in the range (by <c>SurveyResponse.AnsweredAt</c>, as the surveys'
    /// own SurveyStats does), credited to the agent and team stored on the survey (those of the resolution). The team and
    /// agent filters and groups use those; channel, priority, category and tag use the ticket's current dimensions like
    /// every other metric. A ticket reopened and resolved again may be answered once per resolution: each answer counts.
    /// </summary>
    public static bool IsSatisfied(int csat) => csat >= Surveys.SurveyAnswer.SatisfiedFrom;

    /// <summary>An unhappy answer: CSAT 1 or 2 (the customer was asked why).</summary>
    public static bool IsUnhappy(int csat) => Surveys.SurveyAnswer.IsBad(csat);

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new(Metric.Created, MetricKind.Count, "MetricCreated", "DefCreated"),
        new(Metric.Resolved, MetricKind.Count, "MetricResolved", "DefResolved"),
        new(Metric.Reopened, MetricKind.Count, "MetricReopened", "DefReopened"),
        new(Metric.Backlog, MetricKind.Count, "MetricBacklog", "DefBacklog"),
        new(Metric.FirstResponse, MetricKind.Duration, "MetricFirstResponse", "DefFirstResponse"),
        new(Metric.Resolution, MetricKind.Duration, "MetricResolution", "DefResolution"),
        new(Metric.RequesterWait, MetricKind.Duration, "MetricRequesterWait", "DefRequesterWait"),
        new(Metric.OnHold, MetricKind.Duration, "MetricOnHold", "DefOnHold"),
        new(Metric.QueueWait, MetricKind.Duration, "MetricQueueWait", "DefQueueWait"),
        new(Metric.HandleTime, MetricKind.Duration, "MetricHandleTime", "DefHandleTime"),
        new(Metric.ResolutionRate, MetricKind.Rate, "MetricResolutionRate", "DefResolutionRate"),
        new(Metric.ReopenRate, MetricKind.Rate, "MetricReopenRate", "DefReopenRate"),
        new(Metric.FirstContactResolution, MetricKind.Rate, "MetricFcr", "DefFcr"),
        new(Metric.ZeroReplyResolution, MetricKind.Count, "MetricZeroReply", "DefZeroReply"),
        new(Metric.Escalations, MetricKind.Count, "MetricEscalations", "DefEscalations"),
        new(Metric.Csat, MetricKind.Score, "MetricCsat", "DefCsat"),
        new(Metric.Ces, MetricKind.Score, "MetricCes", "DefCes"),
        new(Metric.SurveyedTickets, MetricKind.Count, "MetricSurveyedTickets", "DefSurveyedTickets"),
        new(Metric.Unhappy, MetricKind.Count, "MetricUnhappy", "DefUnhappy"),
    ];

    public static MetricDefinition Of(Metric metric) => All.First(d => d.Metric == metric);
}
