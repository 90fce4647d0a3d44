using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// The demo's service levels: the Madrid office calendar (Mon-Fri 9:00-13:00 and 14:00-18:00, Spain's national
/// holidays), longer hours for Technical Support, and four policies. The seeded tickets then show every SLA state:
/// breached and met ones follow from their history; tickets waiting on the customer are paused; and two new tickets
/// are timed so one is on track and one at risk on whatever day the demo is seeded.
/// </summary>
internal static class DemoSla
{
    public const string OfficeCalendar = "Madrid office";
    public const string ExtendedCalendar = "Technical Support, extended hours";

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Spain's national holidays on fixed dates.
    private static readonly (int Month, int Day, string Name)[] Holidays =
    [
        (1, 1, "Año Nuevo"), (1, 6, "Epifanía del Señor"), (5, 1, "Fiesta del Trabajo"), (8, 15, "Asunción de la Virgen"),
        (10, 12, "Fiesta Nacional de España"), (11, 1, "Todos los Santos"), (12, 6, "Día de la Constitución"),
        (12, 8, "Inmaculada Concepción"), (12, 25, "Navidad"),
    ];

    public static List<BusinessCalendar> Calendars(DateTimeOffset now, Team technical)
    {
        var office = new BusinessCalendar
        {
            Name = OfficeCalendar,
            TimeZoneId = "Europe/Madrid",
            IsDefault = true,
            Blocks = [.. Weekdays.SelectMany(d => new[] { Block(d, 9, 13), Block(d, 14, 18) })],
            Holidays = [.. new[] { now.Year - 1, now.Year, now.Year + 1 }
                .SelectMany(year => Holidays.Select(h => new Holiday { Date = new DateOnly(year, h.Month, h.Day), Name = h.Name }))],
        };
        var extended = new BusinessCalendar
        {
            Name = ExtendedCalendar,
            TimeZoneId = "Europe/Madrid",
            TeamIds = [technical.Id],
            Blocks = [.. Weekdays.Select(d => Block(d, 8, 20)), Block(DayOfWeek.Saturday, 10, 14)],
            Holidays = [.. new[] { now.Year, now.Year + 1 }.SelectMany(year => new[]
            {
                new Holiday { Date = new DateOnly(year, 1, 1), Name = "Año Nuevo" },
                new Holiday { Date = new DateOnly(year, 12, 25), Name = "Navidad" },
            })],
        };
        return [office, extended];
    }

    public static List<SlaPolicy> Policies(DemoAgents agents, DateTimeOffset now) =>
    [
        new SlaPolicy
        {
            Name = "Urgent", Position = 1, Priorities = [TicketPriority.Urgent],
            FirstResponseMinutes = 30, NextResponseMinutes = 60, ResolutionMinutes = 4 * 60,
            NotifyAssignee = true, NotifyTeam = true, NotifyAgentId = agents.Admin.Id, UpdatedAt = now,
        },
        new SlaPolicy
        {
            Name = "VIP customers", Position = 2, VipCustomers = true,
            FirstResponseMinutes = 60, NextResponseMinutes = 2 * 60, ResolutionMinutes = 8 * 60,
            NotifyAssignee = true, NotifyAgentId = agents.Admin.Id, UpdatedAt = now,
        },
        new SlaPolicy
        {
            Name = "High", Position = 3, Priorities = [TicketPriority.High],
            FirstResponseMinutes = 2 * 60, NextResponseMinutes = 4 * 60, ResolutionMinutes = 16 * 60,
            NotifyAssignee = true, UpdatedAt = now,
        },
        new SlaPolicy
        {
            Name = "Normal and low", Position = 4, Priorities = [TicketPriority.Low, TicketPriority.Normal],
            FirstResponseMinutes = 8 * 60, NextResponseMinutes = 8 * 60, ResolutionMinutes = 24 * 60,
            PauseStatuses = [TicketStatus.WaitingOnCustomer, TicketStatus.OnHold], NotifyAssignee = true, UpdatedAt = now,
        },
    ];

