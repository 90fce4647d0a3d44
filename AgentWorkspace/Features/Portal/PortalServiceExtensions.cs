using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.KnowledgeBase.HelpCentre;
using Microsoft.AspNetCore.Localization;

namespace AgentWorkspace.Features.Portal;

public static class PortalServiceExtensions
{
    public const string IdentityPath = "/help/tickets/identity";

    /// <summary>The customers' portal under /help/tickets: sign-in links, signed ticket links, its own session cookie.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        var sessionLifetime = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>()?.SessionLifetime ?? new PortalOptions().SessionLifetime;
        services.AddSingleton<PortalThrottle>();
        services.AddSingleton<PortalAddress>();
        services.AddSingleton<TicketLinks>();
        services.AddSingleton<ICustomerTicketLinks>(sp => sp.GetRequiredService<TicketLinks>());
        services.AddSingleton<PortalMailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<PortalMailSender>());
        services.AddSingleton<PortalSignInService>();
        services.AddSingleton<PortalQueries>();
        services.AddSingleton<PortalCommands>();

        // Its own scheme and cookie: agents' pages never authenticate with it, and it never reaches anything but /help.
        services.AddAuthentication().AddCookie(PortalSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = PortalSession.CookieName;
            cookie.Cookie.Path = "/help";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.ExpireTimeSpan = sessionLifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/help/tickets";
        });

        // Help-centre pages speak the visitor's help-centre language (HelpLanguage), whatever an agent's cookie says.
        services.Configure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(0, new HelpCentreCultureProvider()));
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        // A site with signed-in users sends them here with the identity token it gives the widget (a form POST from the
        // site, so no antiforgery token: the signed, short-lived identity is the proof).
        endpoints.MapPost(IdentityPath, async (HttpContext context, PortalSignInService signIn, TimeProvider clock,
                Microsoft.Extensions.Options.IOptionsMonitor<PortalOptions> options) =>
            {
                var token = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync())["identity"].ToString() : null;
                if (await signIn.SignInWithIdentityAsync(token) is not { } customerId)
                {
                    return Results.LocalRedirect("/help/tickets?identity=failed");
                }
                var session = await PortalSession.ReadAsync(context);
                await session.SignedInAs([customerId]).SaveAsync(context, options.CurrentValue.SessionLifetime, clock.GetUtcNow());
                return Results.LocalRedirect("/help/tickets");
            })
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }
}

/// <summary>/help pages render in the help centre's language (?lang=, its cookie, Accept-Language), not the agent UI's.</summary>
internal sealed class HelpCentreCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.Request.Path.StartsWithSegments("/help")
            ? new ProviderCultureResult(HelpLanguage.Resolve(httpContext))
            : null);
}
