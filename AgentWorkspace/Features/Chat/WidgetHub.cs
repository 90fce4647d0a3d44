using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace AgentWorkspace.Features.Chat;

/// <summary>What the server pushes to a widget: only <see cref="CustomerFacingAttribute"/> types, built by <see cref="CustomerView"/>.</summary>
public interface IWidgetClient
{
    Task Message(CustomerMessage message);
    Task MessageUpdated(CustomerMessage message);
    Task Ticket(CustomerTicket ticket);
    Task Typing(CustomerTyping typing);

    /// <summary>A satisfaction survey was sent for the chat's ticket (it was resolved): the widget asks inline.</summary>
    Task Survey(CustomerSurvey survey);
}

/// <summary>
/// The only door customers use: the embeddable widget talks to this hub and never holds a Blazor circuit.
/// Anonymous by design; every call about a conversation carries its token, checked on each call
/// (<see cref="WidgetRateLimitFilter"/> limits how often calls may come).
/// </summary>
[AllowAnonymous]
public sealed class WidgetHub(ChatService chat, WidgetFeeds feeds, KbSuggestions suggestions, SuggestionLog suggestionLog, SurveyService surveys) : Hub<IWidgetClient>
{
    public const string Path = "/hubs/widget";
    private const string ConversationKey = "conversation";

    /// <summary>The widget's handshake: the protocol it talks and whether an agent is there to chat.</summary>
    public WidgetStatus Hello() => WidgetStatus.From(chat.AgentsAvailable());

    public async Task<WidgetSession> Start(ChatStart start) => await JoinAsync(await chat.StartAsync(start));

    /// <summary>No agent online: the message becomes a ticket answered later (the widget keeps following it).</summary>
    public async Task<WidgetSession> LeaveMessage(ChatStart start) => await JoinAsync(await chat.StartAsync(start, offline: true));

    /// <summary>After a reload, a new tab or a reconnect: what the widget missed after <paramref name="lastSeq"/> on ticket <paramref name="ticketNumber"/>.</summary>
    public async Task<WidgetSession> Resume(string token, int? ticketNumber, int lastSeq)
    {
        // Join the ticket's feed before reading, so nothing committed in between is missed (the widget drops duplicates by seq).
        var conversation = await ConversationAsync(token);
        await WatchAsync(conversation.TicketId);
        return Unwrap(await chat.ResumeAsync(token, ticketNumber, lastSeq));
    }

    public async Task<CustomerAck> Send(string token, string clientMessageId, string body)
    {
        // Read fresh, not from the connection's memory: another tab may have moved the chat to a follow-up ticket.
        var conversation = await ConversationAsync(token, fresh: true);
        var sent = Unwrap(await chat.SendAsync(conversation, clientMessageId, body));
        if (sent.Conversation.TicketId != conversation.TicketId)
        {
            Context.Items[ConversationKey] = sent.Conversation;
            await WatchAsync(sent.Conversation.TicketId);
        }
        return sent.Ack;
    }

    public async Task Typing(string token, bool typing) => chat.SetTyping(await ConversationAsync(token), typing);

