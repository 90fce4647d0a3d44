using AgentWorkspace.Data;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Surveys;

/// <summary>
/// A survey fell due: if the rules still allow it (<see cref="SurveyRules"/>), stores the survey for this resolution and
/// asks the customer: a chat in its widget (pushed now if the widget is open, else shown when it comes back), every
/// ticket whose customer has an e-mail address (except a live chat) by an e-mailed link queued in the same transaction.
/// Run twice (a runner killed mid-way), it finds the survey stored and does nothing.
/// </summary>
public sealed class SurveyJobHandler(
    IDbContextFactory<AppDbContext> dbFactory, EmailOutbox outbox, WorkspaceNotifier notifier, IHubContext<WidgetHub, IWidgetClient> widgets,
    IOptionsMonitor<SurveyOptions> options, TimeProvider clock, ILogger<SurveyJobHandler> logger) : IJobHandler
{
    public string Kind => SurveyScheduler.JobKind;

    public async Task HandleAsync(JobRun job, CancellationToken cancellationToken)
    {
        if (SurveyJob.Parse(job.Payload) is not { } due || !int.TryParse(job.Key, System.Globalization.CultureInfo.InvariantCulture, out var ticketId))
        {
            logger.LogWarning("Survey job {Key} has an unreadable payload; skipped", job.Key);
            return;
        }
        var settings = options.CurrentValue;
        SurveyResponse survey;
        Ticket ticket;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var found = await db.Tickets.Include(t => t.Customer).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (found is null)
            {
                return;
            }
            ticket = found;
            var decision = await SurveyRules.DecideAsync(db, ticket, due.ResolvedAt, settings.SpamTag, cancellationToken);
            if (decision != SurveyDecision.Send)
            {
                logger.LogDebug("No survey for ticket {TicketId}: {Decision}", ticketId, decision);
                return;
            }
            var now = clock.GetUtcNow();
            var byEmail = ticket.Customer.Email is not null
                && (ticket.Channel != TicketChannel.Chat || await db.ChatConversations.AnyAsync(c => c.TicketId == ticket.Id && c.StartedOffline, cancellationToken));
            survey = new SurveyResponse
            {
                TicketId = ticket.Id,
                ResolvedAt = due.ResolvedAt,
                AgentId = due.AgentId,
                TeamId = due.TeamId,
                Channel = ticket.Channel,
                Delivery = ticket.Channel == TicketChannel.Chat ? SurveyDelivery.Widget : SurveyDelivery.Email,
                Language = ticket.Customer.Language is "es" ? "es" : "en",
                SentAt = now,
                ExpiresAt = now + settings.Lifetime,
            };
            // The credited agent or team may be gone since (deleted team): keep the answer, lose only the credit.
            if (survey.AgentId is not null && !await db.Users.AnyAsync(a => a.Id == survey.AgentId, cancellationToken))
            {
                survey.AgentId = null;
            }
            if (survey.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            {
                survey.TeamId = null;
            }
            db.Set<SurveyResponse>().Add(survey);
            if (byEmail)
            {
                outbox.QueueSurvey(db, ticket);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // On Topic.Tickets too: the outbox sender wakes for the queued e-mail.
        notifier.Publish(new SurveyChanged(ticket.Id, survey.Id));
        if (ticket.Channel == TicketChannel.Chat)
        {
            await widgets.Clients.Group(WidgetFeeds.Group(ticket.Id)).Survey(CustomerView.Survey(ticket.Number, answered: false, expired: false));
        }
    }
}

/// <summary>A survey was sent or answered (agents' ticket pages show it; the outbox wakes for a survey e-mail).</summary>
public sealed record SurveyChanged(int TicketId, long SurveyId) : WorkspaceEvent
{
    public override IReadOnlyList<Topic> Topics => [Topic.Ticket(TicketId), Topic.Tickets];
}
