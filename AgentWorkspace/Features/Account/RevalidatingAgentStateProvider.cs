using System.Security.Claims;
using AgentWorkspace.Features.Agents;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Account;

/// <summary>
/// Re-checks a live circuit's agent every minute: a deactivated agent, or one whose security stamp changed
/// (password reset, roles edited), loses the circuit's authentication without waiting for a reload.
/// </summary>
internal sealed class RevalidatingAgentStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Agent>>();
        var principal = authenticationState.User;
        var agent = await users.GetUserAsync(principal);
        if (agent is null || !agent.IsActive)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(agent);
    }
}