    /// <summary>Up to three help-centre articles for what the customer is typing (public, published articles only).</summary>
    public async Task<CustomerSuggestions> Suggest(string query, string? language)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > MaxSuggestQueryLength)
        {
            throw new HubException($"A suggestion query is 1 to {MaxSuggestQueryLength} characters.");
        }
        var found = suggestions.ForCustomer(query, language is "es" or "en" ? language : null);
        var requestId = await suggestionLog.ShownToCustomerAsync(query, language is "es" ? "es" : "en", found.Select(a => a.ArticleId));
        var request = Context.GetHttpContext()?.Request;
        var helpCentre = request is null ? new Uri("http://localhost/") : new Uri($"{request.Scheme}://{request.Host}/");
        return CustomerView.Suggestions(requestId, found, helpCentre);
    }

    /// <summary>
    /// The customer opened a suggested article ("opened": no conversation needed, suggestions come before the chat does)
    /// or sent their message with the list on screen ("sent", with the conversation's token: an unanswered question in
    /// the KB gap report is then always a real message in a real ticket, and a list counts for one ticket only).
    /// </summary>
    public async Task SuggestionFeedback(string requestId, int? articleId, string outcome, string? token)
    {
        int? ticketId = outcome == "sent" ? (await ConversationAsync(token)).TicketId : null;
        if (!Guid.TryParse(requestId, out var id) || !await suggestionLog.CustomerFeedbackAsync(id, articleId, outcome, ticketId))
        {
            throw new HubException("Unknown suggestion list or outcome.");
        }
    }

    public const int MaxSuggestQueryLength = 2000;

    /// <summary>The satisfaction survey of the chat's ticket, if one was sent (after a reload the widget asks again); null when none.</summary>
    public async Task<CustomerSurvey?> Survey(string token)
    {
        var conversation = await ConversationAsync(token, fresh: true);
        return await surveys.LatestForTicketAsync(conversation.TicketId) is { } survey
            ? CustomerView.Survey(survey.TicketNumber, survey.Answered, survey.Expired)
            : null;
    }

    /// <summary>Answers the chat's ticket's latest survey: once (a second answer is "already_answered"), while it is open.</summary>
    public async Task<CustomerSurveyResult> AnswerSurvey(string token, SurveyAnswer answer)
    {
        var conversation = await ConversationAsync(token, fresh: true);
        if (await surveys.LatestForTicketAsync(conversation.TicketId) is not { } survey)
        {
            return CustomerView.SurveyResult("none");
        }
        var result = await surveys.AnswerAsync(survey.Id, answer ?? new SurveyAnswer(null, null, null, null));
        return CustomerView.SurveyResult(result.Outcome switch
        {
            SurveyAnswerOutcome.Thanks => "thanks",
            SurveyAnswerOutcome.AlreadyAnswered => "already_answered",
            SurveyAnswerOutcome.Expired => "expired",
            SurveyAnswerOutcome.None => "none",
            _ => "invalid",
        }, result.Problems.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(WatchedKey, out var watched) && watched is int ticketId)
        {
            feeds.Unwatch(ticketId, Context.ConnectionId);
        }
        if (Context.Items.TryGetValue(ConversationKey, out var value) && value is ConversationRef conversation)
        {
            chat.SetTyping(conversation, false);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private const string WatchedKey = "watched";

    private async Task<WidgetSession> JoinAsync(ChatResult<WidgetSession> result)
    {
        var session = Unwrap(result);
        var conversation = await ConversationAsync(session.Token);
        await WatchAsync(conversation.TicketId);
        return session;
    }

    /// <summary>
    /// Checks the token on every call. The connection remembers the conversation it last proved, so repeated calls
    /// compare hashes instead of reading the database; any other token is looked up afresh.
    /// </summary>
    private async Task<ConversationRef> ConversationAsync(string? token, bool fresh = false)
    {
        var hash = ConversationToken.TryHash(token) ?? throw new HubException(ChatError.UnknownConversation.Message);
        if (!fresh && Context.Items.TryGetValue(ConversationKey, out var value) && value is ConversationRef known && known.TokenHash.AsSpan().SequenceEqual(hash))
        {
            return known;
        }
        var conversation = await chat.FindAsync(token) ?? throw new HubException(ChatError.UnknownConversation.Message);
        Context.Items[ConversationKey] = conversation;
        return conversation;
    }

    private async Task WatchAsync(int ticketId)
    {
        if (Context.Items.TryGetValue(WatchedKey, out var watched) && watched is int previous)
        {
            if (previous == ticketId)
            {
                return;
            }
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, WidgetFeeds.Group(previous));
            feeds.Unwatch(previous, Context.ConnectionId);
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, WidgetFeeds.Group(ticketId));
        await feeds.WatchAsync(ticketId, Context.ConnectionId);
        Context.Items[WatchedKey] = ticketId;
    }

    private static T Unwrap<T>(ChatResult<T> result) where T : class =>
        result.Value ?? throw new HubException(result.Error!.Message);
}
