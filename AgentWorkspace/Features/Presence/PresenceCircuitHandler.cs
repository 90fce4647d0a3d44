using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AgentWorkspace.Features.Presence;

/// <summary>Tells the tracker when an agent's circuit connects, drops or closes.</summary>
internal sealed class PresenceCircuitHandler(AuthenticationStateProvider authentication, PresenceTracker tracker) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } agentId)
        {
            await tracker.CircuitUpAsync(circuit.Id, agentId);
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) =>
        tracker.CircuitDownAsync(circuit.Id);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        tracker.CircuitDownAsync(circuit.Id);
}
