using System.Text;
using AgentWorkspace.Components.Markdown;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// The one place that decides what a customer may receive. Everything the widget gets (hub pushes, hub results,
/// widget HTTP responses, transcripts and any future email) is one of the types in this file, and each can only be
/// built by its own <c>From</c> method from public data: deny by default. Internal notes, system lines, agents'
/// ids and e-mail addresses, tags, priorities and assignment have no field to travel in.
/// </summary>
public static class CustomerView
{
    /// <summary>The customer-facing form of a message, or nothing when a customer must not see it.</summary>
    public static CustomerMessage? Message(Message message, string? agentName) => CustomerMessage.From(message, agentName);

    public static CustomerTicket Ticket(Ticket ticket) => CustomerTicket.From(ticket);

    /// <summary>Agents typing a reply (never a note) on the ticket.</summary>
    public static CustomerTyping Typing(IEnumerable<TicketViewer> viewers) => CustomerTyping.From(viewers);

    public static CustomerConversation Conversation(Ticket ticket, IEnumerable<(Message Message, string? AgentName)> messages, bool isVerified) =>
        CustomerConversation.From(ticket, messages, isVerified);

    /// <summary>
    /// A satisfaction survey as the widget may show it: the ticket's number and whether it takes an answer. The answer
    /// itself, its credit (agent, team) and any other ticket's survey never travel to a customer.
    /// </summary>
    public static CustomerSurvey Survey(int ticketNumber, bool answered, bool expired) => CustomerSurvey.From(ticketNumber, answered, expired);

    /// <summary>What answering a survey did: thanks, already answered, expired, or the problems with the answer (field: problem code).</summary>
    public static CustomerSurveyResult SurveyResult(string outcome, IReadOnlyDictionary<string, string>? problems = null) =>
        CustomerSurveyResult.From(outcome, problems);

    public static CustomerSuggestions Suggestions(Guid requestId, IEnumerable<Features.Suggestions.KbSuggestion> found, Uri helpCentre) =>
        CustomerSuggestions.From(requestId, found, helpCentre);

    /// <summary>
    /// An e-mail to the customer about their ticket, or nothing when there is nothing they may receive: no address, or a
    /// "reply" that is not an agent's public message (an internal note, a system line). Built from the same projections
    /// as the widget's (<see cref="CustomerMessage"/>, <see cref="CustomerTicket"/>): the e-mail composer sees nothing else.
    /// </summary>
    public static CustomerMail? Mail(Ticket ticket, CustomerMailKind kind, Message? reply, string? agentName) =>
        CustomerMail.From(ticket, kind, reply, agentName);

    /// <summary>
    /// A ticket as the customer's own list shows it (the help-centre portal): number, subject (the customer's own words),
    /// status, and when it last changed in a way the customer could see. Internal activity (notes, property changes) must
    /// not move that date, so the caller passes the latest public moment, never <see cref="Ticket.UpdatedAt"/>.
    /// </summary>
    public static CustomerTicketSummary Summary(Ticket ticket, DateTimeOffset lastPublicActivity) =>
        CustomerTicketSummary.From(ticket, lastPublicActivity);

    /// <summary>A plain-text transcript built from the same projection, for download and for e-mail.</summary>
    public static string Transcript(CustomerConversation conversation, string customerName, string language)
    {
        var spanish = language == "es";
        var text = new StringBuilder();
        text.Append(spanish ? "Conversación del ticket #" : "Conversation for ticket #").Append(conversation.Ticket.Number).Append('\n');
        foreach (var message in conversation.Messages)
        {
            var author = message.Author == CustomerMessage.CustomerAuthor ? customerName : message.AgentName ?? (spanish ? "Soporte" : "Support");
            text.Append('\n').Append('[').Append(message.SentAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm")).Append(" UTC] ")
                .Append(author).Append(":\n").Append(message.Body).Append('\n');
        }
        return text.ToString();
    }
}

/// <summary>Marks the types a customer may receive; an architecture test checks the hub sends nothing else.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CustomerFacingAttribute : Attribute;

