using System.Collections.Concurrent;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Dashboard;

/// <summary>
/// The live dashboard's figures, computed once per burst of changes for every open dashboard (not once per screen):
/// follows every committed ticket change and presence change on the bus, recomputes the snapshot with a handful of
/// counting queries, and publishes <see cref="DashboardChanged"/>, which each open dashboard reads from <see cref="Current"/>.
/// "Today" depends on the viewer's time zone: each open dashboard registers its zone (<see cref="WatchAsync"/>), and the
/// day's counts are kept for the zones in use. Figures that move with time alone (an SLA turning "at risk", midnight)
/// are refreshed by one timer set to the next such instant. Nothing is computed while no dashboard is open.
/// </summary>
public sealed class DashboardState(
    IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, PresenceTracker presence, TimeProvider clock,
    ILogger<DashboardState> logger) : IHostedService, IDisposable
{
    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.OnHold];

    private readonly ConcurrentDictionary<string, int> zones = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim computing = new(1, 1);
    private IDisposable? subscription;
    private ITimer? timer;
    private volatile DashboardSnapshot? current;

    /// <summary>The latest figures (null until the first dashboard opened).</summary>
    public DashboardSnapshot? Current => current;

    /// <summary>How many times the figures were computed (tests check that many dashboards cost one computation).</summary>
    public int Computations { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = notifier.Subscribe([Topic.Tickets, Topic.Team], OnEventsAsync, capacity: 4096);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        timer?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A dashboard in time zone <paramref name="zoneId"/> opened: returns the figures (computing them if this zone is new
    /// or nothing is computed yet) and a registration to dispose when it closes.
    /// </summary>
    public async Task<(DashboardSnapshot Snapshot, IDisposable Registration)> WatchAsync(string zoneId)
    {
        var zone = Zone(zoneId).Id;
        var first = zones.AddOrUpdate(zone, 1, (_, n) => n + 1) == 1;
        var registration = new Registration(this, zone);
        if (first || current is null || !current.Today.ContainsKey(zone))
        {
            await ComputeAsync();
        }
        return (current!, registration);
    }

    /// <summary>Same as <see cref="WatchAsync"/> without a zone change: the figures now (computed if none are).</summary>
    public async Task<DashboardSnapshot> ReadAsync()
    {
        if (current is null)
        {
            await ComputeAsync();
        }
        return current!;
    }

    public static TimeZoneInfo Zone(string? zoneId)
    {
        if (!string.IsNullOrWhiteSpace(zoneId) && zoneId.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return zone;
        }
        return TimeZoneInfo.Local;
    }

    private void Unwatch(string zone)
    {
        if (zones.AddOrUpdate(zone, 0, (_, n) => n - 1) <= 0)
        {
            zones.TryRemove(new KeyValuePair<string, int>(zone, 0));
        }
    }

    private async Task OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (zones.IsEmpty)
        {
            current = null; // nobody looks: the next dashboard computes afresh
            return;
        }
        // Survey and notification events change nothing shown here.
        if (batch.Any(e => e is TicketChanged or MessageAdded or PresenceChanged or AgentChanged or ReloadRequired or Sla.SlaChanged))
        {
            await ComputeAsync();
        }
    }

    private async Task ComputeAsync()
    {
        await computing.WaitAsync();
        try
        {
            current = await ComputeSnapshotAsync();
            Computations++;
            ScheduleTimeRefresh(current);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The dashboard's figures could not be computed; the next change tries again");
            return;
        }
        finally
        {
            computing.Release();
        }
        notifier.Publish(DashboardChanged.Instance);
    }

    private async Task<DashboardSnapshot> ComputeSnapshotAsync()
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var open = db.Tickets.AsNoTracking().Where(t => EF.Constant(OpenStatuses).Contains(t.Status));
        var openCount = await open.CountAsync();
        var unassigned = await open.CountAsync(t => t.AssigneeId == null);
        var chatsWaiting = await open.CountAsync(t => t.AssigneeId == null && t.Channel == TicketChannel.Chat);
        var atRisk = await open.CountAsync(t => t.SlaAttentionAt <= now);
        var nextAttention = await open.Where(t => t.SlaAttentionAt > now).OrderBy(t => t.SlaAttentionAt).Select(t => t.SlaAttentionAt).FirstOrDefaultAsync();
        var longest = await open.Where(t => t.WaitingSince != null).OrderBy(t => t.WaitingSince)
            .Select(t => new WaitingTicket(t.Number, t.Subject, t.Customer.Name, t.WaitingSince!.Value)).FirstOrDefaultAsync();
        var waitingCount = await open.CountAsync(t => t.WaitingSince != null);

        var today = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        foreach (var zoneId in zones.Keys)
        {
            var zone = Zone(zoneId);
            var (start, end) = Day(zone, now);
            var created = await db.Tickets.CountAsync(t => t.CreatedAt >= start && t.CreatedAt < end);
            var resolved = await db.Tickets.CountAsync(t => t.ResolvedAt >= start && t.ResolvedAt < end);
            today[zone.Id] = new DayFigures(created, resolved, end);
        }

        var online = presence.ConnectedAgentIds().Select(presence.Get).ToList();
        var onlineIds = online.Select(p => p.AgentId).ToList();
        var names = await db.Users.AsNoTracking().Where(a => onlineIds.Contains(a.Id)).Select(a => new { a.Id, a.DisplayName }).ToDictionaryAsync(a => a.Id, a => a.DisplayName);
        var load = await open.Where(t => t.AssigneeId != null && onlineIds.Contains(t.AssigneeId))
            .GroupBy(t => t.AssigneeId!).Select(g => new { g.Key, Tickets = g.Count(), Chats = g.Count(t => t.Channel == TicketChannel.Chat) })
            .ToDictionaryAsync(g => g.Key);
        var agents = online
            .Select(p => new AgentLoad(p.AgentId, names.GetValueOrDefault(p.AgentId) ?? "?", p.Availability,
                load.TryGetValue(p.AgentId, out var l) ? l.Tickets : 0, load.TryGetValue(p.AgentId, out var c) ? c.Chats : 0))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();

        return new DashboardSnapshot(now, openCount, unassigned, chatsWaiting, atRisk, waitingCount, longest, agents, today, nextAttention);
    }

    /// <summary>The viewer's calendar day containing <paramref name="now"/>, as UTC instants [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Day(TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        var start = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        var next = midnight.AddDays(1);
        var end = new DateTimeOffset(next, zone.GetUtcOffset(next));
        return (start.ToUniversalTime(), end.ToUniversalTime());
    }

    /// <summary>One timer for the next instant the figures change without an event: an SLA turning "at risk", a midnight.</summary>
    private void ScheduleTimeRefresh(DashboardSnapshot snapshot)
    {
        var candidates = snapshot.Today.Values.Select(d => d.Ends).ToList();
        if (snapshot.NextAttentionAt is { } attention)
        {
            candidates.Add(attention);
        }
        timer?.Dispose();
        timer = null;
        if (candidates.Count == 0)
        {
            return;
        }
        var wait = candidates.Min() - clock.GetUtcNow() + TimeSpan.FromMilliseconds(50);
        timer = clock.CreateTimer(_ => _ = OnEventsAsync([ReloadRequired.Instance]), null, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        timer?.Dispose();
        computing.Dispose();
    }

    private sealed class Registration(DashboardState state, string zone) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                state.Unwatch(zone);
            }
        }
    }
}

