using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Routing;

public enum RoutingOutcome
{
    Assigned,

    /// <summary>The ticket has no team and no default team rule matches it.</summary>
    NoTeam,

    /// <summary>The ticket's team does not assign automatically.</summary>
    Manual,

    /// <summary>Nobody online, under capacity and with the skills: the ticket waits (its team was alerted once).</summary>
    NobodyAvailable,

    /// <summary>Nothing to do: already assigned (or not to the expected agent), resolved, closed, accepted.</summary>
    NotWaiting,

    NotFound,

    /// <summary>Routing is switched off (Routing:Enabled).</summary>
    Disabled,
}

public sealed record RoutingResult(RoutingOutcome Outcome, string? AgentId = null, string? Reason = null);

/// <summary>
/// Decides who gets a ticket and assigns it, in one write transaction with the ticket's change
/// (<see cref="TicketService.DecideAsSystemAsync"/>, declared in the routing area): no other decision counts the loads
/// before the assignment is written, so concurrent new tickets never take the same free slot twice. Candidates are the team's active members who are online
/// (a connected workspace tab and availability Online), have the ticket's language (and category, when the team requires
/// it; and its tier) among their skills, and are under their capacity for the ticket's kind (chats or other tickets).
/// Least loaded first; ties (and round-robin teams) go to the agent whose last automatic ticket is the oldest.
/// Public for later automation rules: <see cref="AssignAsync"/> routes a ticket now, optionally into a team first.
/// </summary>
public sealed partial class RoutingEngine(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, PresenceTracker presence, NotificationCenter notifications,
    JobScheduler scheduler, TimeProvider clock, IOptions<RoutingOptions> options, ILogger<RoutingEngine> logger)
{
    public const string AcceptJobKind = "routing.accept";

    /// <summary>How many waiting tickets one "agent became available" event looks at, at most.</summary>
    private const int FillLookahead = 20;

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// Routes the ticket now if it is waiting (unassigned, not resolved or closed): gives it its default team when it has
    /// none, then assigns it when the team assigns automatically. <paramref name="teamId"/> (a rule's choice) moves it to
    /// that team first, recorded with <paramref name="teamReason"/>, in the same transaction.
    /// </summary>
    public Task<RoutingResult> AssignAsync(int ticketId, int? teamId = null, string? teamReason = null) =>
        RouteAsync(ticketId, new Request(RequestKind.New) { Team = teamId, TeamReason = teamReason });

    /// <summary>
    /// The agent may have room now (came online, resolved or closed a ticket, a chat of theirs ended or was handed on):
    /// the oldest waiting tickets of their auto-assigning teams that they match go to them, up to their capacity.
    /// Returns how many they got.
    /// </summary>
    public async Task<int> FillAsync(string agentId)
    {
        if (!Enabled || !presence.Get(agentId).IsOnline)
        {
            return 0;
        }
        List<int> waiting;
        int room;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var teams = await db.TeamMembers.Where(m => m.AgentId == agentId && m.Agent.IsActive)
                .Join(db.Set<TeamRouting>().Where(r => r.AutoAssign), m => m.TeamId, r => r.TeamId, (m, r) => m.TeamId)
                .ToListAsync();
            if (teams.Count == 0)
            {
                return 0;
            }
            var languages = await db.Set<AgentSkill>().Where(s => s.AgentId == agentId && s.Kind == SkillKind.Language).Select(s => s.Value).ToListAsync();
            var (chats, others) = await LoadAsync(db, agentId);
            var capacity = await db.Set<AgentRouting>().FirstOrDefaultAsync(r => r.AgentId == agentId) ?? new AgentRouting { AgentId = agentId };
            var chatRoom = Math.Max(0, capacity.MaxChats - chats);
            var otherRoom = Math.Max(0, capacity.MaxTickets - others);
            room = chatRoom + otherRoom;
            if (room == 0 || languages.Count == 0)
            {
                return 0;
            }
            waiting = await Waiting(db).Where(t => teams.Contains(t.TeamId!.Value) && languages.Contains(t.Language)
                    && (chatRoom > 0 || t.Channel != TicketChannel.Chat) && (otherRoom > 0 || t.Channel == TicketChannel.Chat))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).Take(FillLookahead).ToListAsync();
        }
        var assigned = 0;
        foreach (var ticketId in waiting)
        {
            // Each one is decided again in its own transaction: skills, capacity and the ticket itself may have changed.
            var result = await RouteAsync(ticketId, new Request(RequestKind.BecameAvailable) { OnlyAgent = agentId });
            if (result.Outcome == RoutingOutcome.Assigned && ++assigned == room)
            {
                break;
            }
        }
        return assigned;
    }

    /// <summary>The agent accepts the chat offered to them: its acceptance timer stops. False when it is not theirs to accept.</summary>
    public async Task<bool> AcceptAsync(int ticketId, string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.BeginWriteAsync(WriteScope.Ticket(ticketId));
        var routing = await db.Set<TicketRouting>().FirstOrDefaultAsync(r => r.TicketId == ticketId);
        var assignee = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.AssigneeId).FirstOrDefaultAsync();
        if (routing is null || routing.OfferedTo != agentId || assignee != agentId)
        {
            return false;
        }
        if (routing.AcceptedAt is null)
        {
            routing.AcceptedAt = clock.GetUtcNow();
            await JobScheduler.CancelAsync(db, AcceptJobKind, Key(ticketId));
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Whether the agent has an offer on this ticket that they have not accepted yet (the ticket page's Accept bar).</summary>
    public async Task<PendingOffer?> PendingOfferAsync(int ticketId, string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var offer = await db.Set<TicketRouting>().AsNoTracking()
            .Where(r => r.TicketId == ticketId && r.OfferedTo == agentId && r.AcceptedAt == null)
            .Select(r => new { r.OfferedAt }).FirstOrDefaultAsync();
        if (offer is null)
        {
            return null;
        }
        var job = await db.ScheduledJobs.AsNoTracking()
            .Where(j => j.Kind == AcceptJobKind && j.Key == Key(ticketId) && j.State == JobState.Pending).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync();
        return job is { } due ? new PendingOffer(ticketId, due) : null;
    }

    /// <summary>An agent replied in public on a ticket: if it was offered to them, that accepts it.</summary>
    internal async Task RepliedAsync(int ticketId, string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var accepted = await db.Set<TicketRouting>().Where(r => r.TicketId == ticketId && r.OfferedTo == agentId && r.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AcceptedAt, clock.GetUtcNow()));
        if (accepted > 0)
        {
            await JobScheduler.CancelAsync(db, AcceptJobKind, Key(ticketId));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The acceptance timer ran out: unless the agent accepted or replied meanwhile, the chat goes to the next agent.</summary>
    public Task<RoutingResult> AcceptTimedOutAsync(int ticketId, string agentId) =>
        RouteAsync(ticketId, new Request(RequestKind.TimedOut) { FromAgent = agentId, UnassignIfNobody = !presence.Get(agentId).IsOnline });

    /// <summary>
    /// The agent goes away or offline and hands their open chats back: each goes to the next agent who qualifies, or back to
    /// its team's Unassigned view (the team is alerted). Returns how many chats were handed back.
    /// </summary>
    public async Task<int> HandBackChatsAsync(string agentId)
    {
        List<int> chats;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            chats = await db.Tickets.Where(t => t.AssigneeId == agentId && t.Channel == TicketChannel.Chat
                    && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                .OrderBy(t => t.CreatedAt).Select(t => t.Id).ToListAsync();
        }
        var handed = 0;
        foreach (var ticketId in chats)
        {
            var result = await RouteAsync(ticketId, new Request(RequestKind.HandBack) { FromAgent = agentId, UnassignIfNobody = true });
            if (result.Outcome is RoutingOutcome.Assigned or RoutingOutcome.NobodyAvailable or RoutingOutcome.Manual or RoutingOutcome.NoTeam)
            {
                handed++;
            }
        }
        return handed;
    }

    /// <summary>Tickets that wait for an agent: in a team, nobody assigned, and someone still has to act (open or in progress).</summary>
    internal static IQueryable<Ticket> Waiting(AppDbContext db) =>
        db.Tickets.Where(t => t.AssigneeId == null && t.TeamId != null && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress));

    /// <summary>The agent's open chats and other open tickets (neither resolved nor closed).</summary>
    internal static async Task<(int Chats, int Others)> LoadAsync(AppDbContext db, string agentId)
    {
        var loads = await db.Tickets.Where(t => t.AssigneeId == agentId && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .GroupBy(t => t.Channel == TicketChannel.Chat).Select(g => new { Chat = g.Key, Count = g.Count() }).ToListAsync();
        return (loads.Where(l => l.Chat).Sum(l => l.Count), loads.Where(l => !l.Chat).Sum(l => l.Count));
    }

    internal static string Key(int ticketId) => ticketId.ToString(CultureInfo.InvariantCulture);
}

public sealed record PendingOffer(int TicketId, DateTimeOffset DueAt);

public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Off: no default teams, no automatic assignment, no acceptance timers (tickets land as before).</summary>
    public bool Enabled { get; set; } = true;
}