[CustomerFacing]
public sealed class CustomerMessage
{
    public const string CustomerAuthor = "customer";
    public const string AgentAuthor = "agent";

    private CustomerMessage(int seq, string author, string? agentName, string body, DateTimeOffset sentAt, DateTimeOffset? editedAt, string? clientMessageId)
    {
        (Seq, Author, AgentName, Body, SentAt, EditedAt, ClientMessageId) = (seq, author, agentName, body, sentAt, editedAt, clientMessageId);
        Html = MarkdownRenderer.ToHtml(body);
    }

    public int Seq { get; }
    public string Author { get; }
    public string? AgentName { get; }
    public string Body { get; }

    /// <summary>The body rendered by the same safe Markdown renderer agents see (raw HTML off, safe link schemes).</summary>
    public string Html { get; }
    public DateTimeOffset SentAt { get; }
    public DateTimeOffset? EditedAt { get; }

    /// <summary>Only on the customer's own messages, so the widget can match its pending copy.</summary>
    public string? ClientMessageId { get; }

    internal static CustomerMessage? From(Message message, string? agentName) => message switch
    {
        { Visibility: MessageVisibility.Public, AuthorKind: AuthorKind.Customer } =>
            new(message.Seq, CustomerAuthor, null, message.Body, message.CreatedAt, message.EditedAt, message.ClientMessageId),
        { Visibility: MessageVisibility.Public, AuthorKind: AuthorKind.Agent } =>
            new(message.Seq, AgentAuthor, agentName, message.Body, message.CreatedAt, message.EditedAt, null),
        _ => null,
    };
}

[CustomerFacing]
public sealed class CustomerTicket
{
    private CustomerTicket(int number, string status) => (Number, Status) = (number, status);

    public int Number { get; }

    /// <summary>open, in_progress, waiting_on_customer, on_hold, resolved or closed; the widget words it.</summary>
    public string Status { get; }

    internal static CustomerTicket From(Ticket ticket) => new(ticket.Number, ticket.Status switch
    {
        TicketStatus.Open => "open",
        TicketStatus.InProgress => "in_progress",
        TicketStatus.WaitingOnCustomer => "waiting_on_customer",
        TicketStatus.OnHold => "on_hold",
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        _ => "open",
    });
}

[CustomerFacing]
public sealed class CustomerTicketSummary
{
    private CustomerTicketSummary(CustomerTicket ticket, string subject, DateTimeOffset lastActivity) =>
        (Ticket, Subject, LastActivity) = (ticket, subject, lastActivity);

    public CustomerTicket Ticket { get; }
    public string Subject { get; }
    public DateTimeOffset LastActivity { get; }

    internal static CustomerTicketSummary From(Ticket ticket, DateTimeOffset lastPublicActivity) =>
        new(CustomerTicket.From(ticket), ticket.Subject, ticket.ResolvedAt is { } resolved && resolved > lastPublicActivity ? resolved : lastPublicActivity);
}

[CustomerFacing]
public sealed class CustomerTyping
{
    private CustomerTyping(bool typing, string? agentName) => (IsTyping, AgentName) = (typing, agentName);

    public bool IsTyping { get; }
    public string? AgentName { get; }

    internal static CustomerTyping From(IEnumerable<TicketViewer> viewers)
    {
        var replying = viewers.FirstOrDefault(v => v.TypingVisibility == MessageVisibility.Public);
        return new(replying is not null, replying?.AgentName);
    }
}

[CustomerFacing]
public sealed class CustomerConversation
{
    private CustomerConversation(CustomerTicket ticket, IReadOnlyList<CustomerMessage> messages, bool isVerified) =>
        (Ticket, Messages, IsVerified) = (ticket, messages, isVerified);

    public CustomerTicket Ticket { get; }

    /// <summary>In sequence order; internal notes are not here, so their sequence numbers are gaps.</summary>
    public IReadOnlyList<CustomerMessage> Messages { get; }
    public bool IsVerified { get; }

