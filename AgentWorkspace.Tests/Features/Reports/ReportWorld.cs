using AgentWorkspace.Data;
using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Reports;

/// <summary>
/// The SLA tests' world (real services, fake clock from Monday 7 December 2026 08:00 UTC, Madrid office calendar Mon-Fri
/// 9-13 and 14-18 local, closed on Tuesday 8 December) with the report facts kept by the real feed, and a fixed history:
/// <list type="bullet">
/// <item>T1 (Support, e-mail): created Mon 08:00Z, assigned to Ana 08:30, Ana replies 09:00, on hold 10:00-12:00,
/// Ana replies and resolves 13:00 (she opened the ticket at 08:45 and 12:50); the customer writes Tue 09:00 (reopen), Ana replies and resolves Tue 09:20.</item>
/// <item>T2 (Support, e-mail): created Mon 23:30Z (Tuesday 00:30 in Madrid), never assigned nor answered; Tom resolves
/// it Wed 09:30Z.</item>
/// <item>T3 (chat, High, category billing, tag refund): created Tue 12:00Z in Support; Ana escalates it to Tier 2, tier 2,
/// at 13:00Z. Still open.</item>
/// </list>
/// The clock ends on Wednesday 9 December 09:30Z.
/// </summary>
public sealed class ReportWorld : IAsyncDisposable
{
    public SlaWorld Sla { get; private set; } = null!;
    public int T1 { get; private set; }
    public int T2 { get; private set; }
    public int T3 { get; private set; }

    public ReportQuery Query => Sla.Services.GetRequiredService<ReportQuery>();
    public ReportStore Store => Sla.Services.GetRequiredService<ReportStore>();

