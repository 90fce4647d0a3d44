using System.Security.Claims;
using AgentWorkspace.Features.Agents;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Account;

/// <summary>Puts the agent's display name in the cookie, so the shell can greet them without a query.</summary>
internal sealed class AgentClaimsFactory(UserManager<Agent> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Agent, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Agent agent)
    {
        var identity = await base.GenerateClaimsAsync(agent);
        identity.AddClaim(new Claim(AgentClaims.DisplayNameType, agent.DisplayName));
        return identity;
    }
}

public static class AgentClaims
{
    public const string DisplayNameType = "aw:display_name";

    public static string AgentId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameType) ?? user.Identity?.Name ?? "";
}
