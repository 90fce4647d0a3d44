using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AgentWorkspace.Features.Account;

public static class AccountServiceExtensions
{
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AgentPreferences>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAgentStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "AgentWorkspace.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });
        // A deactivated agent's cookie stops working within a minute (the security stamp changes on deactivation).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAgentIdentity()
            .AddSignInManager<AgentSignInManager>()
            .AddClaimsPrincipalFactory<AgentClaimsFactory>()
            .AddDefaultTokenProviders();

        // Every endpoint requires a signed-in agent unless it opts out with [AllowAnonymous]
        // (sign-in, the help centre, the widget and its hub, static files).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Supervisor, p => p.RequireRole(Roles.Supervisor, Roles.Admin));

        return services;
    }

    /// <summary>Agents' accounts: password and lockout rules, roles, the store, and Identity's messages in the agent's language.</summary>
    public static IdentityBuilder AddAgentIdentity(this IServiceCollection services)
    {
        services.AddLocalization();
        return services.AddIdentityCore<Agent>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The header's sign-out form sends its antiforgery token; without it another site could sign agents out.
        // Checked here: the antiforgery middleware only enforces tokens on endpoints that bind a form.
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<Agent> signIn) =>
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        });
        // After the agent picks a language in the workspace: the circuit stored it, this puts it in the culture cookie
        // and reloads the page they were on, now rendered in that language. Reads only the agent's own stored choice.
        endpoints.MapGet("/account/preferences/apply", async (HttpContext context, AgentPreferences preferences, string? returnUrl) =>
        {
            var (theme, language) = await preferences.GetAsync(context.User.AgentId());
            UiPreferences.WriteCookies(context.Response, theme, language);
            return Results.LocalRedirect(Login.SafeReturnUrl(returnUrl));
        });
        return endpoints;
    }
}

public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>Supervisors and admins: reports and the live dashboard.</summary>
    public const string Supervisor = "Supervisor";
}