    internal static CustomerConversation From(Ticket ticket, IEnumerable<(Message Message, string? AgentName)> messages, bool isVerified) =>
        new(CustomerTicket.From(ticket),
            messages.OrderBy(m => m.Message.Seq).Select(m => CustomerMessage.From(m.Message, m.AgentName)).OfType<CustomerMessage>().ToList(),
            isVerified);
}

/// <summary>What starting or resuming a chat returns: the credential for later calls and what the customer may see.</summary>
[CustomerFacing]
public sealed class WidgetSession
{
    private WidgetSession(string token, CustomerConversation conversation, bool continued) =>
        (Token, Conversation, Continued) = (token, conversation, continued);

    public string Token { get; }
    public CustomerConversation Conversation { get; }

    /// <summary>False when the conversation moved to a follow-up ticket since the widget last saw it: start the list afresh.</summary>
    public bool Continued { get; }

    internal static WidgetSession From(string token, CustomerConversation conversation, bool continued) => new(token, conversation, continued);
}

/// <summary>The answer to a customer's message: stored under this sequence number on this ticket.</summary>
[CustomerFacing]
public sealed class CustomerAck
{
    private CustomerAck(CustomerMessage message, CustomerTicket ticket) => (Message, Ticket) = (message, ticket);

    public CustomerMessage Message { get; }
    public CustomerTicket Ticket { get; }

    internal static CustomerAck From(CustomerMessage message, Ticket ticket) => new(message, CustomerTicket.From(ticket));
}

/// <summary>The hub's handshake answer.</summary>
[CustomerFacing]
public sealed class WidgetStatus
{
    public const int CurrentProtocol = 2;

    private WidgetStatus(bool agentsAvailable) => AgentsAvailable = agentsAvailable;

    public string Service => "AgentWorkspace";
    public int ProtocolVersion => CurrentProtocol;

    /// <summary>False: nobody is online, so the widget offers to leave a message instead of a live chat.</summary>
    public bool AgentsAvailable { get; }

    internal static WidgetStatus From(bool agentsAvailable) => new(agentsAvailable);
}

/// <summary>Help-centre articles suggested to a customer while they type.</summary>
[CustomerFacing]
public sealed class CustomerSuggestions
{
    private CustomerSuggestions(Guid requestId, IReadOnlyList<CustomerArticle> articles) => (RequestId, Articles) = (requestId, articles);

    /// <summary>Quoted back when the customer opens one or sends anyway (deflection tracking).</summary>
    public Guid RequestId { get; }
    public IReadOnlyList<CustomerArticle> Articles { get; }

    internal static CustomerSuggestions From(Guid requestId, IEnumerable<Features.Suggestions.KbSuggestion> found, Uri helpCentre) =>
        new(requestId, found.Select(a => CustomerArticle.From(a, helpCentre)).OfType<CustomerArticle>().ToList());
}

[CustomerFacing]
public sealed class CustomerArticle
{
    private CustomerArticle(int articleId, string title, string url, string language) => (ArticleId, Title, Url, Language) = (articleId, title, url, language);

    public int ArticleId { get; }
    public string Title { get; }

    /// <summary>The article's public help-centre page.</summary>
    public string Url { get; }
    public string Language { get; }

    /// <summary>Internal-only articles never reach a customer, whatever the search returned: the suggestion index flags
    /// as internal every article that is not <see cref="Features.KnowledgeBase.Article.IsPublic"/>.</summary>
    internal static CustomerArticle? From(Features.Suggestions.KbSuggestion article, Uri helpCentre) =>
        article.IsInternal ? null
        : new(article.ArticleId, article.Title, new Uri(helpCentre, $"help/articles/{Uri.EscapeDataString(article.Slug)}").ToString(), article.Language);
}

[CustomerFacing]
public sealed class CustomerSurvey
{
    private CustomerSurvey(int number, string state) => (Number, State) = (number, state);

    public int Number { get; }

    /// <summary>open (takes an answer), answered or expired.</summary>
    public string State { get; }