    public static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.Zero);

    public static async Task<ReportWorld> CreateAsync(bool seed = true)
    {
        var world = new ReportWorld { Sla = await SlaWorld.CreateAsync(services: s => s.AddReports()) };
        if (seed)
        {
            await world.SeedHistoryAsync();
        }
        return world;
    }

    private async Task SeedHistoryAsync()
    {
        var w = Sla;
        var ana = await w.ScopeAsync(w.Id.Ana);
        var tom = await w.ScopeAsync(w.Id.Tom);
        T1 = await w.NewTicketAsync(assign: false);
        await At(Utc(7, 8, 30), () => w.Tickets.ExecuteAsync(ana, T1, new Assign(null, w.Id.Ana)));
        // Ana opens T1 at 08:45 and replies at 09:00; she opens it again at 12:50 and replies at 13:00 (handle time 25 min).
        await OpenAt(Utc(7, 8, 45), w.Id.Ana, T1);
        await At(Utc(7, 9), () => Reply(ana, T1));
        await At(Utc(7, 10), () => w.Tickets.ExecuteAsync(ana, T1, new SetStatus(TicketStatus.InProgress, TicketStatus.OnHold)));
        await At(Utc(7, 12), () => w.Tickets.ExecuteAsync(ana, T1, new SetStatus(TicketStatus.OnHold, TicketStatus.InProgress)));
        await OpenAt(Utc(7, 12, 50), w.Id.Ana, T1);
        await At(Utc(7, 13), () => Reply(ana, T1, TicketStatus.Resolved));

        w.Clock.SetUtcNow(Utc(7, 23, 30));
        T2 = await w.NewTicketAsync(assign: false);

        w.Clock.SetUtcNow(Utc(8, 9));
        await using (var db = w.Db())
        {
            var customer = await db.Tickets.Where(t => t.Id == T1).Select(t => t.CustomerId).SingleAsync();
            (await w.Tickets.AddCustomerMessageAsync(T1, customer, "It is broken again.", null)).Succeeded.ShouldBeTrue();
        }
        await At(Utc(8, 9, 20), () => Reply(ana, T1, TicketStatus.Resolved));

        w.Clock.SetUtcNow(Utc(8, 12));
        var created = await w.Tickets.CreateTicketAsync(new NewTicket(w.Id.Customer, "Refund please", "Where is my refund?", TicketChannel.Chat,
            TicketPriority.High, w.Id.Support, Category: "billing"));
        created.Succeeded.ShouldBeTrue(created.Error);
        await using (var db = w.Db())
        {
            T3 = await db.Tickets.Where(t => t.Number == created.TicketNumber).Select(t => t.Id).SingleAsync();
        }
        (await w.Tickets.ExecuteAsync(ana, T3, new AddTag("refund"))).Succeeded.ShouldBeTrue();
        await At(Utc(8, 13), () => w.Tickets.ExecuteAsync(ana, T3, new Escalate(w.Id.Tier2, 2, "Needs a refund approval")));

        await At(Utc(9, 9, 30), () => w.Tickets.ExecuteAsync(tom, T2, new SetStatus(TicketStatus.Open, TicketStatus.Resolved)));
        await WaitForFactsAsync();
    }

    /// <summary>The agent opens the ticket's page at that instant (what TicketPage records).</summary>
    private Task OpenAt(DateTimeOffset instant, string agentId, int ticketId)
    {
        Sla.Clock.SetUtcNow(instant);
        return Sla.Services.GetRequiredService<TicketReads>().MarkOpenedAsync(agentId, ticketId);
    }

    private async Task At(DateTimeOffset instant, Func<Task<CommandResult>> change)
    {
        Sla.Clock.SetUtcNow(instant);
        var result = await change();
        result.Succeeded.ShouldBeTrue(result.Error);
    }

    private async Task At(DateTimeOffset instant, Func<Task<MessageResult>> change)
    {
        Sla.Clock.SetUtcNow(instant);
        var result = await change();
        result.Succeeded.ShouldBeTrue(result.Error);
    }

    private Task<MessageResult> Reply(AgentScope scope, int ticketId, TicketStatus? statusAfter = null) =>
        Sla.Tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage("Here is what I found.", MessageVisibility.Public, StatusAfter: statusAfter));

    /// <summary>Waits until the feed has computed the facts of every ticket's latest version.</summary>
    public async Task WaitForFactsAsync()
    {
        await SlaWorld.WaitUntilAsync(async () =>
        {
            await using var db = Sla.Db();
            return !await db.Tickets.AnyAsync(t => !db.ReportTickets.Any(r => r.TicketId == t.Id && r.TicketVersion == t.Version));
        }, "the report facts caught up with every ticket");
    }

    /// <summary>Every fact and aggregate row, as comparable text (for "the rebuild gives the same rows").</summary>
    public async Task<List<string>> SnapshotAsync()
    {
        await using var db = Sla.Db();
        var rows = new List<string>();
        rows.AddRange((await db.ReportTickets.AsNoTracking().OrderBy(t => t.TicketId).ToListAsync()).Select(t =>
            $"T {t.TicketId} {t.Number} {t.CreatedAt.UtcTicks} {t.Channel} {t.Priority} {t.TeamId} {t.Category} {t.Language} {t.FirstAssignedAt?.UtcTicks} {t.TicketVersion} [{t.Tags}]"));
        rows.AddRange((await db.ReportCycles.AsNoTracking().OrderBy(c => c.TicketId).ThenBy(c => c.Cycle).ToListAsync()).Select(c =>
            $"C {c.TicketId} {c.Cycle} {c.Channel} {c.Priority} {c.TeamId} {c.Category} {c.Language} {c.StartedAt.UtcTicks} {c.ResolvedAt?.UtcTicks} {c.ReopenedAt?.UtcTicks} " +
            $"{c.ReopenedAfterSeconds} {c.AgentId} {c.FirstResponseAt?.UtcTicks} {c.PublicReplies} {c.FirstResponseSeconds} {c.FirstResponseBusinessSeconds} " +
            $"{c.ResolutionSeconds} {c.ResolutionBusinessSeconds} {c.WaitSeconds} {c.WaitBusinessSeconds} {c.OnHoldSeconds} {c.OnHoldBusinessSeconds} " +
            $"{c.QueueWaitSeconds} {c.QueueWaitBusinessSeconds} {c.HandleSeconds} {c.HandleBusinessSeconds}"));
        rows.AddRange((await db.ReportEscalations.AsNoTracking().OrderBy(e => e.TicketId).ThenBy(e => e.Seq).ToListAsync()).Select(e =>
            $"E {e.TicketId} {e.Seq} {e.At.UtcTicks} {e.Tier}"));
        rows.AddRange((await db.ReportHours.AsNoTracking().ToListAsync()).OrderBy(h => h.Hour).ThenBy(h => h.TeamId).ThenBy(h => h.Channel).Select(h =>
            $"H {h.Hour} {h.TeamId} {h.Channel} {h.Created} {h.Resolved} {h.Reopened}"));
        rows.AddRange((await db.ReportDays.AsNoTracking().ToListAsync()).OrderBy(d => d.Month).ThenBy(d => d.Day).ThenBy(d => d.TeamId).ThenBy(d => d.Channel, StringComparer.Ordinal)
            .ThenBy(d => d.AgentId, StringComparer.Ordinal).Select(d =>
                $"D {d.Month} {d.Day} {d.TeamId} {d.Channel} {d.AgentId} {d.Created} {d.CreatedResolved} {d.Resolved} {d.ZeroReply} {d.FirstContact} {d.ReopenedCycles} {Convert.ToHexString(d.Data)}"));
        return rows;
    }

    /// <summary>
    /// Survey answers on the fixed history, as the survey job stores them (agent and team of the resolution):
    /// <list type="bullet">
    /// <item>T1's first resolution (Mon 13:00Z, Ana, Support): answered Tue 08:00Z, before the reopen: CSAT 5, CES 6.</item>
    /// <item>T1's second resolution (Tue 09:20Z, Ana, Support): answered Tue 10:00Z: CSAT 2, CES 3 (too slow).</item>
    /// <item>T2's resolution (Wed 09:30Z): credited to Tom and to Tier 2 (the team it was resolved in, not its current
    /// Support): answered Wed 09:45Z: CSAT 4, no CES.</item>
    /// <item>T3: asked (a resolution on Wed 09:00Z) but never answered.</item>
    /// </list>
    /// </summary>
    public async Task AnswerSurveysAsync()
    {
        var id = Sla.Id;
        SurveyResponse Survey(int ticket, DateTimeOffset resolvedAt, string? agent, int? team, int? csat, int? ces, DateTimeOffset? answeredAt) => new()
        {
            TicketId = ticket, ResolvedAt = resolvedAt, AgentId = agent, TeamId = team, Channel = TicketChannel.Email, Delivery = SurveyDelivery.Email,
            SentAt = resolvedAt.AddMinutes(10), ExpiresAt = resolvedAt.AddDays(7), Csat = csat, Ces = ces, AnsweredAt = answeredAt,
            Reason = csat <= 2 ? SurveyReasons.Slow : null,
        };
        await using var db = Sla.Db();
        db.AddRange(
            Survey(T1, Utc(7, 13), id.Ana, id.Support, 5, 6, Utc(8, 8)),
            Survey(T1, Utc(8, 9, 20), id.Ana, id.Support, 2, 3, Utc(8, 10)),
            Survey(T2, Utc(9, 9, 30), id.Tom, id.Tier2, 4, null, Utc(9, 9, 45)),
            Survey(T3, Utc(9, 9), id.Ana, id.Tier2, null, null, null));
        await db.SaveChangesAsync();
    }

    public AppDbContext Db() => Sla.Db();

    public async ValueTask DisposeAsync() => await Sla.DisposeAsync();
}
