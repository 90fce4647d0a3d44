using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.Api;

/// <summary>
/// The "ApiKey" scheme: <c>Authorization: Bearer aw_...</c> or <c>X-Api-Key: aw_...</c>. API endpoints accept
/// only this scheme, so a browser's sign-in cookie never authenticates an API call (no CSRF through the API).
/// Failures answer with problem+json, not a redirect to the sign-in page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var key = await keys.FindActiveAsync(presented);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var claims = new List<Claim>
        {
            new(ApiClaims.KeyId, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ApiClaims.CreatedById, key.CreatedById),
            new(ClaimTypes.Name, key.Name),
        };
        if (key.TeamId is { } teamId)
        {
            claims.Add(new Claim(ApiClaims.TeamId, teamId.ToString(CultureInfo.InvariantCulture)));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            result.Failure?.Message ?? $"Send an API key: 'Authorization: Bearer aw_...' or '{HeaderName}: aw_...'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key may not do that.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        var header = request.Headers[HeaderName].ToString().Trim();
        return header.Length > 0 ? header : null;
    }
}

public static class ApiClaims
{
    public const string KeyId = "aw:api_key";
    public const string CreatedById = "aw:api_created_by";
    public const string TeamId = "aw:api_team";
}

/// <summary>
/// Who an API call acts for: the admin who issued the key. A key without a team sees every ticket; a team key
/// sees only its team's tickets — stricter than an agent's scope, which also includes the unteamed triage
/// queue and the agent's own assignments.
/// </summary>
public sealed record ApiCaller(int KeyId, int? TeamId, AgentScope Scope)
{
    public static ApiCaller From(ClaimsPrincipal user)
    {
        var keyId = int.Parse(user.FindFirstValue(ApiClaims.KeyId) ?? throw new InvalidOperationException("Not an API key principal."), CultureInfo.InvariantCulture);
        var createdBy = user.FindFirstValue(ApiClaims.CreatedById)!;
        int? teamId = user.FindFirstValue(ApiClaims.TeamId) is { } team ? int.Parse(team, CultureInfo.InvariantCulture) : null;
        var scope = teamId is { } t ? new AgentScope(createdBy, IsAdmin: false, [t]) : new AgentScope(createdBy, IsAdmin: true, []);
        return new ApiCaller(keyId, teamId, scope);
    }

    public IQueryable<Ticket> Visible(IQueryable<Ticket> tickets)
    {
        var visible = tickets.VisibleTo(Scope);
        return TeamId is { } team ? visible.Where(t => t.TeamId == team) : visible;
    }
}
