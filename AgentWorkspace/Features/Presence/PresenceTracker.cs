using System.Collections.Concurrent;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Presence;

/// <summary>
/// Who is in the workspace right now. An agent is connected while at least one of their circuits is up;
/// their availability (online / away) is their own choice, kept in the database across sessions.
/// </summary>
public sealed class PresenceTracker(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier)
{
    private readonly ConcurrentDictionary<string, string> agentByCircuit = new();
    private readonly ConcurrentDictionary<string, Availability> availability = new();
    private readonly Lock gate = new();

    public bool IsConnected(string agentId) => agentByCircuit.Values.Contains(agentId);

    public AgentPresence Get(string agentId) =>
        new(agentId, IsConnected(agentId), availability.GetValueOrDefault(agentId, Availability.Online));

    public IReadOnlyCollection<string> ConnectedAgentIds() => agentByCircuit.Values.Distinct().ToArray();

    public async Task CircuitUpAsync(string circuitId, string agentId)
    {
        bool cameOnline;
        lock (gate)
        {
            cameOnline = !IsConnected(agentId);
            agentByCircuit[circuitId] = agentId;
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

    public async Task CircuitDownAsync(string circuitId)
    {
        string? wentOffline = null;
        lock (gate)
        {
            if (agentByCircuit.TryRemove(circuitId, out var agentId) && !IsConnected(agentId))
            {
                wentOffline = agentId;
            }
        }
        if (wentOffline is not null)
        {
            notifier.Publish(new PresenceChanged(wentOffline, false, availability.GetValueOrDefault(wentOffline)));
        }
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