    /// <summary>
    /// Moves two new, unanswered tickets in time so that, at <paramref name="now"/>, one has used a quarter of its
    /// first-response target (on track) and one a little over its warning share (at risk, for the longest target there
    /// is, so it stays at risk for a good while after seeding). The rest of the demo's times are left as they are.
    /// </summary>
    public static void ArrangeClocks(IReadOnlyList<Ticket> tickets, IReadOnlySet<int> vipCustomers, IReadOnlyList<SlaPolicy> policies,
        IReadOnlyList<BusinessCalendar> calendars, DateTimeOffset now)
    {
        var candidates = tickets
            .Where(t => t.Status == TicketStatus.Open && t.Messages.All(m => m.AuthorKind != AuthorKind.Agent))
            .Select(t => (Ticket: t, Policy: policies.FirstOrDefault(p => p.Matches(t.Priority, t.Channel, t.TeamId, vipCustomers.Contains(t.CustomerId)))))
            .Where(c => c.Policy?.FirstResponseMinutes is not null)
            .OrderBy(c => Span(c.Ticket)).ThenBy(c => c.Ticket.CreatedAt)
            .ToList();
        if (candidates.Count < 2)
        {
            return;
        }
        var atRisk = candidates.OrderByDescending(c => c.Policy!.FirstResponseMinutes).First();
        var onTrack = candidates.First(c => c.Ticket != atRisk.Ticket);
        Arrange(onTrack.Ticket, onTrack.Policy!, 0.25);
        Arrange(atRisk.Ticket, atRisk.Policy!, (atRisk.Policy!.WarningPercent + 2) / 100.0);

        void Arrange(Ticket ticket, SlaPolicy policy, double share)
        {
            var calendar = calendars.FirstOrDefault(c => ticket.TeamId is { } team && c.TeamIds.Contains(team)) ?? calendars.First(c => c.IsDefault);
            WorkingTime time = policy.FirstResponseBusinessHours ? BusinessSchedule.For(calendar) : WorkingTime.Continuous;
            if (time.Subtract(now, TimeSpan.FromMinutes(policy.FirstResponseMinutes!.Value * share)) is { } created)
            {
                Retime(ticket, created, now.AddMinutes(-1));
            }
        }
    }

    private static TimeSpan Span(Ticket ticket) =>
        ticket.Messages.Select(m => m.CreatedAt).Concat(ticket.Events.Select(e => e.CreatedAt)).Max() - ticket.CreatedAt;

    /// <summary>Starts the ticket at <paramref name="created"/>, keeping its pace, squeezed if needed to end by <paramref name="latest"/>.</summary>
    private static void Retime(Ticket ticket, DateTimeOffset created, DateTimeOffset latest)
    {
        var start = ticket.CreatedAt;
        var span = Span(ticket);
        var room = latest - created;
        var scale = span > room && span > TimeSpan.Zero ? Math.Max(0, room / span) : 1.0;
        DateTimeOffset Map(DateTimeOffset at) => created + ((at - start) * scale);

        ticket.CreatedAt = created;
        foreach (var message in ticket.Messages)
        {
            message.CreatedAt = Map(message.CreatedAt);
        }
        foreach (var change in ticket.Events)
        {
            change.CreatedAt = Map(change.CreatedAt);
        }
        ticket.LastActivityAt = ticket.Messages[^1].CreatedAt;
        ticket.WaitingSince = ticket.WaitingSince is { } waiting ? Map(waiting) : null;
        ticket.UpdatedAt = new[] { ticket.LastActivityAt, ticket.Events.Max(e => e.CreatedAt) }.Max();
    }

    private static OpeningBlock Block(DayOfWeek day, int from, int to) => new() { Day = day, StartMinute = from * 60, EndMinute = to * 60 };
}
