namespace AgentWorkspace.Components;

/// <summary>
/// Browser-side defence in depth for every response: a Content-Security-Policy with no inline or eval'd
/// script, no framing of the workspace, and no MIME sniffing. MudBlazor sets inline styles (its theme variables, popover positions), hence 'unsafe-inline'
/// for styles only. Images come from this site only (and data: URIs, which fetch nothing): the Markdown renderer
/// shows images as links, and should anything still slip an image of another site into a page, the browser
/// refuses to fetch it rather than tell that site who is reading.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A downloaded file sets a stricter sandbox policy of its own and keeps it; every other response gets this one
            // (replacing, e.g., the frame-ancestors-only policy Blazor adds for interactive components).
            if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
