using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Sla;

/// <summary>A ticket's SLA fell due (a warning or due instant): recompute it, which records and acts on what is due.</summary>
public sealed class SlaJobHandler(SlaEngine engine) : IBatchJobHandler
{
    public string Kind => SlaEngine.JobKind;

    public Task HandleAsync(JobRun job, CancellationToken cancellationToken) =>
        engine.ReconcileAsync([int.Parse(job.Key, CultureInfo.InvariantCulture)], null, cancellationToken);

    /// <summary>Tickets falling due together are brought up to date together, 50 to a transaction.</summary>
    public Task HandleBatchAsync(IReadOnlyList<JobRun> jobs, CancellationToken cancellationToken) =>
        engine.ReconcileAsync(jobs.Select(j => int.Parse(j.Key, CultureInfo.InvariantCulture)), null, cancellationToken);
}

/// <summary>Closes a ticket left Resolved for <see cref="SlaOptions.AutoCloseResolvedAfterDays"/> (a customer reply reopens it first).</summary>
public sealed class AutoCloseHandler(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, TimeProvider clock, IOptions<SlaOptions> options, ILogger<AutoCloseHandler> logger) : IJobHandler
{
    public string Kind => SlaEngine.AutoCloseKind;

    public async Task HandleAsync(JobRun job, CancellationToken cancellationToken)
    {
        var days = options.Value.AutoCloseResolvedAfterDays;
        var ticketId = int.Parse(job.Key, CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Status, t.ResolvedAt }).FirstOrDefaultAsync(cancellationToken);
        // Checked again here: the ticket may have been reopened or closed since the job was stored.
        if (days <= 0 || ticket is not { Status: TicketStatus.Resolved, ResolvedAt: { } resolvedAt } || resolvedAt.AddDays(days) > clock.GetUtcNow())
        {
            return;
        }
        var reason = $"Resolved for {days.ToString(CultureInfo.InvariantCulture)} days without a reply";
        var result = await tickets.ExecuteAsSystemAsync(ticketId, [new SetStatus(TicketStatus.Resolved, TicketStatus.Closed)], reason);
        if (!result.Succeeded)
        {
            logger.LogInformation("Auto-close of ticket {TicketId} not applied: {Error}", ticketId, result.Error);
        }
    }
}

/// <summary>Reminds the assignee of a ticket that has been Waiting on customer or On hold for <see cref="SlaOptions.RemindAfterDays"/>.</summary>
public sealed class StatusReminder(IDbContextFactory<AppDbContext> dbFactory, NotificationCenter notifications) : IJobHandler
{
    public string Kind => SlaEngine.ReminderKind;

    /// <summary>The status and since when, so a reminder fires only if the ticket never left that status meanwhile.</summary>
    public static string Payload(TicketStatus status, DateTimeOffset since) =>
        $"{status}|{since.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    public async Task HandleAsync(JobRun job, CancellationToken cancellationToken)
    {
        var ticketId = int.Parse(job.Key, CultureInfo.InvariantCulture);
        var parts = (job.Payload ?? "").Split('|');
        if (parts.Length != 2 || !Enum.TryParse<TicketStatus>(parts[0], out var status) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var sinceTicks))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Number, t.Subject, t.Status, t.AssigneeId }).FirstOrDefaultAsync(cancellationToken);
        var lastChange = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Field == "Status")
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null || ticket.Status != status || ticket.AssigneeId is not { } assignee
            || (lastChange is { } changedAt && changedAt.UtcTicks != sinceTicks))
        {
            return;
        }
        var since = new DateTimeOffset(sinceTicks, TimeSpan.Zero);
        await notifications.NotifyAsync(assignee, NotificationText.WaitingReminder(ticket.Number, status == TicketStatus.OnHold, since), ticket.Subject, $"/tickets/{ticket.Number}");
    }
}
