using System.Collections.Concurrent;
using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Surveys;

/// <summary>
/// Schedules a ticket's survey in the very transaction that resolves it (a durable job, <see cref="SurveyJobHandler"/>),
/// and cancels it in the one that reopens or closes it, so a survey is never lost to a restart nor sent for a change
/// that rolled back. The job checks the rules again when it falls due. After the commit (the bus publishes only then) it
/// wakes the job runner for surveys due at once (chats), which would otherwise wait for the runner's next look.
/// </summary>
public sealed class SurveyScheduler(
    IOptionsMonitor<SurveyOptions> options, JobScheduler jobs, WorkspaceNotifier notifier, TimeProvider clock) : ICustomerUpdates, IHostedService
{
    public const string JobKind = "survey.send";

    private readonly ConcurrentDictionary<int, DateTimeOffset> toNudge = new();
    private IDisposable? subscription;

    public async Task QueueAsync(AppDbContext db, Ticket ticket, Message? publicReply, TicketStatus statusBefore)
    {
        var settings = options.CurrentValue;
        var key = ticket.Id.ToString(CultureInfo.InvariantCulture);
        if (ticket.Status == TicketStatus.Resolved && statusBefore != TicketStatus.Resolved && ticket.ResolvedAt is { } resolvedAt)
        {
            // Resolved without a survey (the agent's choice, in this same change): nothing to schedule.
            if (!settings.Enabled || db.TicketEvents.Local.Any(e => e.TicketId == ticket.Id && e.Field == SurveyRules.SkipField))
            {
                await JobScheduler.CancelAsync(db, JobKind, key);
                return;
            }
            var due = resolvedAt + (ticket.Channel == TicketChannel.Chat ? settings.ChatDelay : settings.Delay);
            await JobScheduler.ScheduleAsync(db, JobKind, key, due, SurveyJob.Payload(resolvedAt, ticket.AssigneeId, ticket.TeamId), clock.GetUtcNow());
            toNudge[ticket.Id] = due;
        }
        else if (ticket.Status != TicketStatus.Resolved && statusBefore == TicketStatus.Resolved)
        {
            await JobScheduler.CancelAsync(db, JobKind, key);
        }
    }

    public Task ReceivedAsync(AppDbContext db, Ticket ticket) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe(Topic.Tickets, OnEventsAsync, capacity: 4096, Origins.ThisNode);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (batch is [ReloadRequired])
        {
            // Events were lost: wake the runner for whatever is waiting (it reads the table; the jobs are durable).
            foreach (var id in toNudge.Keys)
            {
                if (toNudge.TryRemove(id, out var due))
                {
                    jobs.Nudge(due);
                }
            }
            return Task.CompletedTask;
        }
        foreach (var e in batch)
        {
            var ticketId = e switch
            {
                TicketChanged changed => changed.TicketId,
                MessageAdded added => added.TicketId,
                _ => 0,
            };
            // A rolled-back change leaves its entry until the ticket's next change: a wake-up that finds nothing.
            if (ticketId != 0 && toNudge.TryRemove(ticketId, out var due))
            {
                jobs.Nudge(due);
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>The job's payload: which resolution it is about and who is credited (as they were when it was resolved).</summary>
public sealed record SurveyJob(DateTimeOffset ResolvedAt, string? AgentId, int? TeamId)
{
    public static string Payload(DateTimeOffset resolvedAt, string? agentId, int? teamId) =>
        string.Join('|', resolvedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), agentId ?? "", teamId?.ToString(CultureInfo.InvariantCulture) ?? "");

    public static SurveyJob? Parse(string? payload)
    {
        var parts = payload?.Split('|');
        if (parts is not [var ticks, var agent, var team] || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
        {
            return null;
        }
        return new SurveyJob(new DateTimeOffset(t, TimeSpan.Zero), agent.Length == 0 ? null : agent,
            int.TryParse(team, NumberStyles.None, CultureInfo.InvariantCulture, out var teamId) ? teamId : null);
    }
}
