using AgentWorkspace.Data;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Features.WebForm;

/// <summary>A help-centre category a request can be about, in the visitor's language.</summary>
public sealed record WebFormCategory(string Slug, string Name);

/// <summary>
/// Turns a checked web-form request into a ticket (channel WebForm) through <see cref="TicketService"/>, like every
/// other channel: history, search, live inboxes, counts and SLA follow from there. The files are stored with the first
/// message and the "we received your request" e-mail is queued (<see cref="EmailOutbox"/>) in the same transaction, so a
/// ticket never exists without them, nor they without it.
/// </summary>
public sealed class WebFormService(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, EmailOutbox outbox, SuggestionLog suggestionLog,
    IOptionsMonitor<WebFormOptions> options, TimeProvider clock, ILogger<WebFormService> log)
{
    /// <summary>The help centre's top-level categories, the ones a customer can tell apart.</summary>
    public async Task<IReadOnlyList<WebFormCategory>> CategoriesAsync(string language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var categories = await db.ArticleCategories.AsNoTracking().Where(c => c.ParentId == null)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Slug, c.Name, c.NameEs }).ToListAsync();
        return categories.Select(c => new WebFormCategory(c.Slug, language == "es" && !string.IsNullOrWhiteSpace(c.NameEs) ? c.NameEs : c.Name)).ToList();
    }

    /// <param name="submissionId">The form's own id: sending the same form twice (a double click, a resent POST) makes one ticket.</param>
    /// <param name="suggestionRequest">The suggestion list on screen when the customer sent the form, for the KB gap report.</param>
    public async Task<WebFormResult> SubmitAsync(WebFormSubmission request, string language, string? submissionId, Guid? suggestionRequest)
    {
        var customerId = await CustomerAsync(request, language);
        if (submissionId is not null && await SentBeforeAsync(customerId, submissionId) is { } number)
        {
            return new WebFormResult(number, null);
        }
        var (category, teamId) = await RouteAsync(request.CategorySlug);
        var created = await tickets.CreateTicketAsync(
            new NewTicket(customerId, request.Subject, request.Description, TicketChannel.WebForm, request.Priority, teamId, language,
                ClientMessageId: submissionId, Category: category),
            async (db, ticket, message) =>
            {
                var now = clock.GetUtcNow();
                foreach (var file in request.Files)
                {
                    db.MessageAttachments.Add(new MessageAttachment
                    {
                        Ticket = ticket,
                        Message = message,
                        FileName = file.FileName,
                        ContentType = file.ContentType,
                        DeclaredContentType = file.DeclaredType,
                        Size = file.Content.LongLength,
                        Content = file.Content,
                        CreatedAt = now,
                    });
                }
                await outbox.ReceivedAsync(db, ticket);
            });
        if (!created.Succeeded)
        {
            return new WebFormResult(null, created.Error);
        }
        if (suggestionRequest is { } shown)
        {
            await suggestionLog.CustomerFeedbackAsync(shown, null, "sent", created.Message!.TicketId);
        }
        return new WebFormResult(created.TicketNumber, null);
    }

    /// <summary>
    /// The e-mail ingest's rule (an address proves nothing): an unverified customer with the same normalized address,
    /// else a new one. A customer a site verified is never joined by typing their address; their name is never changed
    /// by what someone typed here.
    /// </summary>
    private async Task<int> CustomerAsync(WebFormSubmission request, string language)
    {
        var normalized = CustomerEmail.Normalize(request.Email);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Customers.Where(c => !c.IsVerified && c.ExternalId == null && c.NormalizedEmail == normalized)
                .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }
        var customer = new Customer
        {
            Name = request.Name ?? request.Email.Split('@')[0],
            Email = request.Email,
            Language = language,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private async Task<int?> SentBeforeAsync(int customerId, string submissionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Messages.AsNoTracking()
            .Where(m => m.ClientMessageId == submissionId && m.Seq == 1 && m.Ticket.CustomerId == customerId && m.Ticket.Channel == TicketChannel.WebForm)
            .Select(m => (int?)m.Ticket.Number).FirstOrDefaultAsync();
    }

    /// <summary>The ticket's category (the help-centre category's English name, as agents file tickets) and team (WebForm:CategoryTeams).</summary>
    private async Task<(string? Category, int? TeamId)> RouteAsync(string? slug)
    {
        if (slug is null)
        {
            return (null, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var category = await db.ArticleCategories.AsNoTracking().Where(c => c.Slug == slug && c.ParentId == null).Select(c => c.Name).FirstOrDefaultAsync();
        if (!options.CurrentValue.CategoryTeams.TryGetValue(slug, out var teamName))
        {
            return (category, null);
        }
        var teamId = await db.Teams.AsNoTracking().Where(t => t.Name == teamName).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        if (teamId is null)
        {
            log.LogWarning("WebForm:CategoryTeams maps {Category} to {Team}, which is no team; its requests go to the triage queue", slug, teamName);
        }
        return (category, teamId);
    }
}

/// <summary>The new ticket's number, or why no ticket was made.</summary>
public sealed record WebFormResult(int? TicketNumber, string? Error);
