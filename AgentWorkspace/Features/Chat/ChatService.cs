using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// What customers can do through the widget. Every call that touches a conversation takes its token; an unknown,
/// malformed or foreign token gets the same "no such conversation". Messages go through <see cref="TicketService"/>
/// (stored, sequenced, then published); what comes back to the customer goes through <see cref="CustomerView"/>.
/// </summary>
public sealed class ChatService(
    IDbContextFactory<AppDbContext> dbFactory, TicketService tickets, TicketPresence ticketPresence,
    PresenceTracker presence, IdentityVerifier identities, TimeProvider clock, IEnumerable<ICustomerUpdates> customerUpdates)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = CustomerEmail.MaxLength;
    private const int SubjectLength = 80;

    /// <summary>Whether an agent is in the workspace and available: otherwise the widget offers to leave a message.</summary>
    public bool AgentsAvailable() => presence.ConnectedAgentIds().Any(id => presence.Get(id).IsOnline);

    /// <summary>Opens a chat (or, <paramref name="offline"/>, records a message left while nobody was online): a new Chat ticket.</summary>
    public async Task<ChatResult<WidgetSession>> StartAsync(ChatStart input, bool offline = false)
    {
        var language = input.Language is "es" ? "es" : "en";
        VerifiedIdentity? verified = null;
        if (!string.IsNullOrEmpty(input.Identity))
        {
            verified = identities.Verify(input.Identity, out var identityError);
            if (verified is null)
            {
                return new ChatError(ChatErrorKind.Unauthorized, identityError!);
            }
        }
        var validated = ValidateStart(verified?.Name ?? input.Name, verified?.Email ?? input.Email, input, offline);
        if (validated.Value is not { } form)
        {
            return validated.Error!;
        }
        var clientId = input.ClientMessageId!.Trim();

        var customerId = await FindOrCreateCustomerAsync(form.Name, form.Email, language, verified);
        if (await FindStartedAsync(customerId, clientId) is { } retried)
        {
            return retried;
        }
        // A message left offline is promised an answer by e-mail: the confirmation is queued with the ticket.
        var created = await tickets.CreateTicketAsync(new NewTicket(
            customerId, Subject(form.Body, offline, language), form.Body, TicketChannel.Chat, Language: language, ClientMessageId: clientId),
            offline ? ConfirmReceivedAsync : null);
        if (!created.Succeeded)
        {
            return new ChatError(ChatErrorKind.Invalid, created.Error!);
        }
        return await OpenConversationAsync(customerId, created.Message!.TicketId, clientId, offline, input.PageUrl);
    }

    private async Task ConfirmReceivedAsync(AppDbContext db, Ticket ticket, Message message)
    {
        foreach (var updates in customerUpdates)
        {
            await updates.ReceivedAsync(db, ticket);
        }
    }

    /// <summary>What the customer may see of the conversation: everything, or only what came after <paramref name="lastSeq"/> on the same ticket.</summary>
    public async Task<ChatResult<WidgetSession>> ResumeAsync(string? token, int? ticketNumber, int lastSeq)
    {
        if (await FindAsync(token) is not { } conversation)
        {
            return ChatError.UnknownConversation;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Customer).FirstAsync(t => t.Id == conversation.TicketId);
        var continued = ticketNumber == ticket.Number;
        var after = continued ? Math.Max(0, lastSeq) : 0;
        var messages = await PublicMessagesAsync(db, ticket.Id, after);
        if (clock.GetUtcNow() - await db.ChatConversations.Where(c => c.Id == conversation.Id).Select(c => c.LastSeenAt).FirstAsync() > TimeSpan.FromMinutes(5))
        {
            await db.ChatConversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAt, clock.GetUtcNow()));
        }
        return WidgetSession.From(token!, CustomerView.Conversation(ticket, messages, ticket.Customer.IsVerified), continued);
    }

    /// <summary>Stores the customer's message (idempotent per client message id) and returns its acknowledgement and where the chat now is.</summary>
    public async Task<ChatResult<SentMessage>> SendAsync(ConversationRef conversation, string? clientMessageId, string? body)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId) || clientMessageId.Length > 64)
        {
            return new ChatError(ChatErrorKind.Invalid, "Each message needs a client message id of at most 64 characters.");
        }
        var result = await tickets.AddCustomerMessageAsync(conversation.TicketId, conversation.CustomerId, body ?? "", clientMessageId);
        if (!result.Succeeded)
        {
            return new ChatError(result.Outcome == CommandOutcome.NotFound ? ChatErrorKind.NotFound : ChatErrorKind.Invalid, result.Error!);
        }
        var message = result.Message!;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (message.TicketId != conversation.TicketId)
        {
            // The ticket was closed, so the message opened a follow-up: the chat continues there.
            await db.ChatConversations.Where(c => c.Id == conversation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TicketId, message.TicketId));
        }
        var ticket = await db.Tickets.AsNoTracking().FirstAsync(t => t.Id == message.TicketId);
        return new SentMessage(CustomerAck.From(CustomerView.Message(message, null)!, ticket), conversation with { TicketId = message.TicketId });
    }

    public void SetTyping(ConversationRef conversation, bool typing) => ticketPresence.SetCustomerTyping(conversation.TicketId, typing);

    /// <summary>The conversation a token belongs to, or null (unknown, malformed, or not a token at all).</summary>
    public async Task<ConversationRef?> FindAsync(string? token)
    {
        if (ConversationToken.TryHash(token) is not { } hash)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.ChatConversations.AsNoTracking().Where(c => c.TokenHash == hash)
            .Select(c => new ConversationRef(c.Id, c.CustomerId, c.TicketId, c.TokenHash)).FirstOrDefaultAsync();
    }

    /// <summary>The customer-facing conversation and transcript for the widget's HTTP calls.</summary>
    public async Task<(CustomerConversation Conversation, string CustomerName, string Language)?> ReadAsync(string? token)
    {
        if (await FindAsync(token) is not { } conversation)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Customer).FirstAsync(t => t.Id == conversation.TicketId);
        var messages = await PublicMessagesAsync(db, ticket.Id, 0);
        return (CustomerView.Conversation(ticket, messages, ticket.Customer.IsVerified), ticket.Customer.Name, ticket.Language);
    }

    /// <summary>The pre-chat form as it will be stored: the shared text policy for the name and the message, one e-mail rule.</summary>
    private static ChatResult<StartForm> ValidateStart(string? rawName, string? rawEmail, ChatStart input, bool offline)
    {
        var name = TextInput.Line(rawName, "Your name", MaxNameLength);
        if (!name.IsValid)
        {
            return new ChatError(ChatErrorKind.Invalid, name.Problem is TextProblem.Empty or TextProblem.TooLong
                ? $"Please give your name (up to {MaxNameLength} characters)."
                : name.Error!);
        }
        // Blank (or only spaces) is no e-mail: such a visitor is a new customer, never matched on "".
        var email = CustomerEmail.Clean(rawEmail, required: offline);
        if (!email.IsValid)
        {
            return new ChatError(ChatErrorKind.Invalid, "Please give a valid e-mail address so we can answer you.");
        }
        var body = MessageLimits.Clean(input.Message);
        if (!body.IsValid)
        {
            return new ChatError(ChatErrorKind.Invalid, body.Error!);
        }
        if (string.IsNullOrWhiteSpace(input.ClientMessageId) || input.ClientMessageId.Trim().Length > 64)
        {
            return new ChatError(ChatErrorKind.Invalid, "Each message needs a client message id of at most 64 characters.");
        }
        if (input.PageUrl is { Length: > 500 })
        {
            return new ChatError(ChatErrorKind.Invalid, "The page address is too long.");
        }
        return new StartForm(name.Value!, email.Value, body.Value!.Trim());
    }

    private sealed record StartForm(string Name, string? Email, string Body);

    /// <summary>
    /// Verified visitors map to their site user id. Unverified visitors reuse only an unverified record with the same
    /// normalized e-mail, primary or further (a returning visitor), never a verified one: typing someone's address must not join their
    /// account. An unverified visitor without an e-mail is always a new customer: a name alone identifies nobody.
    /// </summary>
    private async Task<int> FindOrCreateCustomerAsync(string name, string? email, string language, VerifiedIdentity? verified)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var normalizedEmail = CustomerEmail.Normalize(email);
        var customer = verified is not null
            ? await db.Customers.FirstOrDefaultAsync(c => c.ExternalId == verified.ExternalId)
            : normalizedEmail is null ? null
            : await db.Customers.WithEmail(db, normalizedEmail).Where(c => !c.IsVerified && c.ExternalId == null).OrderBy(c => c.Id).FirstOrDefaultAsync();
        if (customer is null)
        {
            customer = new Customer
            {
                Name = name,
                Email = email,
                Language = language,
                IsVerified = verified is not null,
                ExternalId = verified?.ExternalId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Customers.Add(customer);
        }
        else if (verified is not null)
        {
            customer.Name = name;
            customer.Email = email ?? customer.Email;
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (verified is not null)
        {
            // Two first chats of one site user at once: the other request created the record.
            db.ChangeTracker.Clear();
            return await db.Customers.Where(c => c.ExternalId == verified.ExternalId).Select(c => c.Id).FirstAsync();
        }
        return customer.Id;
    }

    /// <summary>
    /// A retried start (the widget never got the answer): the same conversation under a fresh token, whether the
    /// first attempt got as far as the conversation or only as far as its ticket.
    /// </summary>
    private async Task<ChatResult<WidgetSession>?> FindStartedAsync(int customerId, string clientId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (token, hash) = ConversationToken.New();
        if (await db.ChatConversations.FirstOrDefaultAsync(c => c.CustomerId == customerId && c.StartClientId == clientId) is { } existing)
        {
            existing.TokenHash = hash;
            await db.SaveChangesAsync();
            return await ResumeAsync(token, null, 0);
        }
        var orphan = await db.Messages.AsNoTracking()
            .Where(m => m.ClientMessageId == clientId && m.Seq == 1 && m.Ticket.CustomerId == customerId && m.Ticket.Channel == TicketChannel.Chat)
            .Select(m => (int?)m.TicketId).FirstOrDefaultAsync();
        return orphan is { } ticketId ? await OpenConversationAsync(customerId, ticketId, clientId, false, null) : null;
    }

    private async Task<ChatResult<WidgetSession>> OpenConversationAsync(int customerId, int ticketId, string clientId, bool offline, string? pageUrl)
    {
        var (token, hash) = ConversationToken.New();
        var now = clock.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.ChatConversations.Add(new ChatConversation
            {
                TokenHash = hash,
                CustomerId = customerId,
                TicketId = ticketId,
                StartClientId = clientId,
                StartedOffline = offline,
                PageUrl = pageUrl,
                CreatedAt = now,
                LastSeenAt = now,
            });
            await db.SaveChangesAsync();
        }
        return await ResumeAsync(token, null, 0);
    }

    private static async Task<List<(Message, string?)>> PublicMessagesAsync(AppDbContext db, int ticketId, int afterSeq) =>
        (await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Seq > afterSeq && m.Visibility == MessageVisibility.Public)
            .OrderBy(m => m.Seq)
            .Select(m => new { Message = m, AgentName = m.AuthorAgent == null ? null : m.AuthorAgent.DisplayName })
            .ToListAsync())
        .Select(m => (m.Message, m.AgentName)).ToList();

    /// <summary>The first line that shows something, shortened at a word; the body has passed the text policy already.</summary>
    private static string Subject(string body, bool offline, string language)
    {
        var firstLine = body.Split('\n').Select(line => TextInput.Line(line, "The subject", int.MaxValue))
            .FirstOrDefault(line => line.IsValid && line.Value is not null).Value ?? "Chat";
        var subject = firstLine;
        if (firstLine.Length > SubjectLength)
        {
            var cut = firstLine.LastIndexOf(' ', SubjectLength - 1);
            cut = cut > 20 ? cut : SubjectLength - 1;
            if (char.IsHighSurrogate(firstLine[cut - 1]))
            {
                cut--;
            }
            subject = firstLine[..cut] + "…";
        }
        return offline ? (language == "es" ? "Mensaje fuera de horario: " : "Offline message: ") + subject : subject;
    }
}