    internal static CustomerSurvey From(int ticketNumber, bool answered, bool expired) =>
        new(ticketNumber, answered ? "answered" : expired ? "expired" : "open");
}

[CustomerFacing]
public sealed class CustomerSurveyResult
{
    private CustomerSurveyResult(string outcome, IReadOnlyList<CustomerSurveyProblem> problems) => (Outcome, Problems) = (outcome, problems);

    /// <summary>thanks, already_answered, expired, none (no survey to answer) or invalid (see <see cref="Problems"/>).</summary>
    public string Outcome { get; }

    /// <summary>What is wrong with the answer, per field; the widget words them.</summary>
    public IReadOnlyList<CustomerSurveyProblem> Problems { get; }

    internal static CustomerSurveyResult From(string outcome, IReadOnlyDictionary<string, string>? problems) =>
        new(outcome, problems?.Select(p => CustomerSurveyProblem.From(p.Key, p.Value)).ToList() ?? []);
}

[CustomerFacing]
public sealed class CustomerSurveyProblem
{
    private CustomerSurveyProblem(string field, string code) => (Field, Code) = (field, code);

    /// <summary>csat, ces, reason or comment.</summary>
    public string Field { get; }

    /// <summary>CsatRequired, CesOutOfRange, ReasonRequired, ReasonUnknown, CommentTooLong or CommentInvalid.</summary>
    public string Code { get; }

    internal static CustomerSurveyProblem From(string field, string code) => new(field, code);
}

/// <summary>What an e-mail to a customer is about.</summary>
public enum CustomerMailKind
{
    /// <summary>"We received your request": the ticket's number.</summary>
    Received,

    /// <summary>An agent's public reply.</summary>
    Reply,

    /// <summary>The ticket waits on the customer.</summary>
    WaitingOnCustomer,

    /// <summary>The ticket was resolved.</summary>
    Resolved,

    /// <summary>"How did we do?": the link to a satisfaction survey about the ticket's resolution.</summary>
    Survey,
}

/// <summary>Everything an e-mail to a customer may say: the ticket's number, subject and status, and an agent's public reply.</summary>
[CustomerFacing]
public sealed class CustomerMail
{
    private CustomerMail(CustomerMailKind kind, CustomerTicket ticket, string subject, string recipientName, string recipientAddress, string language, CustomerMessage? reply) =>
        (Kind, Ticket, Subject, RecipientName, RecipientAddress, Language, Reply) = (kind, ticket, subject, recipientName, recipientAddress, language, reply);

    public CustomerMailKind Kind { get; }
    public CustomerTicket Ticket { get; }

    /// <summary>The ticket's subject: the customer's own words (their e-mail's subject or first message).</summary>
    public string Subject { get; }
    public string RecipientName { get; }
    public string RecipientAddress { get; }

    /// <summary>"en" or "es": the customer's language.</summary>
    public string Language { get; }

    /// <summary>The reply it carries (<see cref="CustomerMailKind.Reply"/>); null otherwise.</summary>
    public CustomerMessage? Reply { get; }

    /// <param name="ticket">With its customer loaded.</param>
    internal static CustomerMail? From(Ticket ticket, CustomerMailKind kind, Message? reply, string? agentName)
    {
        if (ticket.Customer?.Email is not { } address)
        {
            return null;
        }
        CustomerMessage? message = null;
        if (kind == CustomerMailKind.Reply)
        {
            // Deny by default: only an agent's public message on this very ticket is a reply the customer may get.
            if (reply is null || reply.TicketId != ticket.Id && reply.Ticket != ticket
                || CustomerMessage.From(reply, agentName) is not { Author: CustomerMessage.AgentAuthor } projected)
            {
                return null;
            }
            message = projected;
        }
        else if (reply is not null || !Enum.IsDefined(kind))
        {
            return null;
        }
        var language = ticket.Customer.Language is "es" ? "es" : "en";
        return new(kind, CustomerTicket.From(ticket), ticket.Subject, ticket.Customer.Name, address, language, message);
    }
}
