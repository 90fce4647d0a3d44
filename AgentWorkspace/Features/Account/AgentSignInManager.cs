using AgentWorkspace.Features.Agents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Account;

/// <summary>Identity's sign-in manager, refusing agents an admin has deactivated.</summary>
public sealed class AgentSignInManager(
    UserManager<Agent> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Agent> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Agent>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Agent> confirmation)
    : SignInManager<Agent>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Agent user) =>
        user.IsActive && await base.CanSignInAsync(user);
}