/// <summary>The dashboard's figures at <see cref="At"/>.</summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At, int Open, int Unassigned, int ChatsWaiting, int SlaAtRisk, int CustomersWaiting, WaitingTicket? LongestWaiting,
    IReadOnlyList<AgentLoad> AgentsOnline, IReadOnlyDictionary<string, DayFigures> Today, DateTimeOffset? NextAttentionAt)
{
    public DayFigures TodayIn(TimeZoneInfo zone) => Today.GetValueOrDefault(zone.Id) ?? new DayFigures(0, 0, At);
}

/// <param name="Ends">The end of that day (UTC): the figures restart then.</param>
public sealed record DayFigures(int Created, int Resolved, DateTimeOffset Ends);

public sealed record WaitingTicket(int Number, string Subject, string CustomerName, DateTimeOffset Since);

/// <summary>An online agent and their open assigned tickets (of which chats).</summary>
public sealed record AgentLoad(string AgentId, string Name, Agents.Availability Availability, int OpenTickets, int OpenChats);

/// <summary>The dashboard's figures were recomputed; read <see cref="DashboardState.Current"/>.</summary>
public sealed record DashboardChanged : WorkspaceEvent
{
    public static readonly DashboardChanged Instance = new();

    public override IReadOnlyList<Topic> Topics => [Topic.Dashboard];

    /// <summary>Each node derives it for its own screens from the events that cross.</summary>
    public override bool CrossesNodes => false;
}
