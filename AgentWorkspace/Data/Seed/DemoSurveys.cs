using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// Satisfaction surveys the demo's resolved tickets were sent, as the survey job would have stored them (only for
/// resolutions with an agent's public reply, an hour after an e-mail ticket's resolution and at once for chats), and
/// the answers some customers gave: so the reports' CSAT and CES columns and the ticket page's survey panel show data.
/// </summary>
internal static class DemoSurveys
{
    // Mostly happy, some indifferent, a few unhappy: the spread a support team sees.
    private static readonly int[] CsatWeights = [5, 8, 12, 30, 45];

    public static void Seed(AppDbContext db, IEnumerable<Ticket> tickets, DateTimeOffset now, Random random)
    {
        foreach (var ticket in tickets)
        {
            if (ticket.ResolvedAt is not { } resolvedAt
                || !ticket.Messages.Any(m => m.AuthorKind == AuthorKind.Agent && m.AuthorAgentId is not null && m.Visibility == MessageVisibility.Public)
                || random.NextDouble() > 0.75)
            {
                continue;
            }
            var chat = ticket.Channel == TicketChannel.Chat;
            var sentAt = chat ? resolvedAt : resolvedAt.AddHours(1);
            if (sentAt > now)
            {
                continue;
            }
            var survey = new SurveyResponse
            {
                TicketId = ticket.Id,
                ResolvedAt = resolvedAt,
                AgentId = ticket.AssigneeId,
                TeamId = ticket.TeamId,
                Channel = ticket.Channel,
                Delivery = chat ? SurveyDelivery.Widget : SurveyDelivery.Email,
                Language = ticket.Language,
                SentAt = sentAt,
                ExpiresAt = sentAt.AddDays(14),
            };
            var answeredAt = sentAt.AddMinutes(random.Next(2, chat ? 10 : 600));
            if (random.NextDouble() < 0.7 && answeredAt <= now)
            {
                var csat = Pick(random) + 1;
                survey.Csat = csat;
                // Effort follows satisfaction loosely; a third skip the optional question.
                survey.Ces = random.NextDouble() < 0.33 ? null : Math.Clamp(csat + 2 + random.Next(-1, 2), 1, 7);
                survey.Reason = SurveyAnswer.IsBad(csat) ? SurveyReasons.All[random.Next(SurveyReasons.All.Count)] : null;
                survey.AnsweredAt = answeredAt;
            }
            db.Add(survey);
        }
    }

    private static int Pick(Random random)
    {
        var roll = random.Next(CsatWeights.Sum());
        for (var i = 0; i < CsatWeights.Length; i++)
        {
            roll -= CsatWeights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return CsatWeights.Length - 1;
    }
}
