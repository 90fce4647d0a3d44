using System.Collections.Concurrent;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Presence;

/// <summary>
/// Who is in the workspace right now: each of an agent's circuits is a place on the <see cref="PresenceBoard"/> (the
/// workspace, <see cref="Topic.Team"/>), so an agent is connected while at least one circuit is up. Their availability
/// (online / away) is their own choice, kept in the database across sessions.
/// </summary>
public sealed class PresenceTracker : IDisposable
{
    private readonly ConcurrentDictionary<string, (string AgentId, IDisposable Place)> circuits = new();
    private readonly ConcurrentDictionary<string, Availability> availability = new();
    private readonly Lock gate = new();

    private readonly IDisposable followingAvailability;
    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly WorkspaceNotifier notifier;
    private readonly PresenceBoard board;

    public PresenceTracker(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, PresenceBoard board)
    {
        this.dbFactory = dbFactory;
        this.notifier = notifier;
        this.board = board;
        // Availability set on another node arrives as its event (this node's own are already in the dictionary).
        followingAvailability = notifier.Subscribe(Topic.Team, batch =>
        {
            foreach (var changed in batch.OfType<PresenceChanged>())
            {
                availability[changed.AgentId] = changed.Availability;
            }
            return Task.CompletedTask;
        });
    }

    public bool IsConnected(string agentId) => board.IsHere(Topic.Team, agentId);

    public void Dispose() => followingAvailability.Dispose();

    public AgentPresence Get(string agentId) =>
        new(agentId, IsConnected(agentId), availability.GetValueOrDefault(agentId, Availability.Online));

    public IReadOnlyCollection<string> ConnectedAgentIds() => board.Here(Topic.Team).Select(e => e.AgentId).ToArray();

    public async Task CircuitUpAsync(string circuitId, string agentId)
    {
        bool cameOnline;
        lock (gate)
        {
            cameOnline = !IsConnected(agentId);
            if (circuits.TryRemove(circuitId, out var previous))
            {
                previous.Place.Dispose();
            }
            circuits[circuitId] = (agentId, board.Join(Topic.Team, agentId, agentId));
        }
        if (!availability.ContainsKey(agentId))
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var stored = await db.Users.Where(a => a.Id == agentId).Select(a => a.Availability).FirstOrDefaultAsync();
            availability.TryAdd(agentId, stored);
        }
        if (cameOnline)
        {
            notifier.Publish(new PresenceChanged(agentId, true, availability[agentId]));
        }
    }

    public Task CircuitDownAsync(string circuitId)
    {
        bool wentOffline;
        string agentId;
        lock (gate)
        {
            if (!circuits.TryRemove(circuitId, out var circuit))
            {
                return Task.CompletedTask;
            }
            circuit.Place.Dispose();
            agentId = circuit.AgentId;
            wentOffline = !IsConnected(agentId);
        }
        if (wentOffline)
        {
            notifier.Publish(new PresenceChanged(agentId, false, availability.GetValueOrDefault(agentId)));
        }
        return Task.CompletedTask;
    }

    public async Task SetAvailabilityAsync(string agentId, Availability value)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Users.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Availability, value));
        }
        availability[agentId] = value;
        notifier.Publish(new PresenceChanged(agentId, IsConnected(agentId), value));
    }
}

public sealed record AgentPresence(string AgentId, bool Connected, Availability Availability)
{
    public bool IsOnline => Connected && Availability == Availability.Online;
    public string Label => !Connected ? "Offline" : Availability == Availability.Away ? "Away" : "Online";
}
