using Microsoft.EntityFrameworkCore;
using AgentWorkspace.Data;

namespace AgentWorkspace.Features.Tickets;

public static class AttachmentEndpoints
{
    /// <summary>
    /// A message's file, for a signed-in agent who can see its ticket (anyone else: 404). Always a download: served as
    /// the type it was checked to be (else application/octet-stream), as an attachment, with nosniff and a sandboxing
    /// policy, so no file ever runs as a page of this site.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:long}", async (long id, HttpContext context, AgentScopeResolver scopes, IDbContextFactory<AppDbContext> dbFactory) =>
        {
            var scope = await scopes.ResolveAsync(context.User);
            await using var db = await dbFactory.CreateDbContextAsync();
            var file = await db.MessageAttachments.AsNoTracking()
                .Where(a => a.Id == id && db.Tickets.VisibleTo(scope).Any(t => t.Id == a.TicketId))
                .Select(a => new { a.FileName, a.ContentType, a.Content })
                .FirstOrDefaultAsync();
            if (file is null)
            {
                return Results.NotFound();
            }
            // Stricter than the site-wide policy (which leaves a response's own policy alone): no file runs as a page here.
            context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return endpoints;
    }
}
